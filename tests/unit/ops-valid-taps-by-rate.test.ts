import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validTapCountsLoop } from '../../src/lib/ops/valid-taps.reference.ts';
import { validTapCounts, validTapHistogram } from '../../src/lib/ops/valid-taps.ts';
import { validTapCountsByRate, validTapHistogramsByRate } from '../../src/lib/ops/valid-taps-by-rate.ts';

describe('valid taps for many rates at once', () => {
  it('equals the loop reference and the one-conv-per-rate op, for any size, rates and odd or even kernel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (n, rates, k) => {
          const counts = validTapCountsByRate(n, rates, k);
          const data = counts.arraySync();
          rates.forEach((r, i) => {
            expect(data[i]!.flat()).toEqual(Array.from(validTapCountsLoop(n, r, k)));
            const conv = validTapCounts(n, r, k);
            expect(data[i]!.flat()).toEqual(Array.from(conv.dataSync()));
            conv.dispose();
          });
          counts.dispose();
        },
      ),
      { seed: 65, numRuns: 40 },
    );
  });

  it('histograms from the 1-D shares equal the histograms of the conv op, for any size, rates and kernel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (n, rates, k) => {
          const h = validTapHistogramsByRate(n, rates, k);
          const data = h.arraySync();
          rates.forEach((r, i) => {
            const one = validTapHistogram(n, r, k);
            Array.from(one.dataSync()).forEach((p, j) => expect(data[i]![j]).toBeCloseTo(p, 6));
            one.dispose();
          });
          h.dispose();
        },
      ),
      { seed: 1706, numRuns: 40 },
    );
  });

  it('histograms match valid-taps.ts and give the docs/sources.md shares on 65×65', () => {
    const rates = [1, 6, 12, 18, 33, 64, 65, 80];
    const h = validTapHistogramsByRate(65, rates).arraySync();
    rates.forEach((r, i) => {
      const one = validTapHistogram(65, r);
      Array.from(one.dataSync()).forEach((p, j) => expect(h[i]![j]).toBeCloseTo(p, 6));
      one.dispose();
    });
    expect(h[1]![9]).toBeCloseTo(0.665, 3);
    expect(h[2]![9]).toBeCloseTo(0.398, 3);
    expect(h[3]![9]).toBeCloseTo(0.199, 3);
    expect(h[4]![9]).toBe(0);
    expect(h[6]![1]).toBeCloseTo(1, 6);
    expect(h[7]![1]).toBeCloseTo(1, 6);
  });
});
