import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cropAndConcatLoop } from '../../src/lib/ops/crop-and-concat.reference.ts';
import { centerCrop, centerCropOffsets, cropAndConcat } from '../../src/lib/ops/crop-and-concat.ts';

describe('crop and concat', () => {
  it('equals the loop reference on random maps', () => {
    fc.assert(
      fc.property(
        fc.record({
          h: fc.integer({ min: 1, max: 8 }),
          w: fc.integer({ min: 1, max: 8 }),
          dh: fc.integer({ min: 0, max: 5 }),
          dw: fc.integer({ min: 0, max: 5 }),
          cs: fc.integer({ min: 1, max: 3 }),
          cu: fc.integer({ min: 1, max: 3 }),
          seed: fc.integer({ min: 0, max: 9999 }),
        }),
        ({ h, w, dh, dw, cs, cu, seed }) => {
          tf.tidy(() => {
            const skip = tf.randomUniform([1, h + dh, w + dw, cs], -1, 1, 'float32', seed) as tf.Tensor4D;
            const up = tf.randomUniform([1, h, w, cu], -1, 1, 'float32', seed + 1) as tf.Tensor4D;
            const y = cropAndConcat(skip, up);
            expect(y.shape).toEqual([1, h, w, cs + cu]);
            const ref = cropAndConcatLoop(
              Float32Array.from(skip.dataSync()),
              h + dh,
              w + dw,
              cs,
              Float32Array.from(up.dataSync()),
              h,
              w,
              cu,
            );
            expect(Array.from(y.dataSync())).toEqual(Array.from(ref));
          });
        },
      ),
      { seed: 572, numRuns: 40 },
    );
  });

  it('centre offsets: 64→56 cuts 4, 136→104 cuts 16, 280→200 cuts 40, 568→392 cuts 88 per side', () => {
    expect(centerCropOffsets(64, 64, 56, 56)).toEqual({ top: 4, left: 4, bottom: 4, right: 4 });
    expect(centerCropOffsets(136, 136, 104, 104).top).toBe(16);
    expect(centerCropOffsets(280, 280, 200, 200).top).toBe(40);
    expect(centerCropOffsets(568, 568, 392, 392).top).toBe(88);
    expect(centerCropOffsets(5, 4, 2, 4)).toEqual({ top: 1, left: 0, bottom: 2, right: 0 });
    expect(() => centerCropOffsets(4, 4, 5, 4)).toThrow();
    tf.tidy(() => {
      const x = tf.range(0, 16).reshape([1, 4, 4, 1]) as tf.Tensor4D;
      expect(Array.from(centerCrop(x, 2, 2).dataSync())).toEqual([5, 6, 9, 10]);
    });
  });
});
