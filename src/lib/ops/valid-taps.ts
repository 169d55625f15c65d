/**
 * DeepLab v3 (Chen et al. 2017) Fig. 4 recomputed: how many taps of a k×k filter at rate r land
 * on the n×n feature map (rather than on zero padding) under 'same' padding. Convolving a map of
 * ones with a kernel of ones at dilation r counts the valid taps at every output position.
 */
import * as tf from '@tensorflow/tfjs';

/** Number of valid taps at each output position, [n, n]. */
export function validTapCounts(size: number, rate: number, kernel = 3): tf.Tensor2D {
  return tf.tidy(() => {
    const ones = tf.ones([1, size, size, 1]) as tf.Tensor4D;
    const taps = tf.ones([kernel, kernel, 1, 1]) as tf.Tensor4D;
    return tf.conv2d(ones, taps, 1, 'same', 'NHWC', rate).reshape([size, size]) as tf.Tensor2D;
  });
}

/** Fraction of output positions with exactly j valid taps, j = 0 … k², as a [k² + 1] tensor. */
export function validTapHistogram(size: number, rate: number, kernel = 3): tf.Tensor1D {
  return tf.tidy(() => {
    const counts = validTapCounts(size, rate, kernel).round().toInt().reshape([-1]) as tf.Tensor1D;
    return tf.bincount(counts, [], kernel * kernel + 1).div(size * size) as tf.Tensor1D;
  });
}

export interface ValidTapStats {
  rate: number;
  /** fraction of output positions where all k² taps are valid */
  allValid: number;
  /** mean fraction of valid taps over positions (the "valid weights" of Fig. 4) */
  meanValid: number;
  /** histogram[j] = fraction of positions with exactly j valid taps */
  histogram: number[];
}

/** The Fig. 4 numbers for one rate (reads the tensors back: plain numbers for a chart). */
export function validTapStats(size: number, rate: number, kernel = 3): ValidTapStats {
  const histogram = tf.tidy(() => Array.from(validTapHistogram(size, rate, kernel).dataSync()));
  const taps = kernel * kernel;
  const meanValid = histogram.reduce((acc, p, j) => acc + (p * j) / taps, 0);
  return { rate, allValid: histogram[taps]!, meanValid, histogram };
}

/** validTapStats over several rates, e.g. 1 … 65 on a 65×65 map for the whole figure. */
export function validTapCurve(size: number, rates: readonly number[], kernel = 3): ValidTapStats[] {
  return rates.map((r) => validTapStats(size, r, kernel));
}
