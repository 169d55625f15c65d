/**
 * Gridding (Yu & Koltun 2016; Wang et al., "Understanding Convolution for Semantic
 * Segmentation", WACV 2018): which input pixels reach one output through a stack of k×k dilated
 * convs, and by how many paths. Rates with a common factor, e.g. (2, 4, 8), leave holes;
 * hybrid rates such as (1, 2, 5) cover the whole field.
 */
import * as tf from '@tensorflow/tfjs';
import { effectiveKernelSize } from './conv-arithmetic.ts';

/**
 * Number of paths from each input pixel to the single output, [r, r] with r the receptive field.
 * Built by 'full' convolution of a one-hot with a ones kernel at each rate (order does not
 * matter: convolution commutes); 0 marks a hole.
 */
export function griddingCounts(dilations: readonly number[], kernel = 3): tf.Tensor2D {
  return tf.tidy(() => {
    let map = tf.ones([1, 1, 1, 1]) as tf.Tensor4D;
    const ones = tf.ones([kernel, kernel, 1, 1]) as tf.Tensor4D;
    for (const d of dilations) {
      const grow = effectiveKernelSize(kernel, d) - 1;
      map = tf.conv2d(
        map,
        ones,
        1,
        [
          [0, 0],
          [grow, grow],
          [grow, grow],
          [0, 0],
        ],
        'NHWC',
        d,
      );
    }
    return map.reshape([map.shape[1], map.shape[2]]) as tf.Tensor2D;
  });
}

/** Fraction of the receptive-field square that reaches the output at all (1 = no holes). */
export function reachedFraction(dilations: readonly number[], kernel = 3): number {
  return tf.tidy(() => griddingCounts(dilations, kernel).greater(0).mean().dataSync()[0]!);
}

export function hasHoles(dilations: readonly number[], kernel = 3): boolean {
  return reachedFraction(dilations, kernel) < 1;
}
