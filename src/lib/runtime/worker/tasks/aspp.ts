// Worker tasks of the ASPP lesson: what the trained DeepLab's branches are (read from its layers),
// how much of each branch's filter lands on a map, the model re-run with branches switched off,
// and DeepLab v3 against v3+ on a scene's boundaries.
//
// Switching a branch off: runLayers re-runs the loaded model layer by layer and replaces the
// branch's output (after its batch norm and ReLU, just before the concatenation) with zeros. The
// 1×1 projection after the concatenation is linear without bias, so a zero branch adds nothing to
// it: the branch's contribution is removed and everything else, weights and batch-norm statistics
// included, stays as trained. Image pooling is added after its own bias-free projection (the same
// sum, see deeplab.ts), so zeroing its ReLU output removes it the same way.
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { confusionMatrix, segmentationMetrics } from '../../../models/metrics.ts';
import { runLayers } from '../../../models/run-layers.ts';
import { validShares } from '../../../ops/aspp-fields.ts';
import { boundaryBand } from '../../../ops/boundary-band.ts';
import { validTapCountsByRate } from '../../../ops/valid-taps-by-rate.ts';
import { readBack } from '../read-back.ts';
import { sharedModel } from './models.ts';

/** Where the branches meet, and the image-pooling branch's last layer before its projection. */
const CONCAT = 'aspp_concat';
const IMAGE_POOL = 'image_pool_conv_relu';

export interface AsppBranch {
  /** The layer whose output the switch zeroes. */
  layer: string;
  kind: 'conv' | 'pool';
  kernel: number;
  rate: number;
}

export interface AsppInfo {
  branches: AsppBranch[];
  /** Side of the map the branches read, and of the input it came from, for the trained size. */
  mapSize: number;
  inputSize: number;
  outputStride: number;
}

export interface SwitchResult {
  classMap: Uint8Array;
  fullClassMap: Uint8Array;
  /** [height, width, classes] softmax probabilities, with the switches and with every branch on. */
  probabilities: Float32Array;
  fullProbabilities: Float32Array;
  meanIoU: number;
  fullMeanIoU: number;
  /** Pixels whose class differs from the prediction with every branch on. */
  changed: number;
}

export interface DecoderRun {
  classMap: Uint8Array;
  meanIoU: number;
  /** 1 where the prediction is wrong. */
  errors: Uint8Array;
  errorsInBand: number;
  errorsOutside: number;
}

export interface DecoderResult {
  band: Uint8Array;
  bandPixels: number;
  v3: DecoderRun;
  v3plus: DecoderRun;
}

const inboundOf = (layer: tf.layers.Layer) => layer.inboundNodes[0]?.inboundLayers ?? [];

/** The first layer with a kernel at or above `layer` (its conv, behind batch norm and ReLU). */
function convAbove(layer: tf.layers.Layer): tf.layers.Layer {
  let at = layer;
  while (at.getConfig().kernelSize === undefined && at.getClassName() !== 'AtrousConv2D') {
    const up = inboundOf(at)[0];
    if (up === undefined) throw new Error(`no convolution above ${layer.name}`);
    at = up;
  }
  return at;
}

function branchOf(layer: tf.layers.Layer): AsppBranch {
  const c = convAbove(layer).getConfig();
  const first = (v: unknown) => (Array.isArray(v) ? (v[0] as number) : (v as number | undefined));
  return {
    layer: layer.name,
    kind: 'conv',
    kernel: first(c.kernelSize) ?? 3,
    rate: first(c.rate ?? c.dilationRate) ?? 1,
  };
}

function meanIoU(truth: Uint8Array, predicted: Uint8Array): number {
  return segmentationMetrics(confusionMatrix(truth, predicted, 11), 11).meanIoU;
}

/** Per set of zeroed layers: the class map and the probabilities. */
async function predictions(
  name: string,
  image: Float32Array,
  height: number,
  width: number,
  zeroSets: ReadonlySet<string>[],
): Promise<{ classMap: Uint8Array; probabilities: Float32Array }[]> {
  const { model } = await sharedModel(name);
  const outputs = tf.tidy(() => {
    const x = tf.tensor4d(image, [1, height, width, 1]);
    return zeroSets.flatMap((zero) => {
      const probs = runLayers(model, x, zero).output;
      return [probs, probs.argMax(-1)];
    });
  });
  const values = await readBack(...outputs);
  // Copies, so that each array has a buffer of its own to transfer.
  return zeroSets.map((_, i) => ({
    probabilities: values[2 * i]!.slice(),
    classMap: Uint8Array.from(values[2 * i + 1]!),
  }));
}

export const asppTasks = {
  /** The trained DeepLab's ASPP branches and the map they read, from its layers. */
  async asppInfo(name: string): Promise<AsppInfo> {
    const { model, info } = await sharedModel(name);
    const branches = inboundOf(model.getLayer(CONCAT)).map(branchOf);
    branches.push({ layer: IMAGE_POOL, kind: 'pool', kernel: 0, rate: 0 });
    const mapSize = info.layers.find((l) => l.name === CONCAT)!.shape[1]!;
    return { branches, mapSize, inputSize: info.input.height, outputStride: info.input.height / mapSize };
  },

  /** Per rate on an n×n map: [share of positions with all 9 taps on the map, mean share of taps on it]. */
  async asppValidShares(size: number, rates: number[]): Promise<[number, number][]> {
    const [shares] = await readBack(validShares(size, rates));
    return rates.map((_, i) => [shares![2 * i]!, shares![2 * i + 1]!]);
  },

  /** Valid taps at every position of an n×n map, per rate: [rates, n, n] row-major. */
  async asppValidCounts(size: number, rates: number[]): Promise<Float32Array> {
    const [counts] = await readBack(validTapCountsByRate(size, rates));
    return Comlink.transfer(counts!, [counts!.buffer]);
  },

  /** The model on a scene with the listed branch layers zeroed, beside the model whole. */
  async asppSwitch(
    name: string,
    image: Float32Array,
    label: Uint8Array,
    height: number,
    width: number,
    off: string[],
  ): Promise<SwitchResult> {
    const [full, switched] = await predictions(name, image, height, width, [new Set(), new Set(off)]);
    const changed = switched!.classMap.reduce((n, c, i) => n + (c === full!.classMap[i] ? 0 : 1), 0);
    const result: SwitchResult = {
      classMap: switched!.classMap,
      fullClassMap: full!.classMap,
      changed,
      probabilities: switched!.probabilities,
      fullProbabilities: full!.probabilities,
      meanIoU: meanIoU(label, switched!.classMap),
      fullMeanIoU: meanIoU(label, full!.classMap),
    };
    const buffers = [switched!, full!].flatMap((p) => [p.classMap.buffer, p.probabilities.buffer]);
    return Comlink.transfer(result, buffers);
  },

  /** DeepLab v3 and v3+ on one scene: their errors, and how many fall within `band` pixels of a boundary. */
  async asppDecoder(
    image: Float32Array,
    label: Uint8Array,
    height: number,
    width: number,
    band: number,
  ): Promise<DecoderResult> {
    const [v3] = await predictions('deeplabv3', image, height, width, [new Set()]);
    const [plus] = await predictions('deeplabv3plus', image, height, width, [new Set()]);
    const [bandData] = await readBack(tf.tidy(() => boundaryBand(tf.tensor2d(label, [height, width], 'int32'), band)));
    const bandMap = Uint8Array.from(bandData!);
    const run = (classMap: Uint8Array): DecoderRun => {
      const errors = classMap.map((c, i) => (c === label[i] ? 0 : 1));
      const errorsInBand = errors.reduce((n, e, i) => n + e * bandMap[i]!, 0);
      const total = errors.reduce((n, e) => n + e, 0);
      return { classMap, meanIoU: meanIoU(label, classMap), errors, errorsInBand, errorsOutside: total - errorsInBand };
    };
    const result: DecoderResult = {
      band: bandMap,
      bandPixels: bandMap.reduce((n, b) => n + b, 0),
      v3: run(v3!.classMap),
      v3plus: run(plus!.classMap),
    };
    return result;
  },
};
