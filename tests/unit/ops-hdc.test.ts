import { describe, expect, it } from 'vitest';
import { commonFactor, hdcMaxGap } from '../../src/lib/ops/hdc.ts';
import { griddingCountsLoop } from '../../src/lib/ops/gridding.reference.ts';

const hasHoles = (rates: number[]) => griddingCountsLoop(rates).counts.some((c) => c === 0);

/** Every list of two or three rates from 1 to 9. */
const LISTS: number[][] = [];
for (let a = 1; a <= 9; a++) for (let b = 1; b <= 9; b++) {
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
});
