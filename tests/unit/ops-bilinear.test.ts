import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resizeBilinearLoop } from '../../src/lib/ops/bilinear.reference.ts';
import { cellValue, cellWeights, resizeBilinear, resizeBilinearTf } from '../../src/lib/ops/bilinear.ts';
import { CONVENTIONS, type Convention, sourceCoordinate } from '../../src/lib/ops/bilinear-coordinates.ts';

const run = (values: number[], inH: number, inW: number, out: [number, number], c: Convention) => {
  const input = tf.tensor4d(values, [1, inH, inW, 1]);
  const ours = resizeBilinear(input, out, c);
  const theirs = resizeBilinearTf(input, out, c);
  const result = { ours: Array.from(ours.dataSync()), theirs: Array.from(theirs.dataSync()) };
  tf.dispose([input, ours, theirs]);
  return result;
};

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('resizeBilinear: docs/sources.md example [10, 20, 30, 40] → 8', () => {
  const expected: Record<Convention, number[]> = {
    'half-pixel': [10, 12.5, 17.5, 22.5, 27.5, 32.5, 37.5, 40],
    'align-corners': [10, 14.29, 18.57, 22.86, 27.14, 31.43, 35.71, 40],
    'tfjs-default': [10, 15, 20, 25, 30, 35, 40, 40],
  };
  for (const c of CONVENTIONS) {
    it(c, () => {
      const { ours, theirs } = run([10, 20, 30, 40], 1, 4, [1, 8], c);
      ours.forEach((v, i) => expect(v).toBeCloseTo(expected[c][i], 2));
      theirs.forEach((v, i) => expect(v).toBeCloseTo(expected[c][i], 2));
    });
  }
});

describe('resizeBilinear against the plain-loop reference and tf.image.resizeBilinear', () => {
  const shape = fc.record({
    inH: fc.integer({ min: 1, max: 7 }),
    inW: fc.integer({ min: 1, max: 7 }),
    outH: fc.integer({ min: 1, max: 19 }),
    outW: fc.integer({ min: 1, max: 19 }),
    convention: fc.constantFrom(...CONVENTIONS),
    seed: fc.integer(),
  });
  it('agrees on random shapes, scales (up and down) and conventions', () => {
    fc.assert(
      fc.property(shape, ({ inH, inW, outH, outW, convention, seed }) => {
        const values = Array.from({ length: inH * inW }, (_, i) => Math.sin(seed + i * 12.9898) * 50);
        const { ours, theirs } = run(values, inH, inW, [outH, outW], convention);
        const loop = resizeBilinearLoop(Float32Array.from(values), inH, inW, outH, outW, convention);
        expect(maxAbsDiff(ours, loop)).toBeLessThan(1e-3);
        expect(maxAbsDiff(ours, theirs)).toBeLessThan(1e-3);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('the blog examples: 2x2 → 4x4 and 3x3 → 9x9 keep the corners under align-corners', () => {
    for (const n of [2, 3]) {
      const values = Array.from({ length: n * n }, (_, i) => i * 10);
      const size = n * (n === 2 ? 2 : 3);
      const { ours } = run(values, n, n, [size, size], 'align-corners');
      expect(ours[0]).toBeCloseTo(values[0]);
      expect(ours[size - 1]).toBeCloseTo(values[n - 1]);
      expect(ours[size * size - 1]).toBeCloseTo(values[n * n - 1]);
    }
  });

  it('the conventions really differ on the same input', () => {
    const a = run([0, 100], 1, 2, [1, 4], 'half-pixel').ours;
    const b = run([0, 100], 1, 2, [1, 4], 'align-corners').ours;
    const c = run([0, 100], 1, 2, [1, 4], 'tfjs-default').ours;
    expect(a).not.toEqual(b);
    expect(b).not.toEqual(c);
    expect(c).toEqual([0, 50, 100, 100]);
  });

  it('sourceCoordinate maps TF.js default 2 → 4 to 0, 0.5, 1, 1.5', () => {
    expect([0, 1, 2, 3].map((d) => sourceCoordinate(d, 2, 4, 'tfjs-default'))).toEqual([0, 0.5, 1, 1.5]);
  });
});

describe('cell weights', () => {
  it('are the opposite-rectangle areas, sum to 1, and weight the corners', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (fx, fy) => {
        const w = cellWeights(fx, fy);
        const values = Array.from(w.dataSync());
        w.dispose();
        expect(values[0]).toBeCloseTo((1 - fx) * (1 - fy), 5);
        expect(values[3]).toBeCloseTo(fx * fy, 5);
        expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('value equals the two-step formula top + (bottom − top)·fy', () => {
    const [tl, tr, bl, br] = [3, 9, -4, 12];
    const corners = tf.tensor1d([tl, tr, bl, br]);
    const fx = 0.3;
    const fy = 0.8;
    const top = tl + (tr - tl) * fx;
    const bottom = bl + (br - bl) * fx;
    const v = cellValue(corners, fx, fy);
    expect(v.dataSync()[0]).toBeCloseTo(top + (bottom - top) * fy, 5);
    tf.dispose([corners, v]);
  });
});
