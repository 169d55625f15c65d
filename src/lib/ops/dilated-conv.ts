/**
 * Dilated (atrous) convolution for the atrous-convolution lesson: the tf op, the same op as
 * spaceToBatchND → conv → batchToSpaceND (how TensorFlow first implemented atrous_conv2d, and
 * a form whose gradient tfjs supports), tap positions for drawing, and the 1-D formula of
 * DeepLab v3 (Chen et al. 2017, eq. 1).
 */
import * as tf from '@tensorflow/tfjs';
import {
  convOutputSize,
  convOutputSizeFor,
  effectiveKernelSize,
  type PaddingMode,
  paddingFor,
} from './conv-arithmetic.ts';

/**
 * The empty [n, oh, ow, cout] output when the map is empty or a 'valid' kernel span is wider
 * than it (oh or ow is 0, as convOutputSize says), else null. tf.conv2d would report a negative
 * size instead.
 */
function emptyOutput(x: tf.Tensor4D, filter: tf.Tensor4D, rate: number, padding: PaddingMode): tf.Tensor4D | null {
  const [n, h, w] = x.shape;
  const [kh, kw, , cout] = filter.shape;
  const oh = h === 0 ? 0 : convOutputSizeFor(padding, h, kh, 1, rate);
  const ow = w === 0 ? 0 : convOutputSizeFor(padding, w, kw, 1, rate);
  return oh === 0 || ow === 0 ? tf.zeros([n, oh, ow, cout]) : null;
}

/**
 * tf.conv2d at dilation `rate`, stride 1. x: [n, h, w, cin], filter: [kh, kw, cin, cout].
 * 'valid' with a kernel span wider than the map gives an empty output (a dimension of 0).
 */
export function dilatedConv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  rate: number,
  padding: PaddingMode = 'same',
): tf.Tensor4D {
  return emptyOutput(x, filter, rate, padding) ?? tf.conv2d(x, filter, 1, padding, 'NHWC', rate);
}

/**
 * The same result without a dilated kernel: pad, split the map into rate×rate interleaved
 * sub-maps (spaceToBatchND), run an ordinary conv on each, interleave back (batchToSpaceND).
 * Taps `rate` apart in the map are neighbours in a sub-map.
 */
export function dilatedConv2dSpaceToBatch(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  rate: number,
  padding: PaddingMode = 'same',
): tf.Tensor4D {
  const empty = emptyOutput(x, filter, rate, padding);
  if (empty) return empty;
  if (rate === 1) return tf.conv2d(x, filter, 1, padding);
  return tf.tidy(() => {
    const [, h, w] = x.shape;
    const [kh, kw] = filter.shape;
    const ph = paddingFor(padding, h, kh, 1, rate);
    const pw = paddingFor(padding, w, kw, 1, rate);
    // extra zeros at the end so each padded side divides by the rate; cropped off afterwards
    const extraH = (rate - ((h + ph.before + ph.after) % rate)) % rate;
    const extraW = (rate - ((w + pw.before + pw.after) % rate)) % rate;
    const batched = tf.spaceToBatchND(
      x,
      [rate, rate],
      [
        [ph.before, ph.after + extraH],
        [pw.before, pw.after + extraW],
      ],
    );
    const y = tf.conv2d(batched as tf.Tensor4D, filter, 1, 'valid');
    return tf.batchToSpaceND(
      y,
      [rate, rate],
      [
        [0, extraH],
        [0, extraW],
      ],
    ) as tf.Tensor4D;
  });
}

/**
 * The "upsampled filter" view: kh×kw taps with rate − 1 zeros between them, a k̂h×k̂w kernel that
 * an ordinary conv can use. filter: [kh, kw, cin, cout] → [k̂h, k̂w, cin, cout].
 */
export function dilateKernel(filter: tf.Tensor4D, rate: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, cin, cout] = filter.shape;
    // give every tap a rate×rate cell whose first entry is the tap, then drop the trailing zeros
    const gaps: [number, number][] = [
      [0, 0],
      [0, rate - 1],
      [0, 0],
      [0, rate - 1],
      [0, 0],
      [0, 0],
    ];
    const cells = tf.pad(filter.reshape([kh, 1, kw, 1, cin, cout]), gaps);
    const size = [effectiveKernelSize(kh, rate), effectiveKernelSize(kw, rate), cin, cout];
    return cells.reshape([kh * rate, kw * rate, cin, cout]).slice([0, 0, 0, 0], size) as tf.Tensor4D;
  });
}

// Tap positions are pure arithmetic, kept in a tf-free file so page code can draw them.
export { atrousTaps, type Tap } from './atrous-taps.ts';

/** y[i] = Σₖ x[i + r·k]·w[k] for every i where all taps exist (length n − r(K − 1), or 0 if that is negative). */
export function atrousConv1d(x: tf.Tensor1D, w: tf.Tensor1D, rate: number): tf.Tensor1D {
  if (convOutputSize(x.shape[0], w.shape[0], 1, 0, rate) === 0) return tf.zeros([0]);
  return tf.tidy(() => {
    const y = tf.conv1d(
      x.reshape([1, -1, 1]) as tf.Tensor3D,
      w.reshape([-1, 1, 1]) as tf.Tensor3D,
      1,
      'valid',
      'NWC',
      rate,
    );
    return y.reshape([-1]) as tf.Tensor1D;
  });
}
