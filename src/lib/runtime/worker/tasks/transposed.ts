import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { MODELS, type ModelName } from '../../../models/catalog.ts';
import { type LoadedModel, loadModel } from '../../../models/load.ts';
import {
  bilinearKernel,
  bilinearTaps,
  bilinearTransposedUpsample,
  bilinearUpsampleFilter,
  borderWidth,
} from '../../../ops/bilinear-kernel.ts';
import { convOutputSize } from '../../../ops/conv-arithmetic.ts';
import {
  applyMatrix,
  convMatrix,
  outputPaddingFor,
  overlapCounts,
  placeStamp,
  resizeConv,
  type Stamp,
  stampContributions,
  stampPositions,
  transposedConv2d,
  transposedConv2dSingle,
} from '../../../ops/transposed-conv.ts';
import { readBack } from '../read-back.ts';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b)));

export interface ScatterResult {
  /** Output side o′ = s(i−1) + k − 2p (square input, square kernel). */
  out: number;
  stamps: Stamp[];
  /** x[r,c]·W for every input pixel, [i·i, k, k] row-major. */
  contributions: Float32Array;
  /** Sum of the first j+1 placed stamps for every j, [i·i, o′, o′]: the output as it builds up. */
  partial: Float32Array;
  /** tf.conv2dTranspose on the same input and kernel. */
  conv: Float32Array;
  /** max |sum of all stamps − tf.conv2dTranspose|. */
  maxDiff: number;
}

export interface MatrixResult {
  /** Side of the conv output (2 for 4×4 ⊛ 3×3 at stride 1 or at stride 2 with padding 1). */
  out: number;
  /** Output padding a the transposed conv needs to return to 4×4. */
  outputPadding: number;
  /** C, [o·o, 16] row-major. */
  c: Float32Array;
  /** Cᵀ·y by matrix product and by tf.conv2dTranspose, each 4×4. */
  byMatrix: Float32Array;
  byConv: Float32Array;
  maxDiff: number;
  /** C·x and Cᵀ(C·x) for the round trip, and max |Cᵀ(C·x) − x|. */
  cx: Float32Array;
  ctcx: Float32Array;
  roundTripDiff: number;
}

export interface CheckerboardResult {
  /** Three upsampled images of side 2·input, grey levels (not clamped): k3, k4, resize-conv. */
  k3: Float32Array;
  k4: Float32Array;
  resize: Float32Array;
  /** The kernels used, 3×3, 4×4 and 3×3. */
  kernels: { k3: Float32Array; k4: Float32Array; resize: Float32Array };
  /** One 2×2 block from the middle of each upsampler's output for a flat input of ones. */
  flat: { k3: Float32Array; k4: Float32Array; resize: Float32Array };
  /** Overlap counts of a small input, and their max:min ratio away from the one-pixel border. */
  overlap3: Float32Array;
  overlap4: Float32Array;
  overlapSide3: number;
  overlapSide4: number;
  ratio3: number;
  ratio4: number;
}

export interface BilinearKernelResult {
  taps: number[];
  /** The 2-D kernel, [k, k]. */
  kernel: Float32Array;
  transposed: Float32Array;
  resized: Float32Array;
  /** transposed − resized. */
  difference: Float32Array;
  /** Width of the border where they may differ, and the largest |difference| inside and on it. */
  border: number;
  interiorMax: number;
  borderMax: number;
}

export type ScorePattern = 'pixel' | 'block';

export interface LearnedUpsamplerResult {
  /** The model's title and the layer's name, as shipped. */
  title: string;
  layer: string;
  classes: string[];
  /** The layer's kernel side and stride. */
  k: number;
  stride: number;
  /** Class c's k×k taps (from c to c): as trained, FCN's bilinear initialisation, and trained − bilinear. */
  learned: Float32Array;
  bilinear: Float32Array;
  difference: Float32Array;
  /** Largest |trained tap| from class c into another class (the initialisation has none). */
  leak: number;
  /** The score map fed in (class c only, side × side) and class c of each upsampled map (stride·side). */
  side: number;
  scores: Float32Array;
  upLearned: Float32Array;
  upBilinear: Float32Array;
  upDifference: Float32Array;
  /** Largest |score| the trained layer puts into the other classes' maps from this one class. */
  upLeak: number;
}

type Progress = (received: number, total: number) => void;
const models = new Map<ModelName, Promise<LoadedModel>>();

/** A shipped model, loaded once per worker through the verifying loader; a failed load is retried next time. */
function shippedModel(name: string, onProgress?: Progress): Promise<LoadedModel> {
  if (!(name in MODELS)) throw new Error(`no model named "${name}"`);
  const key = name as ModelName;
  let entry = models.get(key);
  if (entry === undefined) {
    entry = loadModel(key, { base: `${import.meta.env.BASE_URL}weights/`, onProgress }).catch((e: unknown) => {
      models.delete(key);
      throw e;
    });
    models.set(key, entry);
  }
  return entry;
}

/** The model's first learned 2× upsampler: a trainable stride-2 transposed conv. */
function learnedUpsampler(model: tf.LayersModel): tf.layers.Layer {
  const found = model.layers.find((l) => {
    const config = l.getConfig();
    return (
      l.getClassName() === 'Conv2DTranspose' &&
      l.trainable &&
      String(config.strides) === '2,2' &&
      config.padding === 'same'
    );
  });
  if (!found) throw new Error(`${model.name} has no learned 2× transposed convolution`);
  return found;
}

/** A side × side score map for one class: one pixel, or a 2×2 block, near the middle. */
function scoreMap(pattern: ScorePattern, side: number): Float32Array {
  const map = new Float32Array(side * side);
  const mid = Math.floor((side - 1) / 2);
  const cells =
    pattern === 'pixel'
      ? [[mid, mid]]
      : [
          [mid, mid],
          [mid, mid + 1],
          [mid + 1, mid],
          [mid + 1, mid + 1],
        ];
  for (const [r, c] of cells) map[r! * side + c!] = 1;
  return map;
}

/** Overlap map side for the checkerboard figure's count grids. */
const OVERLAP_INPUT = 5;

/** The checkerboard's kernels: equal weights, or seeded random positive weights. */
function checkerKernels(mode: 'uniform' | 'random', seed: number): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const make = (k: number, offset: number) =>
    mode === 'uniform' ? tf.ones([k, k]) : tf.randomUniform([k, k], 0.2, 1, 'float32', seed + offset);
  // A stride-2 transposed conv spreads each input over the output at 1/4 density, so its kernel
  // sums to 4 to keep brightness; the resize-conv's kernel averages, so it sums to 1.
  const normalise = (w: tf.Tensor, total: number) => w.div(w.sum()).mul(total) as tf.Tensor2D;
  return [normalise(make(3, 0), 4), normalise(make(4, 1), 4), normalise(make(3, 2), 1)];
}

/** A 2×2 block from the middle of an upsampled flat image: one of each output phase. */
const middleBlock = (y: tf.Tensor4D) => y.slice([0, OVERLAP_INPUT - 1, OVERLAP_INPUT - 1, 0], [1, 2, 2, 1]);

function interiorRatio(counts: tf.Tensor2D): tf.Tensor {
  const [h, w] = counts.shape;
  const inner = counts.slice([1, 1], [h - 2, w - 2]);
  return inner.max().div(inner.min());
}

export const transposedTasks = {
  /** The scatter view: every stamp, the running sum of placed stamps, and tf.conv2dTranspose. */
  async transposedScatter(
    x: Float32Array,
    side: number,
    kernel: Float32Array,
    k: number,
    stride: number,
    padding: number,
  ): Promise<ScatterResult> {
    const stamps = stampPositions(side, side, stride, padding);
    const tensors = tf.tidy(() => {
      const xt = tf.tensor2d(x, [side, side]);
      const wt = tf.tensor2d(kernel, [k, k]);
      const conv = transposedConv2dSingle(xt, wt, stride, padding);
      const [oh, ow] = conv.shape;
      const contributions = stampContributions(xt, wt);
      const placed = tf.stack(
        stamps.map((s, j) =>
          placeStamp(contributions.slice([j, 0, 0], [1, k, k]).reshape([k, k]) as tf.Tensor2D, s, oh, ow),
        ),
      );
      const partial = tf.cumsum(placed, 0);
      const total = partial.slice([stamps.length - 1, 0, 0], [1, oh, ow]).reshape([oh, ow]);
      return [contributions, partial, conv, maxAbsDiff(total, conv)];
    });
    const out = tensors[2].shape[0];
    const [contributions, partial, conv, diff] = await readBack(...tensors);
    return { out, stamps, contributions, partial, conv, maxDiff: diff[0] };
  },

  /** The matrix view on a 4×4 input and a 3×3 kernel: C, Cᵀ·y both ways, and Cᵀ(C·x) against x. */
  async transposedMatrix(
    kernel: Float32Array,
    stride: number,
    padding: number,
    x: Float32Array,
    y: Float32Array,
  ): Promise<MatrixResult> {
    const out = convOutputSize(4, 3, stride, padding);
    const outputPadding = outputPaddingFor(4, 3, stride, padding);
    const tensors = tf.tidy(() => {
      const w = tf.tensor2d(kernel, [3, 3]);
      const c = convMatrix(4, 4, w, stride, padding);
      const ct = c.transpose() as tf.Tensor2D;
      const yt = tf.tensor2d(y, [out, out]);
      const xt = tf.tensor2d(x, [4, 4]);
      const byMatrix = applyMatrix(ct, yt, 4, 4);
      const byConv = transposedConv2dSingle(yt, w, stride, padding, outputPadding);
      const cx = applyMatrix(c, xt, out, out);
      const ctcx = applyMatrix(ct, cx, 4, 4);
      return [c, byMatrix, byConv, maxAbsDiff(byMatrix, byConv), cx, ctcx, maxAbsDiff(ctcx, xt)];
    });
    const [c, byMatrix, byConv, diff, cx, ctcx, roundTrip] = await readBack(...tensors);
    return { out, outputPadding, c, byMatrix, byConv, maxDiff: diff[0], cx, ctcx, roundTripDiff: roundTrip[0] };
  },

  /**
   * A grey image upsampled ×2 three ways: transposed conv k3 (p1, a1), k4 (p1) and
   * nearest-resize then 3×3 conv; plus the overlap counts of k3 and k4 at stride 2.
   */
  async transposedCheckerboard(
    grey: Float32Array,
    side: number,
    mode: 'uniform' | 'random',
    seed: number,
  ): Promise<CheckerboardResult> {
    const tensors = tf.tidy(() => {
      const image = tf.tensor4d(grey, [1, side, side, 1]);
      const [w3, w4, wr] = checkerKernels(mode, seed);
      const filter = (w: tf.Tensor2D) => w.reshape([w.shape[0], w.shape[1], 1, 1]) as tf.Tensor4D;
      const flat = tf.ones([1, OVERLAP_INPUT, OVERLAP_INPUT, 1]) as tf.Tensor4D;
      const overlap3 = overlapCounts(OVERLAP_INPUT, OVERLAP_INPUT, 3, 2, 1);
      const overlap4 = overlapCounts(OVERLAP_INPUT, OVERLAP_INPUT, 4, 2, 1);
      return [
        transposedConv2d(image, filter(w3), 2, 1, 1),
        transposedConv2d(image, filter(w4), 2, 1),
        resizeConv(image, filter(wr), 2),
        w3,
        w4,
        wr,
        overlap3,
        overlap4,
        interiorRatio(overlap3),
        interiorRatio(overlap4),
        middleBlock(transposedConv2d(flat, filter(w3), 2, 1, 1)),
        middleBlock(transposedConv2d(flat, filter(w4), 2, 1)),
        middleBlock(resizeConv(flat, filter(wr), 2)),
      ];
    });
    const overlapSide3 = tensors[6].shape[0];
    const overlapSide4 = tensors[7].shape[0];
    const [k3, k4, resize, w3, w4, wr, overlap3, overlap4, ratio3, ratio4, flat3, flat4, flatResize] = await readBack(
      ...tensors,
    );
    const result = {
      k3,
      k4,
      resize,
      kernels: { k3: w3, k4: w4, resize: wr },
      flat: { k3: flat3, k4: flat4, resize: flatResize },
      overlap3,
      overlap4,
      overlapSide3,
      overlapSide4,
      ratio3: ratio3[0],
      ratio4: ratio4[0],
    };
    return Comlink.transfer(result, [k3.buffer]);
  },

  /**
   * FCN's bilinear kernel for an even factor (k = 2·factor, stride factor, padding factor/2) as a
   * transposed conv, against tf.image.resizeBilinear with half-pixel centres.
   */
  async transposedBilinear(values: Float32Array, side: number, factor: number): Promise<BilinearKernelResult> {
    const k = 2 * factor;
    const border = borderWidth(factor);
    const tensors = tf.tidy(() => {
      const x = tf.tensor4d(values, [1, side, side, 1]);
      const big = side * factor;
      const transposed = bilinearTransposedUpsample(x, factor);
      const resized = tf.image.resizeBilinear(x, [big, big], false, true);
      const difference = transposed.sub(resized).reshape([big, big]);
      const inner = big - 2 * border;
      const borderMask = tf.pad(
        tf.zeros([inner, inner]),
        [
          [border, border],
          [border, border],
        ],
        1,
      );
      const interiorMax = difference.slice([border, border], [inner, inner]).abs().max();
      const borderMax = difference.abs().mul(borderMask).max();
      return [bilinearKernel(k), transposed, resized, difference, interiorMax, borderMax];
    });
    const [kernel, transposed, resized, difference, interiorMax, borderMax] = await readBack(...tensors);
    return {
      taps: bilinearTaps(k),
      kernel,
      transposed,
      resized,
      difference,
      border,
      interiorMax: interiorMax[0],
      borderMax: borderMax[0],
    };
  },

  /**
   * What training changed in FCN's 2× upsampler: the shipped layer's taps for class c beside the
   * bilinear kernel it started from, and one class's score map upsampled by each (the trained
   * layer run as the network runs it, the bilinear one with the same stride and 'same' padding).
   */
  async transposedLearned(
    name: string,
    cls: number,
    pattern: ScorePattern,
    side: number,
    onProgress?: Progress,
  ): Promise<LearnedUpsamplerResult> {
    const { model, manifest } = await shippedModel(name, onProgress);
    const layer = learnedUpsampler(model);
    const kernel = layer.getWeights()[0]!;
    // conv2dTranspose kernels are [k, k, output channels, input channels].
    const [k, , channels] = kernel.shape as [number, number, number, number];
    const config = layer.getConfig();
    const stride = (config.strides as number[])[0]!;
    const padding = config.padding as 'same' | 'valid';
    if (!Number.isInteger(cls) || cls < 0 || cls >= channels) {
      throw new Error(`class ${cls} is not one of 0…${channels - 1}`);
    }
    const scores = scoreMap(pattern, side);
    // 'same' keeps exactly stride × side, which is how FCN's layers are built.
    const big = side * stride;
    const tensors = tf.tidy(() => {
      const tap = (w: tf.Tensor) => w.slice([0, 0, cls, cls], [k, k, 1, 1]).reshape([k, k]);
      const init = bilinearUpsampleFilter(k, channels);
      const notSelf = tf.oneHot([cls], channels).reshape([1, 1, channels]).sub(1).abs();
      const leak = kernel.slice([0, 0, 0, cls], [k, k, channels, 1]).reshape([k, k, channels]).mul(notSelf).abs().max();
      const only = tf.oneHot([cls], channels).reshape([1, 1, 1, channels]);
      const input = tf.tensor4d(scores, [1, side, side, 1]).mul(only) as tf.Tensor4D;
      const learned = layer.apply(input) as tf.Tensor4D;
      const bilinear = tf.conv2dTranspose(input, init, [1, big, big, channels], stride, padding);
      const own = (y: tf.Tensor4D) => y.slice([0, 0, 0, cls], [1, big, big, 1]).reshape([big * big]);
      const upLeak = learned
        .mul(notSelf.reshape([1, 1, 1, channels]))
        .abs()
        .max();
      return [
        tap(kernel),
        tap(init),
        tap(kernel).sub(tap(init)),
        leak,
        own(learned),
        own(bilinear),
        own(learned).sub(own(bilinear)),
        upLeak,
      ];
    });
    const [learned, bilinear, difference, leak, upLearned, upBilinear, upDifference, upLeak] = await readBack(
      ...tensors,
    );
    const result: LearnedUpsamplerResult = {
      title: manifest.title,
      layer: layer.name,
      classes: manifest.classes,
      k,
      stride,
      learned: learned!,
      bilinear: bilinear!,
      difference: difference!,
      leak: leak![0]!,
      side,
      scores,
      upLearned: upLearned!,
      upBilinear: upBilinear!,
      upDifference: upDifference!,
      upLeak: upLeak![0]!,
    };
    return Comlink.transfer(result, [learned!.buffer, scores.buffer]);
  },
};
