import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conv1dLoop } from '../../src/lib/ops/conv-arithmetic.reference.ts';
import {
  convOutputSize,
  convOutputSizeFor,
  effectiveKernelSize,
  paddingFor,
  windowPositions,
} from '../../src/lib/ops/conv-arithmetic.ts';

const FC = { seed: 20240601, numRuns: 60 };

/** tf rejects stride > 1 together with dilation > 1, so the generators pick one of them. */
const settings = fc
  .record({
    input: fc.integer({ min: 1, max: 16 }),
    kernel: fc.integer({ min: 1, max: 5 }),
    stride: fc.integer({ min: 1, max: 4 }),
    dilation: fc.integer({ min: 1, max: 4 }),
    padding: fc.integer({ min: 0, max: 4 }),
    strideNotDilation: fc.boolean(),
  })
  .map((s) => (s.strideNotDilation ? { ...s, dilation: 1 } : { ...s, stride: 1 }));

function randomRow(n: number, seed: number): tf.Tensor4D {
  return tf.randomUniform([1, 1, n, 1], -1, 1, 'float32', seed);
}

describe('conv-arithmetic', () => {
  it('effective kernel size: 3x3 at dilation 2 spans 5 (FACTS), 3 at dilation 1', () => {
    expect(effectiveKernelSize(3, 1)).toBe(3);
    expect(effectiveKernelSize(3, 2)).toBe(5);
    expect(effectiveKernelSize(3, 6)).toBe(13);
    expect(effectiveKernelSize(1, 9)).toBe(1);
    expect(() => effectiveKernelSize(0)).toThrow();
    expect(() => effectiveKernelSize(3, 0)).toThrow();
  });

  it('output size agrees with the shape of a real tf.conv2d with explicit padding', () => {
    fc.assert(
      fc.property(settings, ({ input, kernel, stride, dilation, padding }) => {
        const expected = convOutputSize(input, kernel, stride, padding, dilation);
        const span = effectiveKernelSize(kernel, dilation);
        if (input + 2 * padding < span) {
          expect(expected).toBe(0);
          return;
        }
        const shape = tf.tidy(() => {
          const x = tf.ones([1, input, input + 1, 1]);
          const w = tf.ones([kernel, kernel, 1, 1]);
          const pad: [[number, number], [number, number], [number, number], [number, number]] = [
            [0, 0],
            [padding, padding],
            [padding, padding],
            [0, 0],
          ];
          return tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, pad, 'NHWC', dilation).shape;
        });
        expect(shape[1]).toBe(expected);
        expect(shape[2]).toBe(convOutputSize(input + 1, kernel, stride, padding, dilation));
      }),
      FC,
    );
  });

  it("'same' and 'valid' padding amounts reproduce tf.conv2d's own padding, value for value", () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 0, max: 1000 }), ({ input, kernel, stride, dilation }, seed) => {
        for (const mode of ['same', 'valid'] as const) {
          const n = convOutputSizeFor(mode, input, kernel, stride, dilation);
          if (n === 0) continue; // tf 'valid' with input < kernel span has no output
          const p = paddingFor(mode, input, kernel, stride, dilation);
          const [viaMode, viaExplicit] = tf.tidy(() => {
            const x = randomRow(input, seed);
            const w = tf.randomUniform([1, kernel, 1, 1], -1, 1, 'float32', seed + 1) as tf.Tensor4D;
            const a = tf.conv2d(x, w, stride, mode, 'NHWC', dilation);
            const b = tf.conv2d(
              x,
              w,
              stride,
              [
                [0, 0],
                [0, 0],
                [p.before, p.after],
                [0, 0],
              ],
              'NHWC',
              dilation,
            );
            return [a.dataSync().slice(), b.dataSync().slice()];
          });
          expect(viaMode.length).toBe(n);
          expect(Array.from(viaExplicit)).toEqual(Array.from(viaMode));
        }
      }),
      FC,
    );
  });

  it("'same' puts the odd padding zero after the input (tf convention)", () => {
    expect(paddingFor('same', 4, 2)).toEqual({ before: 0, after: 1 });
    expect(paddingFor('same', 5, 3, 2)).toEqual({ before: 1, after: 1 });
    expect(paddingFor('same', 6, 3, 2)).toEqual({ before: 0, after: 1 });
    expect(paddingFor('same', 7, 3, 1, 2)).toEqual({ before: 2, after: 2 });
    expect(paddingFor('valid', 7, 3)).toEqual({ before: 0, after: 0 });
  });

  it('window taps, used as a convolution, give tf.conv2d values and the loop reference values', () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 0, max: 1000 }), ({ input, kernel, stride, dilation, padding }, seed) => {
        const windows = windowPositions(input, kernel, stride, padding, dilation);
        expect(windows.length).toBe(convOutputSize(input, kernel, stride, padding, dilation));
        if (windows.length === 0) return;
        const [x, w, y] = tf.tidy(() => {
          const xt = randomRow(input, seed);
          const wt = tf.randomUniform([1, kernel, 1, 1], -1, 1, 'float32', seed + 7) as tf.Tensor4D;
          const yt = tf.conv2d(
            xt,
            wt,
            stride,
            [
              [0, 0],
              [0, 0],
              [padding, padding],
              [0, 0],
            ],
            'NHWC',
            dilation,
          );
          return [Float32Array.from(xt.dataSync()), Float32Array.from(wt.dataSync()), Float32Array.from(yt.dataSync())];
        });
        const fromWindows = windows.map(({ taps }) =>
          taps.reduce((acc, i, t) => acc + (i >= 0 && i < input ? x[i]! * w[t]! : 0), 0),
        );
        const loop = conv1dLoop(x, w, stride, padding, padding, dilation);
        expect(loop.length).toBe(y.length);
        for (let o = 0; o < y.length; o++) {
          expect(fromWindows[o]).toBeCloseTo(y[o]!, 5);
          expect(loop[o]).toBeCloseTo(y[o]!, 5);
        }
      }),
      FC,
    );
  });

  it('edge cases: kernel larger than the input, 1x1 kernels, windows start in the padding', () => {
    expect(convOutputSize(3, 5)).toBe(0);
    expect(convOutputSize(3, 5, 1, 1)).toBe(1);
    expect(convOutputSize(7, 1, 2)).toBe(4);
    expect(convOutputSize(65, 3, 1, 6, 6)).toBe(65); // DeepLab 'same' atrous: padding = rate
    expect(windowPositions(4, 3, 2, 1).map((w) => w.taps)).toEqual([
      [-1, 0, 1],
      [1, 2, 3],
    ]);
    expect(windowPositions(5, 3, 1, 0, 2).map((w) => w.taps)).toEqual([[0, 2, 4]]);
    expect(windowPositions(2, 3)).toEqual([]);
  });
});
