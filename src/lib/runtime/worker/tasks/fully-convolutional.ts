import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { type DigitSet, digitPixels } from '../../../data/digits.ts';
import { loadTestDigits } from '../../../data/load-digits.ts';
import { makeScene, type Placement } from '../../../data/scene.ts';
import { loadModel } from '../../../models/load.ts';
import { convOutputSize, effectiveKernelSize } from '../../../ops/conv-arithmetic.ts';
import {
  applyConvolutionalized,
  type ConvWeights,
  convolutionalize,
  type DenseWeights,
} from '../../../ops/convolutionalize.ts';
import { readBack } from '../read-back.ts';

// The classifier's layers by name (src/lib/models/classifier.ts): a conv trunk, then the head.
const TRUNK = ['conv1', 'pool1', 'conv2', 'pool2'] as const;
const HEAD = ['fc1', 'fc2'] as const;

interface Classifier {
  model: tf.LayersModel;
  trunk: tf.layers.Layer[];
  dense: DenseWeights[];
  conv: ConvWeights[];
  /** [h, w, c] of the trunk's output on one digit: what flatten reads. */
  featureShape: [number, number, number];
  /**
   * fc1's weights with the output unit first, as a Dense kernel [out, h·w·c] and as a conv kernel
   * [out, c, h, w] (FCN's O×I×H×W): one unit's column, or one channel's h×w slice, is then a
   * contiguous slice, which the wasm backend copies far faster than a strided one.
   */
  byUnit: { dense: tf.Tensor2D; conv: tf.Tensor4D };
  digits: DigitSet;
}

/** The shipped test digits could not be fetched or read: not the classifier's fault. */
export class DigitsLoadError extends Error {
  override name = 'DigitsLoadError';
}

/**
 * `load` once per worker: later calls share its promise, and a failed load is forgotten so the
 * next call retries (a reader's next input recovers the figure once the file is served again).
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
}

// Weights and digits are loaded and retried separately: a missing digits file must neither be
// reported as the classifier's failure nor cost a second download of weights that did arrive.
const digitSet = once(async () => {
  try {
    return await loadTestDigits(import.meta.env.BASE_URL);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new DigitsLoadError(`the MNIST test digits did not load (${why}); reload the page or check your connection`);
  }
});

const model = once(async () => (await loadModel('classifier', { base: `${import.meta.env.BASE_URL}weights/` })).model);

const classifier = once(async (): Promise<Classifier> => {
  const [m, digits] = await Promise.all([model(), digitSet()]);
  const trunk = TRUNK.map((name) => m.getLayer(name));
  const [, h, w, c] = m.getLayer('pool2').outputShape as number[];
  const featureShape: [number, number, number] = [h!, w!, c!];
  const dense = HEAD.map((name) => {
    const [kernel, bias] = m.getLayer(name).getWeights() as [tf.Tensor2D, tf.Tensor1D];
    return { kernel, bias };
  });
  // The same weight tensors, only reshaped: fc1 [h·w·c, 64] → [h, w, c, 64], fc2 [64, 10] → [1, 1, 64, 10].
  const conv = convolutionalize(dense, featureShape);
  const byUnit = {
    dense: dense[0]!.kernel.transpose<tf.Tensor2D>(),
    conv: conv[0]!.kernel.transpose<tf.Tensor4D>([3, 2, 0, 1]),
  };
  return { model: m, trunk, dense, conv, featureShape, byUnit, digits };
});

const runTrunk = (c: Classifier, x: tf.Tensor4D) => c.trunk.reduce((y, layer) => layer.apply(y) as tf.Tensor4D, x);

export interface KernelShapes {
  featureShape: number[];
  denseKernels: number[][];
  convKernels: number[][];
}

export interface DigitResult extends KernelShapes {
  /** How many test digits ship, and which one this is (wrapped into range). */
  count: number;
  index: number;
  label: number;
  pixels: Uint8Array;
  /** The classifier as trained: flatten → fc1 → fc2 (softmax). */
  dense: Float32Array;
  /** The same weights as convolutions: a 1×1×10 map. */
  conv: Float32Array;
  convOutputShape: number[];
  maxDiff: number;
  /** fc1's weights into output `unit`: its Dense column (h·w·c numbers) … */
  unit: number;
  column: Float32Array;
  /** … and the h×w slice of the conv kernel at input `channel`, row-major. */
  channel: number;
  slice: Float32Array;
}

export interface SceneResult {
  size: number;
  image: Float32Array;
  placements: Placement[];
  /** [rows, cols, 10] class probabilities, row-major. */
  probs: Float32Array;
  rows: number;
  cols: number;
  /** Output cell (r, c) classifies the window of side `window` at (r·stride, c·stride). */
  stride: number;
  window: number;
  /** [h, w, c] of the trunk's map of the whole scene. */
  featureShape: number[];
}

export interface OutputShapeResult {
  /** The shape tf.conv2d gave; [1, 0, 0, 1] (2-D) or [1, 1, 0, 1] (1-D) when no window fits. */
  shape: number[];
  /** With input and kernel all ones: how many taps of each window read the input, not padding. */
  values: Float32Array;
  /** tf.conv2d refuses stride > 1 with dilation > 1, so the dilated kernel was written out with zeros. */
  writtenOut: boolean;
}

export const fullyConvolutionalTasks = {
  /**
   * One test digit through the classifier both ways, and fc1's weights for one output unit: its
   * column of the Dense matrix and one channel of the same numbers as a conv kernel.
   */
  async fullyConvDigit(index: number, unit = 0, channel = 0): Promise<DigitResult> {
    const c = await classifier();
    const i = ((Math.round(index) % c.digits.count) + c.digits.count) % c.digits.count;
    const pixels = digitPixels(c.digits, i).slice();
    const [h, w] = c.model.inputs[0]!.shape.slice(1) as number[];
    // One trunk pass feeds both heads: the trained flatten → fc1 → fc2 layers, and their
    // weights reshaped into convolutions. One tensor comes back: 10 + 10 probabilities, their
    // largest gap, fc1's column for `unit`, and its kernel slice for `channel`.
    const { packed, convOutputShape } = tf.tidy(() => {
      const features = runTrunk(
        c,
        tf.tensor4d(
          Float32Array.from(pixels, (v) => v / 255),
          [1, h!, w!, 1],
        ),
      );
      const viaDense = (['flatten', ...HEAD] as const).reduce(
        (y, name) => c.model.getLayer(name).apply(y) as tf.Tensor,
        features as tf.Tensor,
      );
      const viaConv = tf.softmax(applyConvolutionalized(features, c.conv));
      const flat = viaConv.reshape([1, -1]);
      const gap = tf.max(tf.abs(viaDense.sub(flat))).reshape([1, 1]);
      const [fh, fw] = c.featureShape;
      const column = c.byUnit.dense.slice([unit, 0], [1, -1]);
      const slice = c.byUnit.conv.slice([unit, channel, 0, 0], [1, 1, fh, fw]).reshape([1, -1]);
      return { packed: tf.concat([viaDense, flat, gap, column, slice], 1), convOutputShape: viaConv.shape.slice() };
    });
    const [values] = (await readBack(packed)) as [Float32Array];
    const classes = c.dense.at(-1)!.kernel.shape[1];
    const inUnits = c.dense[0]!.kernel.shape[0];
    return {
      count: c.digits.count,
      index: i,
      label: c.digits.labels[i]!,
      pixels,
      dense: values.slice(0, classes),
      conv: values.slice(classes, 2 * classes),
      convOutputShape,
      maxDiff: values[2 * classes]!,
      unit,
      channel,
      column: values.slice(2 * classes + 1, 2 * classes + 1 + inUnits),
      slice: values.slice(2 * classes + 1 + inUnits),
      featureShape: c.featureShape,
      denseKernels: c.dense.map((l) => l.kernel.shape.slice()),
      convKernels: c.conv.map((l) => l.kernel.shape.slice()),
    };
  },

  /** A seeded scene of digits and the convolutionalized classifier's probabilities over it. */
  async fullyConvScene(seed: number, size: number): Promise<SceneResult> {
    const c = await classifier();
    const scene = makeScene(c.digits, seed, { height: size, width: size, minDigits: 1, maxDigits: 3 });
    // The trunk's map of the whole scene, then the reshaped head slid over it: [1, rows, cols, 10].
    const { probsT, featureShape } = tf.tidy(() => {
      const features = runTrunk(c, tf.tensor4d(scene.image, [1, size, size, 1]));
      const probs = tf.softmax(applyConvolutionalized(features, c.conv)) as tf.Tensor4D;
      return { probsT: probs, featureShape: features.shape.slice(1) };
    });
    const [, rows, cols] = probsT.shape;
    const [probs] = (await readBack(probsT)) as [Float32Array];
    // Downsampling of the trunk, and how many input pixels fc1's kernel spans.
    const stride = size / featureShape[0]!;
    const result: SceneResult = {
      size,
      image: scene.image,
      placements: scene.placements,
      probs,
      rows,
      cols,
      stride,
      window: stride * c.conv[0]!.kernel.shape[0],
      featureShape,
    };
    return Comlink.transfer(result, [probs.buffer, scene.image.buffer]);
  },

  /**
   * Runs a real tf.conv2d on an all-ones input (i×i, or 1×i for 1-D) with an all-ones k×k (1×k)
   * kernel and explicit zero padding p, and reports the output shape it gives. When no window
   * fits (convOutputSize is 0) the output is empty, as the ops return it (dilatedConv2d,
   * applyConvolutionalized): tf.conv2d itself fails on the negative size it computes.
   */
  async fullyConvOutputShape(
    input: number,
    kernel: number,
    stride: number,
    padding: number,
    dilation: number,
    dims: 1 | 2,
  ): Promise<OutputShapeResult> {
    if (convOutputSize(input, kernel, stride, padding, dilation) === 0) {
      return { shape: [1, dims === 2 ? 0 : 1, 0, 1], values: new Float32Array(0), writtenOut: false };
    }
    const writtenOut = stride > 1 && dilation > 1;
    const span = effectiveKernelSize(kernel, dilation);
    const rows = dims === 2 ? input : 1;
    const y = tf.tidy(() => {
      const x = tf.ones([1, rows, input, 1]) as tf.Tensor4D;
      const pad: [[0, 0], [number, number], [number, number], [0, 0]] = [
        [0, 0],
        dims === 2 ? [padding, padding] : [0, 0],
        [padding, padding],
        [0, 0],
      ];
      if (!writtenOut) {
        const ones = tf.ones([dims === 2 ? kernel : 1, kernel, 1, 1]) as tf.Tensor4D;
        return tf.conv2d(x, ones, stride, pad, 'NHWC', dilation);
      }
      // Taps every `dilation` cells, zeros between them: the same convolution at dilation 1.
      const taps = Float32Array.from({ length: span }, (_, t) => (t % dilation === 0 ? 1 : 0));
      const k1 = tf.tensor1d(taps);
      const k = dims === 2 ? tf.outerProduct(k1, k1) : k1.reshape([1, span]);
      return tf.conv2d(x, k.reshape([dims === 2 ? span : 1, span, 1, 1]) as tf.Tensor4D, stride, pad);
    });
    const shape = y.shape.slice();
    const [values] = await readBack(y);
    return { shape, values: values!, writtenOut };
  },
};
