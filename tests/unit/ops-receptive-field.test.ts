import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LoopLayer, reachLoop, receptiveFieldLoop } from '../../src/lib/ops/receptive-field.reference.ts';
import {
  CONTEXT_MODULE,
  DILATED_1_2_4,
  type LayerSpec,
  receptiveField,
  receptiveFields,
  VGG16,
} from '../../src/lib/ops/receptive-field.ts';

const FC = { seed: 31337, numRuns: 60 };

/** tf refuses stride > 1 with dilation > 1 in one layer, so each layer has one or the other. */
const layer: fc.Arbitrary<LoopLayer> = fc
  .record({
    kernel: fc.integer({ min: 1, max: 5 }),
    stride: fc.integer({ min: 1, max: 3 }),
    dilation: fc.integer({ min: 1, max: 4 }),
    s: fc.boolean(),
  })
  .map(({ kernel, stride, dilation, s }) => (s ? { kernel, stride, dilation: 1 } : { kernel, stride: 1, dilation }));
const stack = fc.array(layer, { minLength: 1, maxLength: 5 });

describe('receptive field', () => {
  it('closed form equals the brute-force reach of a one-hot through the stack', () => {
    fc.assert(
      fc.property(stack, (layers) => {
        expect(receptiveField(layers)).toBe(receptiveFieldLoop(layers));
        // and for every prefix (the per-layer fields)
        receptiveFields(layers).forEach((f, l) =>
          expect(f.receptiveField).toBe(receptiveFieldLoop(layers.slice(0, l + 1))),
        );
      }),
      FC,
    );
    expect(receptiveField([])).toBe(1);
  });

  it('tf agrees: an input of exactly r pixels gives one output, and every one of the r pixels reaches it', () => {
    fc.assert(
      fc.property(fc.array(layer, { minLength: 1, maxLength: 3 }), (layers) => {
        const r = receptiveField(layers);
        if (r > 200) return;
        const reach = tf.tidy(() => {
          // a batch of r one-hot rows; ones kernels make "reaches" the same as "output > 0"
          let y = tf.eye(r).reshape([r, 1, r, 1]) as tf.Tensor4D;
          for (const { kernel, stride, dilation } of layers) {
            y = tf.conv2d(y, tf.ones([1, kernel, 1, 1]) as tf.Tensor4D, [1, stride], 'valid', 'NHWC', [1, dilation]);
          }
          expect(y.shape).toEqual([r, 1, 1, 1]);
          return Array.from(y.dataSync(), (v) => (v > 0 ? 1 : 0));
        });
        expect(reach[0]).toBe(1);
        expect(reach[r - 1]).toBe(1);
        expect(reach).toEqual(Array.from(reachLoop(layers)));
      }),
      { ...FC, numRuns: 30 },
    );
  });

  it('Yu & Koltun context module: 3, 5, 9, 17, 33, 65, 67 (FACTS)', () => {
    expect(receptiveFields(CONTEXT_MODULE).map((f) => f.receptiveField)).toEqual([3, 5, 9, 17, 33, 65, 67]);
  });

  it('dilations 1, 2, 4 give 3, 7, 15, and 1, 2, …, 2^i in general give 2^(i+2) − 1 (FACTS)', () => {
    expect(receptiveFields(DILATED_1_2_4).map((f) => f.receptiveField)).toEqual([3, 7, 15]);
    const doubling: LayerSpec[] = Array.from({ length: 8 }, (_, i) => ({ kernel: 3, dilation: 2 ** i }));
    receptiveFields(doubling).forEach((f, i) => expect(f.receptiveField).toBe(2 ** (i + 2) - 1));
  });

  it('one 3x3 at dilation 2 spans 5: a single kernel, not a stacked field', () => {
    expect(receptiveField([{ kernel: 3, dilation: 2 }])).toBe(5);
  });

  it('VGG-16 per layer matches the google-research/receptive_field table; 212 at pool5', () => {
    const got = Object.fromEntries(receptiveFields(VGG16).map((f) => [f.name, f.receptiveField]));
    // every vgg_16 end-point listed in receptive_field/RECEPTIVE_FIELD_TABLE.md
    expect(got).toMatchObject({
      conv1_1: 3,
      pool1: 6,
      conv2_1: 10,
      pool2: 16,
      conv3_1: 24,
      conv3_2: 32,
      pool3: 44,
      conv4_1: 60,
      conv4_2: 76,
      pool4: 100,
      conv5_1: 132,
      conv5_2: 164,
      pool5: 212,
    });
    // the end-points the table skips, from the same arithmetic
    expect(got).toMatchObject({ conv1_2: 5, conv2_2: 14, conv3_3: 40, conv4_3: 92, conv5_3: 196 });
    expect(receptiveFields(VGG16).at(-1)!.jump).toBe(32);
    expect(
      receptiveFieldLoop(VGG16.map((l) => ({ kernel: l.kernel, stride: l.stride ?? 1, dilation: l.dilation ?? 1 }))),
    ).toBe(212);
  });
});
