/**
 * Transposed convolution three ways, for the transposed-convolution lesson (Dumoulin & Visin,
 * "A guide to convolution arithmetic", §4): as tf.conv2dTranspose, as a sum of scaled kernel
 * "stamps", and as multiplication by Cᵀ where C is the matrix of the forward convolution.
 * Single-channel helpers take a [kh, kw] kernel; transposedConv2d takes a full tf filter.
 */
import * as tf from '@tensorflow/tfjs';

/** o′ = s(i′ − 1) + a + k − 2p, or 0 when the padding crops more than that (never negative). */
export function transposedConvOutputSize(
  input: number,
  kernel: number,
  stride = 1,
  padding = 0,
  outputPadding = 0,
): number {
  return Math.max(0, stride * (input - 1) + outputPadding + kernel - 2 * padding);
}

/**
 * a = (i + 2p − k) mod s: the rows a strided conv of an i-long input never reaches; the
 * transposed conv needs them back to return to size i. A conv with no output (i + 2p < k) has
 * no transpose to size, so it is refused rather than given a negative a.
 */
export function outputPaddingFor(convInput: number, kernel: number, stride = 1, padding = 0): number {
  const span = convInput + 2 * padding - kernel;
  if (span < 0) {
    throw new RangeError(`a ${kernel}-wide kernel has no window on ${convInput} inputs padded by ${padding}`);
  }
  return span % stride;
}

/** A per-axis setting given once for both axes or as [rows, cols]. */
export type PerAxis = number | readonly [number, number];

function perAxis(v: PerAxis): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/**
 * tf.conv2dTranspose with symmetric zero padding p and output padding a (0 ≤ a < s per axis).
 * x: [n, h, w, cin]; filter: [kh, kw, cout, cin] (tf's layout for the transpose). The padding
 * goes to tf per side: given as a number, tfjs sizes both axes with the kernel's height, so a
 * non-square kernel came out the wrong width (a 1×2 kernel on a 1×1 input gave [1, NaN]).
 */
export function transposedConv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  stride: PerAxis,
  padding = 0,
  outputPadding: PerAxis = 0,
): tf.Tensor4D {
  const [n, h, w] = x.shape;
  const [kh, kw, cout] = filter.shape;
  const [sh, sw] = perAxis(stride);
  const [ah, aw] = perAxis(outputPadding);
  if (ah < 0 || ah >= sh || aw < 0 || aw >= sw) throw new RangeError('output padding must be in [0, stride)');
  const oh = transposedConvOutputSize(h, kh, sh, padding, ah);
  const ow = transposedConvOutputSize(w, kw, sw, padding, aw);
  if (oh < 1 || ow < 1) throw new RangeError('padding leaves no output');
  return tf.conv2dTranspose(
    x,
    filter,
    [n, oh, ow, cout],
    [sh, sw],
    [
      [0, 0],
      [padding, padding],
      [padding, padding],
      [0, 0],
    ],
  );
}

function asFilter(kernel: tf.Tensor2D): tf.Tensor4D {
  return kernel.reshape([kernel.shape[0], kernel.shape[1], 1, 1]);
}

/** Single-channel convenience: x [h, w], kernel [kh, kw] → [o′h, o′w]. */
export function transposedConv2dSingle(
  x: tf.Tensor2D,
  kernel: tf.Tensor2D,
  stride: PerAxis,
  padding = 0,
  outputPadding: PerAxis = 0,
): tf.Tensor2D {
  return tf.tidy(() => {
    const y = transposedConv2d(
      x.reshape([1, x.shape[0], x.shape[1], 1]),
      asFilter(kernel),
      stride,
      padding,
      outputPadding,
    );
    return y.reshape([y.shape[1], y.shape[2]]);
  });
}

// ---- scatter ("stamp") view ------------------------------------------------------------------

export interface Stamp {
  /** input pixel that makes this stamp */
  row: number;
  col: number;
  /** output coordinates of the stamp's top-left kernel tap (negative: cut off by the padding) */
  top: number;
  left: number;
}

/**
 * Where each input pixel stamps its kernel, in row-major order: input (r, c) puts x[r,c]·W
 * with its top-left at (r·s − p, c·s − p). The kernel is not flipped in this view.
 */
export function stampPositions(inputH: number, inputW: number, stride: number, padding = 0): Stamp[] {
  const stamps: Stamp[] = [];
  for (let row = 0; row < inputH; row++) {
    for (let col = 0; col < inputW; col++)
      stamps.push({ row, col, top: row * stride - padding, left: col * stride - padding });
  }
  return stamps;
}

/** Each input pixel's scaled kernel x[r,c]·W, as [h·w, kh, kw] in the order of stampPositions. */
export function stampContributions(x: tf.Tensor2D, kernel: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => x.reshape([-1, 1, 1]).mul(kernel.expandDims(0)) as tf.Tensor3D);
}

/** One stamp drawn on an output-sized canvas (zeros elsewhere, cut where it leaves the canvas). */
export function placeStamp(contribution: tf.Tensor2D, stamp: Stamp, outputH: number, outputW: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [kh, kw] = contribution.shape;
    // pad generously on every side, then slice out the canvas: handles stamps cut by the border
    const big = tf.pad(contribution, [
      [kh + outputH, kh + outputH],
      [kw + outputW, kw + outputW],
    ]);
    return tf.slice(big, [kh + outputH - stamp.top, kw + outputW - stamp.left], [outputH, outputW]);
  });
}

// ---- overlap (checkerboard) ------------------------------------------------------------------

/** How many stamps cover each output pixel: a transposed conv of ones with a ones kernel. */
export function overlapCounts(
  inputH: number,
  inputW: number,
  kernel: number,
  stride: number,
  padding = 0,
): tf.Tensor2D {
  return tf.tidy(() => transposedConv2dSingle(tf.ones([inputH, inputW]), tf.ones([kernel, kernel]), stride, padding));
}

// ---- matrix view -----------------------------------------------------------------------------

/**
 * The matrix C of tf.conv2d (single channel, stride s, symmetric padding p) on an h×w input,
 * built from the op itself: column j is the conv of the j-th one-hot image. Shape [oh·ow, h·w].
 */
export function convMatrix(
  inputH: number,
  inputW: number,
  kernel: tf.Tensor2D,
  stride: number,
  padding = 0,
): tf.Tensor2D {
  return tf.tidy(() => {
    const n = inputH * inputW;
    const oneHots = tf.eye(n).reshape([n, inputH, inputW, 1]) as tf.Tensor4D;
    const y = tf.conv2d(
      oneHots,
      asFilter(kernel),
      stride,
      padding === 0
        ? 'valid'
        : [
            [0, 0],
            [padding, padding],
            [padding, padding],
            [0, 0],
          ],
    );
    return y.reshape([n, -1]).transpose() as tf.Tensor2D;
  });
}

/** y = M·vec(x), reshaped to [outH, outW]: C·x is the conv, Cᵀ·y the transposed conv. */
export function applyMatrix(matrix: tf.Tensor2D, x: tf.Tensor2D, outH: number, outW: number): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(matrix, x.reshape([-1, 1])).reshape([outH, outW]) as tf.Tensor2D);
}

// ---- the fix -------------------------------------------------------------------------------

/**
 * Resize-then-convolve (Odena, Dumoulin & Olah, Distill 2016): nearest-neighbour upsampling by
 * an integer factor, then a stride-1 'same' conv. Every output pixel sees the same number of
 * taps, so there is no uneven overlap and no checkerboard. filter: [kh, kw, cin, cout].
 */
export function resizeConv(x: tf.Tensor4D, filter: tf.Tensor4D, factor: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w] = x.shape;
    const up = tf.image.resizeNearestNeighbor(x, [h * factor, w * factor]);
    return tf.conv2d(up, filter, 1, 'same');
  });
}
