/**
 * What each ASPP branch (DeepLab v3 §3.3) sees on its feature map: the span of its 3×3 filter at
 * rate r, 2r + 1 map pixels (r · output stride apart on the input), and how much of the filter
 * lands on the map rather than on zero padding, over every position of an n×n map. At the paper's
 * rate 18 on its 33×33 map no position has all nine taps on the map: the filter degenerates
 * toward its centre tap, which is why image pooling joins the branches.
 */
import * as tf from '@tensorflow/tfjs';
import { validTapHistogramsByRate } from './valid-taps-by-rate.ts';

/** Side of a k-tap filter at rate r, in map pixels. */
export const filterSpan = (kernel: number, rate: number): number => (kernel - 1) * rate + 1;

/**
 * Per rate, on an n×n map under 'same' zero padding: [share of positions with all k² taps on
 * the map, mean share of taps on the map], as a [rates, 2] tensor.
 */
export function validShares(size: number, rates: readonly number[], kernel = 3): tf.Tensor2D {
  return tf.tidy(() => {
    const histograms = validTapHistogramsByRate(size, rates, kernel);
    const taps = kernel * kernel;
    const all = histograms.slice([0, taps], [rates.length, 1]);
    const weights = tf
      .range(0, taps + 1)
      .div(taps)
      .reshape([taps + 1, 1]);
    return tf.concat([all, histograms.matMul(weights)], 1) as tf.Tensor2D;
  });
}
