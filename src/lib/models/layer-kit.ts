// Small builders shared by the architectures. Every initialiser is seeded so that a model built
// twice with the same seed starts from the same weights.
import * as tf from '@tensorflow/tfjs';
import { bilinearUpsampleFilter } from '../ops/bilinear-kernel.ts';

export type SymbolicTensor = tf.SymbolicTensor;

/** Hands out consecutive seeds, one per initialiser. */
export function seeder(seed: number): () => number {
  let next = seed;
  return () => next++;
}

export function conv(
  x: SymbolicTensor,
  filters: number,
  kernelSize: number,
  name: string,
  seed: () => number,
  options: {
    strides?: number;
    padding?: 'same' | 'valid';
    activation?: 'relu' | 'linear' | 'softmax';
    useBias?: boolean;
  } = {},
): SymbolicTensor {
  return tf.layers
    .conv2d({
      filters,
      kernelSize,
      name,
      strides: options.strides ?? 1,
      padding: options.padding ?? 'same',
      activation: options.activation ?? 'relu',
      useBias: options.useBias ?? true,
      kernelInitializer: tf.initializers.heNormal({ seed: seed() }),
    })
    .apply(x) as SymbolicTensor;
}

export function maxPool(x: SymbolicTensor, name: string): SymbolicTensor {
  return tf.layers.maxPooling2d({ poolSize: 2, strides: 2, name }).apply(x) as SymbolicTensor;
}

export function batchNormRelu(x: SymbolicTensor, name: string): SymbolicTensor {
  const bn = tf.layers.batchNormalization({ name: `${name}_bn` }).apply(x) as SymbolicTensor;
  return tf.layers.activation({ activation: 'relu', name: `${name}_relu` }).apply(bn) as SymbolicTensor;
}

/**
 * Transposed convolution with kernel 2·factor, stride factor and padding factor/2, initialised
 * to bilinear upsampling of each channel (FCN §4.3). `trainable: false` keeps it fixed.
 */
export function bilinearUpsample(
  x: SymbolicTensor,
  channels: number,
  factor: number,
  name: string,
  trainable: boolean,
): SymbolicTensor {
  const k = 2 * factor;
  const layer = tf.layers.conv2dTranspose({
    filters: channels,
    kernelSize: k,
    strides: factor,
    padding: 'same',
    useBias: false,
    name,
    trainable,
    kernelInitializer: 'zeros',
  });
  const y = layer.apply(x) as SymbolicTensor;
  const kernel = bilinearUpsampleFilter(k, channels);
  layer.setWeights([kernel]);
  kernel.dispose();
  return y;
}

export function softmax(x: SymbolicTensor, name = 'prob'): SymbolicTensor {
  return tf.layers.activation({ activation: 'softmax', name }).apply(x) as SymbolicTensor;
}

/** [N, H, W, 1] input of any size. */
export function imageInput(name = 'image'): SymbolicTensor {
  return tf.input({ shape: [null, null, 1], name }) as SymbolicTensor;
}
