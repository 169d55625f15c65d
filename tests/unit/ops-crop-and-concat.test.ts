import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  UNET, centerCrop, centerCropOffsets, cropAndConcat, unetSizeWalk, type UNetStep,
} from '../../src/lib/ops/crop-and-concat.ts';
import { cropAndConcatLoop } from '../../src/lib/ops/crop-and-concat.reference.ts';


describe('crop and concat', () => {
  it('equals the loop reference on random maps', () => {
    fc.assert(
      fc.property(
        fc.record({ h: fc.integer({ min: 1, max: 8 }), w: fc.integer({ min: 1, max: 8 }), dh: fc.integer({ min: 0, max: 5 }), dw: fc.integer({ min: 0, max: 5 }),
          cs: fc.integer({ min: 1, max: 3 }), cu: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 9999 }) }),
        ({ h, w, dh, dw, cs, cu, seed }) => {
          tf.tidy(() => {
            const skip = tf.randomUniform([1, h + dh, w + dw, cs], -1, 1, 'float32', seed) as tf.Tensor4D;
            const up = tf.randomUniform([1, h, w, cu], -1, 1, 'float32', seed + 1) as tf.Tensor4D;
            const y = cropAndConcat(skip, up);
            expect(y.shape).toEqual([1, h, w, cs + cu]);
            const ref = cropAndConcatLoop(Float32Array.from(skip.dataSync()), h + dh, w + dw, cs, Float32Array.from(up.dataSync()), h, w, cu);
            expect(Array.from(y.dataSync())).toEqual(Array.from(ref));
          });
        }),
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

  it('U-Net size walk from the layer list: 572 → … → 388 with the paper crops (FACTS)', () => {
    const walk = unetSizeWalk(572);
    const sizesAfter = (op: UNetStep['op']) => walk.filter((s) => s.step.op === op).map((s) => s.size);
    expect(sizesAfter('conv')).toEqual([570, 568, 282, 280, 138, 136, 66, 64, 30, 28, 54, 52, 102, 100, 198, 196, 390, 388, 388]);
    expect(sizesAfter('pool')).toEqual([284, 140, 68, 32]);
    expect(sizesAfter('upconv')).toEqual([56, 104, 200, 392]);
    expect(walk.filter((s) => s.step.op === 'concat').map((s) => [s.croppedFrom, s.size])).toEqual([[64, 56], [136, 104], [280, 200], [568, 392]]);
    const last = walk.at(-1)!;
    expect([last.size, last.channels]).toEqual([388, 2]);
    expect((572 - 388) / 2).toBe(92); // the mirrored border per side (overlap-tile)
    expect(UNET.filter((s) => s.op === 'conv' || s.op === 'upconv').length).toBe(23);
    expect(walk.filter((s) => s.step.op === 'concat').map((s) => s.channels)).toEqual([1024, 512, 256, 128]);
  });

  it('input sizes that hit an odd size at a pooling are rejected; tiny inputs too', () => {
    expect(() => unetSizeWalk(570)).toThrow(/odd/);
    expect(() => unetSizeWalk(60)).toThrow();
    expect(unetSizeWalk(188).at(-1)!.size).toBe(4);
  });

  it('real tf ops (1 channel) produce exactly the walk sizes at 572', () => {
    const walk = unetSizeWalk(572, 1);
    tf.tidy(() => {
      const saved = new Map<string, tf.Tensor4D>();
      let x = tf.ones([1, 572, 572, 1]) as tf.Tensor4D;
      walk.forEach(({ step, size }) => {
        const c = x.shape[3];
        switch (step.op) {
          case 'conv': x = tf.conv2d(x, tf.ones([step.kernel, step.kernel, c, 1]) as tf.Tensor4D, 1, 'valid'); break;
          case 'pool': x = tf.maxPool(x, 2, 2, 'valid'); break;
          case 'upconv': x = tf.conv2dTranspose(x, tf.ones([2, 2, 1, c]) as tf.Tensor4D, [1, 2 * x.shape[1], 2 * x.shape[2], 1], 2, 'valid'); break;
          case 'save': saved.set(step.name, x); break;
          case 'concat': x = cropAndConcat(saved.get(step.from)!, x); break;
        }
        expect([x.shape[1], x.shape[2]]).toEqual([size, size]);
      });
      expect(x.shape).toEqual([1, 388, 388, 1]);
    });
  });
});
