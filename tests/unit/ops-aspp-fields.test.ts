import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validSharesLoop } from '../../src/lib/ops/aspp-fields.reference.ts';
import { filterSpan, validShares } from '../../src/lib/ops/aspp-fields.ts';
import { expectClose } from './expect-close.ts';

const shares = (size: number, rates: number[], kernel = 3) =>
  tf.tidy(() => Array.from(validShares(size, rates, kernel).dataSync()));

describe('ASPP branch fields', () => {
  it("the paper's maps: all nine taps valid at 0.405 / 0.074 / 0 (33×33, OS 16) and 0.398 / 0.068 / 0 (65×65, OS 8)", () => {
    const os16 = shares(33, [6, 12, 18]);
    const os8 = shares(65, [12, 24, 36]);
    expectClose([os16[0]!, os16[2]!, os16[4]!], [0.405, 0.074, 0], 5e-4);
    expectClose([os8[0]!, os8[2]!, os8[4]!], [0.398, 0.068, 0], 5e-4);
    // ((n − 2r)/n)², the closed form of sources.md
    expect(os16[0]).toBeCloseTo(((33 - 12) / 33) ** 2, 6);
  });

  it('equals counting taps position by position, for random maps, rates and kernels', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(1, 3, 5),
        (size, rates, kernel) => {
          const got = shares(size, rates, kernel);
          expectClose(
            got,
            rates.flatMap((r) => validSharesLoop(size, r, kernel)),
            1e-5,
          );
        },
      ),
      { seed: 33, numRuns: 50 },
    );
  });

  it('a 1×1 branch is always whole; spans are 2r + 1', () => {
    expect(shares(16, [1], 1)).toEqual([1, 1]);
    expect([1, 3, 6, 18].map((r) => filterSpan(3, r))).toEqual([3, 7, 13, 37]);
  });
});
