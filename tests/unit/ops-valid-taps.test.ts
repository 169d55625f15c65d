import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validTapCountsLoop } from '../../src/lib/ops/valid-taps.reference.ts';
import { validTapCounts, validTapCurve, validTapHistogram, validTapStats } from '../../src/lib/ops/valid-taps.ts';

describe('valid taps (DeepLab v3 Fig. 4)', () => {
  it('per-position counts equal the loop reference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        (n, rate, k) => {
          const got = tf.tidy(() => validTapCounts(n, rate, k).dataSync().slice());
          expect(Array.from(got)).toEqual(Array.from(validTapCountsLoop(n, rate, k)));
        },
      ),
      { seed: 65, numRuns: 60 },
    );
  });

  it('65x65: all 9 taps valid at 0.665 / 0.398 / 0.199 of positions for r = 6 / 12 / 18 (FACTS)', () => {
    const [r6, r12, r18] = validTapCurve(65, [6, 12, 18]);
    expect(r6!.allValid).toBeCloseTo(0.665, 3);
    expect(r12!.allValid).toBeCloseTo(0.398, 3);
    expect(r18!.allValid).toBeCloseTo(0.199, 3);
    expect(r6!.allValid).toBeCloseTo((53 / 65) ** 2, 6); // (n − 2r)² / n² interior positions
  });

  it('65x65: no position has all 9 valid for r ≥ 33 (and one does at r = 32)', () => {
    expect(validTapStats(65, 32).allValid).toBeCloseTo(1 / 65 ** 2, 8);
    for (const r of [33, 40, 64, 65, 100]) expect(validTapStats(65, r).allValid).toBe(0);
  });

  it('65x65: for r ≥ 65 every position has exactly 1 valid tap (the filter is a 1x1); not yet at r = 64', () => {
    for (const r of [65, 66, 80, 130]) {
      const s = validTapStats(65, r);
      expect(s.histogram[1]).toBe(1);
      expect(s.meanValid).toBeCloseTo(1 / 9, 6);
    }
    expect(validTapStats(65, 64).histogram[1]).toBeLessThan(1);
  });

  it('rate 1: only the border loses taps; histogram sums to 1 and matches the counts', () => {
    const s = validTapStats(65, 1);
    expect(s.allValid).toBeCloseTo((63 / 65) ** 2, 6);
    expect(s.histogram[4]).toBeCloseTo(4 / 65 ** 2, 8); // the four corners
    expect(s.histogram[6]).toBeCloseTo((4 * 63) / 65 ** 2, 8); // the edges
    expect(s.histogram.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const h = tf.tidy(() => validTapHistogram(10, 3).dataSync().slice());
    expect(h.length).toBe(10);
  });

  it('mean valid fraction falls monotonically with the rate on 65x65', () => {
    const curve = validTapCurve(
      65,
      Array.from({ length: 70 }, (_, i) => i + 1),
    );
    for (let i = 1; i < curve.length; i++)
      expect(curve[i]!.meanValid).toBeLessThanOrEqual(curve[i - 1]!.meanValid + 1e-7);
  });
});
