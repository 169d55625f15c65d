import { describe, expect, it } from 'vitest';
import { digitsFor, fmt } from '../../src/lib/viz/format.ts';
import { differenceScale, rampScale, valueRamp, valueScale } from '../../src/lib/viz/palette.ts';

describe('decimals and colour ramps shared by the figures', () => {
  it('digitsFor prints whole numbers bare and anything else with the given decimals', () => {
    expect(digitsFor([1, -2, 40, 0])).toBe(0);
    expect(digitsFor(Float32Array.from([1, 2.5]))).toBe(1);
    expect(digitsFor([0.0625], 4)).toBe(4);
    // float32 rounding of a whole number still counts as whole
    expect(digitsFor(Float32Array.from([3 * (1 / 3) * 3]))).toBe(0);
    expect(fmt(-0.00001, 2)).toBe('0.00');
  });

  it('rampScale on a domain is the same colour as valueScale, and the difference scale is near white at 0', () => {
    const a = rampScale({ interpolate: valueRamp, domain: [0, 10] });
    const b = valueScale(0, 10);
    for (const v of [0, 2.5, 10]) expect(a(v)).toBe(b(v));
    expect(valueScale(3, 3)(3)).toBe(rampScale({ interpolate: valueRamp, domain: [3, 4] })(3));
    expect(differenceScale(5)(0)).toBe(differenceScale(0)(0));
    const channels = (differenceScale(5)(0).match(/\d+/g) ?? []).map(Number);
    expect(channels).toHaveLength(3);
    channels.forEach((c) => expect(c).toBeGreaterThan(230));
  });
});
