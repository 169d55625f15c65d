import * as tf from '@tensorflow/tfjs';
import { axisSamples, type Convention, tfFlags } from './bilinear-coordinates.ts';

/**
 * The 1-D interpolation along one axis as an [outSize, inSize] matrix: row d holds 1 − frac at
 * column lo and frac at column hi. Every output is a fixed weighted sum of inputs.
 */
export function interpolationMatrix(inSize: number, outSize: number, convention: Convention): tf.Tensor2D {
  const m = new Float32Array(outSize * inSize);
  axisSamples(inSize, outSize, convention).forEach(({ lo, hi, frac }, d) => {
    m[d * inSize + lo] += 1 - frac;
    m[d * inSize + hi] += frac;
  });
  return tf.tensor2d(m, [outSize, inSize]);
}

/** Applies an [out, in] matrix along `axis` of a 4-D tensor. */
function alongAxis(x: tf.Tensor4D, matrix: tf.Tensor2D, axis: 1 | 2): tf.Tensor4D {
  const [toFront, back] =
    axis === 1
      ? [
          [1, 0, 2, 3],
          [1, 0, 2, 3],
        ]
      : [
          [2, 0, 1, 3],
          [1, 2, 0, 3],
        ];
  const moved = x.transpose(toFront);
  const [inSize, ...rest] = moved.shape;
  const mixed = tf.matMul(matrix, moved.reshape([inSize, -1])).reshape([matrix.shape[0], ...rest]);
  return mixed.transpose(back) as tf.Tensor4D;
}

/**
 * Bilinear resize written out as the lesson's formula: the 1-D interpolation along x (the top
 * and bottom rows at once), then along y. Each step is a matrix product, so the whole resize is a
 * fixed linear map. images: [N, H, W, C].
 */
export function resizeBilinear(images: tf.Tensor4D, size: [number, number], convention: Convention): tf.Tensor4D {
  const [, inH, inW] = images.shape;
  return tf.tidy(() => {
    const alongX = alongAxis(images, interpolationMatrix(inW, size[1], convention), 2);
    return alongAxis(alongX, interpolationMatrix(inH, size[0], convention), 1);
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

/** The two 1-D steps along x: [top, bottom] = [TL, BL] + ([TR, BR] − [TL, BL])·fx. */
export function cellEdges(corners: tf.Tensor1D, fx: number): tf.Tensor1D {
  return tf.tidy(() => {
    const left = tf.gather(corners, [0, 2]);
    const right = tf.gather(corners, [1, 3]);
    return left.add(right.sub(left).mul(fx)) as tf.Tensor1D;
  });
}
