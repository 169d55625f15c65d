import { describe, expect, it } from 'vitest';
import { defaultShift, samplePositions } from '../../src/lib/ops/bilinear-coordinates.ts';

// docs/sources.md, written out per convention rather than through the ratio the op shares between them.
const halfPixel = (d: number, nIn: number, nOut: number) => ((d + 0.5) * nIn) / nOut - 0.5;
const alignCorners = (d: number, nIn: number, nOut: number) => (d * (nIn - 1)) / (nOut - 1);
const tfjsDefault = (d: number, nIn: number, nOut: number) => (d * nIn) / nOut;

describe('samplePositions and the shift between conventions', () => {
  const sizes = [2, 3, 4, 5, 7, 8].flatMap((nIn) => [2, 3, 5, 8, 9, 12, 16].map((nOut) => [nIn, nOut] as const));

  it('gives every output index its docs/sources.md source position under each convention', () => {
    for (const [nIn, nOut] of sizes) {
      for (const [convention, formula] of [
        ['half-pixel', halfPixel],
        ['align-corners', alignCorners],
        ['tfjs-default', tfjsDefault],
      ] as const) {
        const xs = samplePositions(nIn, nOut, convention);
        xs.forEach((x, d) => expect(x).toBeCloseTo(formula(d, nIn, nOut), 12));
      }
    }
  });

  it('align corners steps evenly by (n_in − 1)/(n_out − 1), which is not n_in/n_out', () => {
    const xs = samplePositions(4, 8, 'align-corners');
    xs.slice(1).forEach((x, d) => expect(x - xs[d]!).toBeCloseTo(3 / 7, 12));
    expect(xs[0]).toBe(0);
    expect(xs[7]).toBeCloseTo(3, 12);
  });

  it('the TF.js default shift is (1 − n_in/n_out)/2 input pixels at every output: (s − 1)/2 output pixels', () => {
    for (const [nIn, nOut] of sizes) {
      for (const shift of defaultShift(nIn, nOut)) expect(shift).toBeCloseTo((1 - nIn / nOut) / 2, 12);
    }
    for (const s of [2, 3, 4, 8]) {
      for (const shift of defaultShift(3, 3 * s)) expect((shift * 3 * s) / 3).toBeCloseTo((s - 1) / 2, 12);
    }
    expect(defaultShift(4, 8)[0]).toBeCloseTo(0.25, 12);
    expect(defaultShift(3, 9)[0]! * 3).toBeCloseTo(1, 12);
  });
});
