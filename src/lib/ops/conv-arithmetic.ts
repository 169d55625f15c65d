/**
 * Convolution arithmetic along one spatial axis (Dumoulin & Visin, "A guide to convolution
 * arithmetic", 2016). Pure numbers: the figures draw windows from these, and tests check them
 * against the shapes of real tf.conv2d outputs.
 */

export type PaddingMode = 'same' | 'valid';

export interface AxisPadding {
  /** zeros added before the first input element */
  before: number;
  /** zeros added after the last input element */
  after: number;
}

export interface Window {
  /** index of the output element this window produces */
  output: number;
  /** input index of each tap, first to last; negative or >= input size means padding */
  taps: number[];
}

function checkPositiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
}

/** Span of a kernel of size k at dilation d: k + (k − 1)(d − 1). */
export function effectiveKernelSize(kernel: number, dilation = 1): number {
  checkPositiveInt('kernel', kernel);
  checkPositiveInt('dilation', dilation);
  return kernel + (kernel - 1) * (dilation - 1);
}

/**
 * o = ⌊(i + 2p − k − (k−1)(d−1)) / s⌋ + 1 for symmetric padding p.
 * Returns 0 when the (padded) input is smaller than the kernel span; the ops then return an
 * empty tensor (dilatedConv2d, applyConvolutionalized), never a negative size.
 */
export function convOutputSize(input: number, kernel: number, stride = 1, padding = 0, dilation = 1): number {
  return convOutputSizeAsym(input, kernel, stride, { before: padding, after: padding }, dilation);
}

/** Same as convOutputSize with possibly unequal padding before/after (what 'same' can produce). */
export function convOutputSizeAsym(
  input: number,
  kernel: number,
  stride: number,
  pad: AxisPadding,
  dilation = 1,
): number {
  checkPositiveInt('input', input);
  checkPositiveInt('stride', stride);
  const span = input + pad.before + pad.after - effectiveKernelSize(kernel, dilation);
  return span < 0 ? 0 : Math.floor(span / stride) + 1;
}

/**
 * Padding as TensorFlow computes it for padding='same' / 'valid' (tfjs conv_util getPadAndOutInfo):
 * 'same' gives ⌈i/s⌉ outputs and puts the odd zero, if any, AFTER the input.
 */
export function paddingFor(mode: PaddingMode, input: number, kernel: number, stride = 1, dilation = 1): AxisPadding {
  if (mode === 'valid') return { before: 0, after: 0 };
  const out = Math.ceil(input / stride);
  const total = Math.max(0, (out - 1) * stride + effectiveKernelSize(kernel, dilation) - input);
  const before = Math.floor(total / 2);
  return { before, after: total - before };
}

/** Output size for 'same' / 'valid' padding, as tf computes it. */
export function convOutputSizeFor(mode: PaddingMode, input: number, kernel: number, stride = 1, dilation = 1): number {
  return convOutputSizeAsym(input, kernel, stride, paddingFor(mode, input, kernel, stride, dilation), dilation);
}

/** Every window a sliding kernel visits, for drawing: output index and the input index of each tap. */
export function windowPositions(
  input: number,
  kernel: number,
  stride = 1,
  pad: number | AxisPadding = 0,
  dilation = 1,
): Window[] {
  const p = typeof pad === 'number' ? { before: pad, after: pad } : pad;
  const n = convOutputSizeAsym(input, kernel, stride, p, dilation);
  const windows: Window[] = [];
  for (let o = 0; o < n; o++) {
    const start = o * stride - p.before;
    const taps: number[] = [];
    for (let t = 0; t < kernel; t++) taps.push(start + t * dilation);
    windows.push({ output: o, taps });
  }
  return windows;
}
