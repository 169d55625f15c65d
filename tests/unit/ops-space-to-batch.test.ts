import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dilatedConvLoop } from '../../src/lib/ops/dilated-conv.reference.ts';
import { dilatedConv2d } from '../../src/lib/ops/dilated-conv.ts';
import { spaceToBatchSteps } from '../../src/lib/ops/space-to-batch.ts';
import { expectClose } from './expect-close.ts';

describe('atrous conv as spaceToBatchND → conv → batchToSpaceND, step by step', () => {
  it('sub-map a·r + b holds x[a + r·i, b + r·j]; the output equals the dilated conv loop with same padding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 999 }),
        (rate, th, tw, seed) => {
          const [h, w] = [rate * th, rate * tw];
          const x = tf.randomNormal([1, h, w, 1], 0, 1, 'float32', seed) as tf.Tensor4D;
          const f = tf.randomNormal([3, 3, 1, 1], 0, 1, 'float32', seed + 1) as tf.Tensor4D;
          const steps = spaceToBatchSteps(x, f, rate);
          const xs = x.dataSync();
          const subs = steps.subMaps.arraySync();
          for (let a = 0; a < rate; a++)
            for (let b = 0; b < rate; b++) {
              for (let i = 0; i < th; i++)
                for (let j = 0; j < tw; j++) {
                  expect(subs[a * rate + b]![i]![j]![0]).toBe(xs[(a + rate * i) * w + (b + rate * j)]);
                }
            }
          const loop = dilatedConvLoop(
            Float32Array.from(xs),
            h,
            w,
            1,
            Float32Array.from(f.dataSync()),
            3,
            1,
            rate,
            rate,
            rate,
            h,
            w,
          );
          Array.from(steps.output.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(loop[i]!, 4));
          tf.dispose([x, f, steps.subMaps, steps.convolved, steps.output]);
        },
      ),
      { seed: 2016, numRuns: 30 },
    );
  });

  it("odd kernels, square or not, equal dilatedConv2d 'same'; an even side is refused (its sub-maps would be shifted)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 999 }),
        (rate, th, tw, kh, kw, seed) => {
          tf.tidy(() => {
            const x = tf.randomNormal([1, rate * th, rate * tw, 2], 0, 1, 'float32', seed) as tf.Tensor4D;
            const f = tf.randomNormal([kh, kw, 2, 3], 0, 1, 'float32', seed + 1) as tf.Tensor4D;
            if (kh % 2 === 0 || kw % 2 === 0) {
              expect(() => spaceToBatchSteps(x, f, rate)).toThrow(/odd/);
              return;
            }
            const { output } = spaceToBatchSteps(x, f, rate);
            const want = dilatedConv2d(x, f, rate, 'same');
            expect(output.shape).toEqual(want.shape);
            expectClose(output.dataSync(), want.dataSync());
          });
        },
      ),
      { seed: 2017, numRuns: 60 },
    );
  });

  it('refuses a map the rate does not divide', () => {
    const x = tf.zeros([1, 5, 4, 1]) as tf.Tensor4D;
    expect(() => spaceToBatchSteps(x, tf.zeros([3, 3, 1, 1]) as tf.Tensor4D, 2)).toThrow(/not divisible/);
  });
});
