// Loads the compact set of MNIST test digits shipped in public/data/ (browser or Node 24 fetch).
import { digitsFromIdx, type DigitSet } from './digits.ts';

export const TEST_DIGIT_FILES = {
  images: 'data/test-digits-images.idx',
  labels: 'data/test-digits-labels.idx',
} as const;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** `base` is the site root, e.g. import.meta.env.BASE_URL. */
export async function loadTestDigits(base = '/'): Promise<DigitSet> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const [images, labels] = await Promise.all([
    fetchBytes(root + TEST_DIGIT_FILES.images),
    fetchBytes(root + TEST_DIGIT_FILES.labels),
  ]);
  return digitsFromIdx(images, labels);
}
