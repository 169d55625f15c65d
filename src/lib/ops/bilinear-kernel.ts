/**
 * The bilinear upsampling kernel that FCN (Long et al. 2015, §4.3; their surgery.py
 * upsample_filt) and d2l use to initialise transposed convolutions, and how that transposed conv
 * compares with tf.image.resizeBilinear.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * 1-D taps of a size-k bilinear kernel: factor = ⌈k/2⌉, centre c = factor − 1 (k odd) or
 * factor − 0.5 (k even), w(x) = 1 − |x − c| / factor.  k = 4 → [0.25, 0.75, 0.75, 0.25].
 * (Both cases are c = (k − 1)/2, the kernel's middle; FCN writes them apart.)
 */
export function bilinearTaps(kernel: number): number[] {
  if (!Number.isInteger(kernel) || kernel < 1) throw new RangeError(`kernel must be a positive integer, got ${kernel}`);
  const factor = Math.ceil(kernel / 2);
  const center = kernel % 2 === 1 ? factor - 1 : factor - 0.5;
  return Array.from({ length: kernel }, (_, x) => 1 - Math.abs(x - center) / factor);
}

/** The 2-D kernel w(x, y) = w(x)·w(y), as [k, k]. */
export function bilinearKernel(kernel: number): tf.Tensor2D {
  return tf.tidy(() => {
    const t = tf.tensor1d(bilinearTaps(kernel));
    return t.reshape([kernel, 1]).mul(t.reshape([1, kernel])) as tf.Tensor2D;
  });
}

/**
 * A conv2dTranspose filter [k, k, c, c] that upsamples each channel on its own (zero across
 * channels), as FCN initialises its upsampling layers.
 */
export function bilinearUpsampleFilter(kernel: number, channels: number): tf.Tensor4D {
  return tf.tidy(() => {
    const k2 = bilinearKernel(kernel).reshape([kernel, kernel, 1, 1]);
    return k2.mul(tf.eye(channels).reshape([1, 1, channels, channels])) as tf.Tensor4D;
  });
}

/**
 * Upsample by an even factor s with a transposed conv: kernel 2s, stride s, padding s/2, so the
 * output is exactly s times larger. Odd s would need padding s/2, not an integer.
 */
export function bilinearTransposedUpsample(x: tf.Tensor4D, factor: number): tf.Tensor4D {
  if (!Number.isInteger(factor) || factor < 2 || factor % 2 !== 0)
    throw new RangeError(`factor must be an even integer ≥ 2, got ${factor}`);
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape;
    const filter = bilinearUpsampleFilter(2 * factor, c);
    return tf.conv2dTranspose(x, filter, [n, h * factor, w * factor, c], factor, factor / 2);
  });
}

/** Width in output pixels of the border where the two disagree: factor / 2 (1 pixel for 2x). */
export function borderWidth(factor: number): number {
  return factor / 2;
}

/**
 * transposed-conv upsampling − tf.image.resizeBilinear(halfPixelCenters = true).
 * Zero in the interior; on the border the conv sees zero padding where resize clamps to the edge.
 */
export function bilinearBorderDifference(x: tf.Tensor4D, factor: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w] = x.shape;
    const resized = tf.image.resizeBilinear(x, [h * factor, w * factor], false, true);
    return bilinearTransposedUpsample(x, factor).sub(resized) as tf.Tensor4D;
  });
}
