import { parseIdx } from './idx.ts';

export const DIGIT_SIZE = 28;
const DIGIT_PIXELS = DIGIT_SIZE * DIGIT_SIZE;

/** MNIST digits: `images` holds `count` 28x28 uint8 images (white on black), `labels` 0–9. */
export interface DigitSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export function digitsFromIdx(imageBytes: Uint8Array, labelBytes: Uint8Array): DigitSet {
  const images = parseIdx(imageBytes);
  const labels = parseIdx(labelBytes);
  const count = images.dims[0] ?? 0;
  if (images.dims[1] !== DIGIT_SIZE || images.dims[2] !== DIGIT_SIZE || labels.dims[0] !== count) {
    throw new Error(`unexpected MNIST shapes ${images.dims} / ${labels.dims}`);
  }
  return { images: images.data, labels: labels.data, count };
}

/** Digit `i` as 784 bytes. */
export function digitPixels(set: DigitSet, i: number): Uint8Array {
  return set.images.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS);
}

/** The first `count` digits of a set (a view, no copy). */
export function firstDigits(set: DigitSet, count: number): DigitSet {
  const n = Math.min(count, set.count);
  return { images: set.images.subarray(0, n * DIGIT_PIXELS), labels: set.labels.subarray(0, n), count: n };
}
