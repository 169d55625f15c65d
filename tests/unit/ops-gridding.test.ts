import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { griddingCountsLoop } from '../../src/lib/ops/gridding.reference.ts';
import { griddingCounts, hasHoles, reachedFraction } from '../../src/lib/ops/gridding.ts';
import { receptiveField } from '../../src/lib/ops/receptive-field.ts';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const dilations = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 });

describe('gridding', () => {
  it('count map equals the loop reference; its size is the receptive field; it sums to (k²)^L', () => {
    fc.assert(
      fc.property(dilations, fc.integer({ min: 1, max: 3 }), (ds, k) => {
        const t = griddingCounts(ds, k);
        const ref = griddingCountsLoop(ds, k);
        const r = receptiveField(ds.map((d) => ({ kernel: k, dilation: d })));
        expect(t.shape).toEqual([r, r]);
        expect(ref.size).toBe(r);
        expect(Array.from(t.dataSync())).toEqual(Array.from(ref.counts));
        expect(t.sum().dataSync()[0]).toBe((k * k) ** ds.length);
        t.dispose();
      }),
      { seed: 2018, numRuns: 40 },
    );
  });

  it('(2, 4, 8) leaves holes: only even offsets, 15² of 29² pixels (FACTS)', () => {
    expect(hasHoles([2, 4, 8])).toBe(true);
    expect(reachedFraction([2, 4, 8])).toBeCloseTo((15 / 29) ** 2, 6);
    const counts = tf.tidy(() => griddingCounts([2, 4, 8]).arraySync());
    expect(counts[14]![14]).toBeGreaterThan(0);
    expect(counts[14]![15]).toBe(0);
    expect(counts[13]![13]).toBe(0);
  });

  it('(1, 2, 5) and (1, 2, 3), hybrid rates, cover the whole field; (1, 2, 4) does too', () => {
    for (const ds of [
      [1, 2, 5],
      [1, 2, 3],
      [1, 2, 4],
      [1, 1, 2, 4, 8, 16, 1],
    ])
      expect(hasHoles(ds)).toBe(false);
    expect(tf.tidy(() => griddingCounts([1, 2, 5]).shape)).toEqual([17, 17]);
  });

  it('a common factor > 1 always leaves holes; a rate-1 layer alone is not enough to avoid them', () => {
    fc.assert(
      fc.property(dilations, (ds) => {
        if (ds.reduce(gcd) > 1) expect(hasHoles(ds)).toBe(true);
      }),
      { seed: 7, numRuns: 40 },
    );
    expect(hasHoles([1, 4])).toBe(true); // offsets −1…1 plus −4, 0, 4 miss ±2
  });
});
