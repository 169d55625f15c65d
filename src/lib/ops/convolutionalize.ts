/**
 * Convolutionalization (Long, Shelhamer & Darrell, FCN, §3.1): a Dense layer that reads a
 * flattened h×w×c map is a conv with an h×w kernel, and every Dense after it is a 1x1 conv.
 * Same weights, only reshaped. Slid over a larger map, the network gives a coarse map of scores.
 */
import * as tf from '@tensorflow/tfjs';
import { dilatedConv2d } from './dilated-conv.ts';

export interface DenseWeights {
  /** [inUnits, outUnits], as tf.layers.dense stores it */
  kernel: tf.Tensor2D;
  bias?: tf.Tensor1D;
}

export interface ConvWeights {
  /** [kh, kw, inChannels, outChannels] */
  kernel: tf.Tensor4D;
  bias?: tf.Tensor1D;
}

export type FeatureShape = readonly [height: number, width: number, channels: number];

/**
 * tf.layers.flatten (and tf.reshape) flatten [h, w, c] row-major, so input unit
 * (y·w + x)·c + ch of the Dense is map position (y, x, ch): the kernel reshapes straight to
 * [h, w, c, out]. (Caffe's fc6 flattens channel-first, hence FCN's OxIxHxW.)
 */
export function denseToConvKernel(kernel: tf.Tensor2D, featureShape: FeatureShape): tf.Tensor4D {
  const [h, w, c] = featureShape;
  const [inUnits, outUnits] = kernel.shape;
  if (inUnits !== h * w * c)
    throw new RangeError(`Dense has ${inUnits} inputs but the map has ${h}·${w}·${c} = ${h * w * c}`);
  return kernel.reshape([h, w, c, outUnits]);
}

/** A Dense after the first one reads a 1×1×inUnits "map": a 1x1 conv. */
export function denseToConv1x1(kernel: tf.Tensor2D): tf.Tensor4D {
  const [inUnits, outUnits] = kernel.shape;
  return kernel.reshape([1, 1, inUnits, outUnits]);
}

/** Flatten → Dense → Dense … becomes conv(h×w) → conv(1x1) → … with the same weights. */
export function convolutionalize(dense: readonly DenseWeights[], featureShape: FeatureShape): ConvWeights[] {
  return dense.map(({ kernel, bias }, i) => ({
    kernel: i === 0 ? denseToConvKernel(kernel, featureShape) : denseToConv1x1(kernel),
    ...(bias ? { bias } : {}),
  }));
}

export type Activation = 'linear' | 'relu';

/** Runs the dense layers on a [n, units] batch; `activation` between layers, none after the last. */
export function applyDense(
  x: tf.Tensor2D,
  layers: readonly DenseWeights[],
  activation: Activation = 'relu',
): tf.Tensor2D {
  return tf.tidy(() =>
    layers.reduce((y, { kernel, bias }, i) => {
      let z = tf.matMul(y, kernel);
      if (bias) z = z.add(bias);
      return (activation === 'relu' && i < layers.length - 1 ? tf.relu(z) : z) as tf.Tensor2D;
    }, x),
  );
}

/**
 * Runs the convolutionalized layers ('valid', stride 1) on a map. On an h×w map the output is
 * 1×1 and equals applyDense on the flattened map; on an H×W map it is (H−h+1)×(W−w+1), and
 * empty (0 rows or columns) on a map smaller than h×w.
 */
export function applyConvolutionalized(
  x: tf.Tensor4D,
  layers: readonly ConvWeights[],
  activation: Activation = 'relu',
): tf.Tensor4D {
  return tf.tidy(() =>
    layers.reduce((y, { kernel, bias }, i) => {
      let z = dilatedConv2d(y, kernel, 1, 'valid');
      if (bias) z = z.add(bias);
      return (activation === 'relu' && i < layers.length - 1 ? tf.relu(z) : z) as tf.Tensor4D;
    }, x),
  );
}
