import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { griddingCountsLoop } from '../../src/lib/ops/gridding.reference.ts';
import { hasHoles as hasHolesTf } from '../../src/lib/ops/gridding.ts';
import { commonFactor, hdcGuarantee, hdcMaxGap } from '../../src/lib/ops/hdc.ts';

const hasHoles = (rates: number[]) => griddingCountsLoop(rates).counts.some((c) => c === 0);

/** Every list of two or three rates from 1 to 9. */
const LISTS: number[][] = [];
for (let a = 1; a <= 9; a++)
  for (let b = 1; b <= 9; b++) {
    LISTS.push([a, b]);
    for (let c = 1; c <= 9; c++) LISTS.push([a, b, c]);
  }

describe('hybrid dilated convolution (Wang et al. 2018)', () => {
  it("M₂ of the paper's examples: (1, 2, 5) → 2 works, (1, 2, 9) → 5 does not; (2, 4, 8) → 4", () => {
    expect(hdcMaxGap([1, 2, 5])).toBe(2);
    expect(hdcMaxGap([1, 2, 9])).toBe(5);
    expect(hdcMaxGap([2, 4, 8])).toBe(4);
    expect(hdcMaxGap([1, 4])).toBe(4);
    expect(commonFactor([2, 4, 8])).toBe(2);
    expect(commonFactor([1, 4])).toBe(1);
  });

  it('a common factor always leaves holes (no common factor is necessary)', () => {
    for (const rates of LISTS) if (commonFactor(rates) > 1) expect(hasHoles(rates), rates.join()).toBe(true);
  });

  it('but not sufficient: (1, 4) has no common factor and still leaves holes', () => {
    expect(hasHoles([1, 4])).toBe(true);
    expect(LISTS.filter((r) => commonFactor(r) === 1 && hasHoles(r)).length).toBeGreaterThan(100);
  });

  it('starting at rate 1, M₂ ≤ 3 leaves no holes in any list checked (3x3 kernels)', () => {
    for (const rates of LISTS) {
      if (rates[0] === 1 && hdcMaxGap(rates) <= 3) expect(hasHoles(rates), rates.join()).toBe(false);
    }
  });

  it('the guarantee: M₂ ≤ 3 only counts when the first rate is 1 ((2, 2, 2) has M₂ = 2 and holes)', () => {
    expect(hasHoles([2, 2, 2])).toBe(true);
    expect(hdcGuarantee([2, 2, 2])).toEqual({ m2: 2, guaranteed: false, reason: 'first-rate-above-1' });
    expect(hdcGuarantee([1, 2, 5])).toEqual({ m2: 2, guaranteed: true, reason: 'holds' });
    expect(hdcGuarantee([1, 2, 9])).toEqual({ m2: 5, guaranteed: false, reason: 'gap-above-kernel' });
    expect(hdcGuarantee([1])).toEqual({ m2: 1, guaranteed: true, reason: 'holds' });
    expect(hdcGuarantee([3])).toEqual({ m2: 3, guaranteed: false, reason: 'first-rate-above-1' });
    expect(() => hdcGuarantee([1, 0])).toThrow(RangeError);
    // the rule is for 3x3 kernels: with 2-tap kernels (1, 1, 1, 1, 6) has M₂ = 1 and still holes
    expect(hdcMaxGap([1, 1, 1, 1, 6])).toBe(1);
    expect(griddingCountsLoop([1, 1, 1, 1, 6], 2).counts.some((c) => c === 0)).toBe(true);
    for (const rates of LISTS) if (hdcGuarantee(rates).guaranteed) expect(hasHoles(rates), rates.join()).toBe(false);
  });

  it('on random rate lists, guaranteed is never wrong, M₂ is hdcMaxGap, and it is guaranteed often', () => {
    let guaranteed = 0;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }), (rates) => {
        const g = hdcGuarantee(rates);
        expect(g.m2).toBe(hdcMaxGap(rates));
        expect(g.guaranteed).toBe(g.reason === 'holds');
        if (g.guaranteed) {
          guaranteed++;
          expect(hasHoles(rates), rates.join()).toBe(false);
          expect(hasHolesTf(rates), rates.join()).toBe(false);
        }
      }),
      { seed: 2018, numRuns: 400 },
    );
    // HDC-shaped lists (1 first, small next rates) so the property is not vacuous
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 5 }), (tail) => {
        const rates = [1, ...tail];
        if (hdcGuarantee(rates).guaranteed) {
          guaranteed++;
          expect(hasHoles(rates), rates.join()).toBe(false);
        }
      }),
      { seed: 2019, numRuns: 400 },
    );
    expect(guaranteed).toBeGreaterThan(100);
  });
});
