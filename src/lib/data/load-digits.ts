// Loads the compact set of MNIST test digits shipped in public/data/ (browser or Node 24 fetch).
import { type DigitSet, digitsFromIdx } from './digits.ts';

export const TEST_DIGIT_FILES = {
  images: 'data/test-digits-images.idx',
  labels: 'data/test-digits-labels.idx',
} as const;

/** The first MNIST *train* digits, for the page that trains a network in the browser. */
export const TRAIN_DIGIT_FILES = {
  images: 'data/train-digits-images.idx',
  labels: 'data/train-digits-labels.idx',
} as const;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** `base` is the site root, e.g. import.meta.env.BASE_URL. */
export async function loadTestDigits(base = '/'): Promise<DigitSet> {
  return loadDigitFiles(base, TEST_DIGIT_FILES);
}

export async function loadDigitFiles(base: string, files: { images: string; labels: string }): Promise<DigitSet> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const [images, labels] = await Promise.all([fetchBytes(root + files.images), fetchBytes(root + files.labels)]);
  return digitsFromIdx(images, labels);
}
