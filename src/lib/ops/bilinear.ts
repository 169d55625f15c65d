import * as tf from '@tensorflow/tfjs';
import { axisSamples, tfFlags, type AxisSample, type Convention } from './bilinear-coordinates.ts';

/**
 * Bilinear resize written out as the lesson's formula: two 1-D interpolations along x
 * (top and bottom rows), then one along y. images: [N, H, W, C].
 */
export function resizeBilinear(images: tf.Tensor4D, size: [number, number], convention: Convention): tf.Tensor4D {
  const [, inH, inW] = images.shape;
  const rows = axisSamples(inH, size[0], convention);
  const cols = axisSamples(inW, size[1], convention);
  return tf.tidy(() => {
    const index = (samples: AxisSample[], key: 'lo' | 'hi') => tf.tensor1d(samples.map((s) => s[key]), 'int32');
    const fx = tf.tensor(cols.map((s) => s.frac), [1, 1, size[1], 1]);
    const fy = tf.tensor(rows.map((s) => s.frac), [1, size[0], 1, 1]);
    const lerp = (a: tf.Tensor, b: tf.Tensor, t: tf.Tensor) => a.add(b.sub(a).mul(t));
    const alongX = (rowsOf: tf.Tensor) =>
      lerp(tf.gather(rowsOf, index(cols, 'lo'), 2), tf.gather(rowsOf, index(cols, 'hi'), 2), fx);
    const top = alongX(tf.gather(images, index(rows, 'lo'), 1));
    const bottom = alongX(tf.gather(images, index(rows, 'hi'), 1));
    return lerp(top, bottom, fy) as tf.Tensor4D;
  });
}

/** TF.js's own kernel for the same convention, for side-by-side comparison. */
export function resizeBilinearTf(images: tf.Tensor4D, size: [number, number], convention: Convention): tf.Tensor4D {
  const { alignCorners, halfPixelCenters } = tfFlags(convention);
  return tf.image.resizeBilinear(images, size, alignCorners, halfPixelCenters);
}

/** Nearest-neighbour resize under the same convention, the blocky baseline. */
export function resizeNearest(images: tf.Tensor4D, size: [number, number], convention: Convention): tf.Tensor4D {
  const { alignCorners, halfPixelCenters } = tfFlags(convention);
  return tf.image.resizeNearestNeighbor(images, size, alignCorners, halfPixelCenters);
}

/**
 * The four weights of a point at (fx, fy) inside a unit cell, ordered TL, TR, BL, BR:
 * each is the area of the rectangle opposite its corner.
 */
export function cellWeights(fx: number, fy: number): tf.Tensor1D {
  return tf.tidy(() => {
    const x = tf.tensor1d([1 - fx, fx, 1 - fx, fx]);
    const y = tf.tensor1d([1 - fy, 1 - fy, fy, fy]);
    return x.mul(y) as tf.Tensor1D;
  });
}

/** The interpolated value in a unit cell: corners (TL, TR, BL, BR) weighted by cellWeights. */
export function cellValue(corners: tf.Tensor1D, fx: number, fy: number): tf.Scalar {
  return tf.tidy(() => tf.sum(corners.mul(cellWeights(fx, fy))));
}
