// Class-balanced cross-entropy. Background is ~90% of a scene's pixels, so an unweighted loss is
// nearly minimised by predicting background everywhere. Median frequency balancing (Eigen &
// Fergus 2015; SegNet) weights class c by median(f) / f_c; we raise that to a power: 1 is full
// balancing, which paints digits fat (their strokes are 2–3 px, so every boundary pixel costs
// IoU), 0 is no balancing.
import * as tf from '@tensorflow/tfjs';

export function balancedClassWeights(frequencies: number[], power: number): number[] {
  const sorted = [...frequencies].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return frequencies.map((f) => (f > 0 ? (median / f) ** power : 1));
}

const EPSILON = 1e-7;

/** Σ w_y · −log p_y / Σ w_y over all pixels; `probs` are softmax outputs, `oneHot` the labels. */
export function weightedCrossEntropy(probs: tf.Tensor, oneHot: tf.Tensor, weights: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const pixelWeight = tf.sum(tf.mul(oneHot, weights), -1);
    const logLikelihood = tf.sum(tf.mul(oneHot, tf.log(tf.clipByValue(probs, EPSILON, 1))), -1);
    return tf.div(tf.neg(tf.sum(tf.mul(pixelWeight, logLikelihood))), tf.sum(pixelWeight)) as tf.Scalar;
  });
}
