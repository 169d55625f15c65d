import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIGIT_SIZE, digitPixels, digitsFromIdx, firstDigits } from '../../src/lib/data/digits.ts';
import { encodeIdx, parseIdx } from '../../src/lib/data/idx.ts';
import { loadTestDigits, TEST_DIGIT_FILES } from '../../src/lib/data/load-digits.ts';
import { mulberry32 } from '../../src/lib/data/prng.ts';
import { classOfDigit, INK_THRESHOLD, makeScene, type Scene } from '../../src/lib/data/scene.ts';
import { loadMnist } from '../../src/lib/training/mnist-node.ts';

const test = loadMnist('test');

describe('MNIST split', () => {
  it('is the official 60k train / 10k test split', () => {
    expect(loadMnist('train').count).toBe(60_000);
    expect(test.count).toBe(10_000);
  });

  it('round-trips through IDX', () => {
    const small = firstDigits(test, 3);
    const back = parseIdx(encodeIdx([3, 28, 28], small.images));
    expect(back.dims).toEqual([3, 28, 28]);
    expect(back.data).toEqual(small.images);
  });
});

describe('mulberry32', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    expect(seqA.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

function checkLabels(scene: Scene): void {
  const { width, height } = scene;
  const expected = new Uint8Array(width * height);
  for (const p of scene.placements) {
    const pixels = digitPixels(test, p.index);
    for (let y = 0; y < DIGIT_SIZE; y++) {
      for (let x = 0; x < DIGIT_SIZE; x++) {
        const [cy, cx] = [p.top + y, p.left + x];
        const v = (pixels[y * DIGIT_SIZE + x] as number) / 255;
        if (v === 0) continue;
        // Ink never falls off the canvas, and never on another digit's ink.
        expect(cy >= 0 && cy < height && cx >= 0 && cx < width).toBe(true);
        expect(scene.image[cy * width + cx]).toBeCloseTo(v, 6);
        if (v > INK_THRESHOLD) {
          expect(expected[cy * width + cx]).toBe(0);
          expected[cy * width + cx] = classOfDigit(p.digit);
        }
      }
    }
  }
  expect(scene.label).toEqual(expected);
}

describe('makeScene', () => {
  it('is deterministic in its seed', () => {
    const a = makeScene(test, 7);
    expect(makeScene(test, 7)).toEqual(a);
    expect(makeScene(test, 8).image).not.toEqual(a.image);
  });

  it('places 1–3 digits and labels d + 1 exactly where their ink is > 0.5', () => {
    const counts = new Set<number>();
    for (let seed = 0; seed < 60; seed++) {
      const scene = makeScene(test, seed);
      counts.add(scene.placements.length);
      expect(scene.placements.every((p) => p.digit === test.labels[p.index])).toBe(true);
      checkLabels(scene);
    }
    expect([...counts].sort()).toEqual([1, 2, 3]);
  });

  it('works on larger, non-square canvases', () => {
    const scene = makeScene(test, 3, { height: 160, width: 256, minDigits: 6, maxDigits: 8 });
    expect(scene.image.length).toBe(160 * 256);
    expect(scene.placements.length).toBeGreaterThanOrEqual(6);
    checkLabels(scene);
  });
});

describe('shipped test digits', () => {
  it('are the first MNIST test digits, small enough to ship, loadable by the page loader', async () => {
    const read = (f: string) => readFileSync(new URL(`../../public/${f}`, import.meta.url));
    const bytes = read(TEST_DIGIT_FILES.images).length + read(TEST_DIGIT_FILES.labels).length;
    expect(bytes).toBeLessThan(300_000);
    const fetchFile = async (url: string) => new Response(read(url.replace(/^\//, '')));
    const original = globalThis.fetch;
    globalThis.fetch = ((url: string) => fetchFile(url)) as typeof fetch;
    try {
      const shipped = await loadTestDigits('/');
      const reference = firstDigits(test, shipped.count);
      expect(shipped.count).toBe(300);
      expect(shipped.images).toEqual(reference.images);
      expect(shipped.labels).toEqual(reference.labels);
      expect(digitsFromIdx(read(TEST_DIGIT_FILES.images), read(TEST_DIGIT_FILES.labels)).count).toBe(300);
    } finally {
      globalThis.fetch = original;
    }
  });
});
