import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bilinearKernelLoop,
  bilinearUpsampleFilterLoop,
  resizeHalfPixelLoop,
} from '../../src/lib/ops/bilinear-kernel.reference.ts';
import {
  bilinearBorderDifference,
  bilinearKernel,
  bilinearTaps,
  bilinearTransposedUpsample,
  bilinearUpsampleFilter,
  borderWidth,
} from '../../src/lib/ops/bilinear-kernel.ts';
import { transposedConvLoop } from '../../src/lib/ops/transposed-conv.reference.ts';
import { expectClose } from './expect-close.ts';

const FC = { seed: 1234, numRuns: 30 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Values of t at [1, H, W, 1] split into interior and border pixels (border = b pixels per side). */
function split(t: tf.Tensor4D, b: number): { interior: number[]; border: number[] } {
  const [, H, W] = t.shape;
  const d = t.dataSync();
  const interior: number[] = [];
  const border: number[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const onBorder = y < b || x < b || y >= H - b || x >= W - b;
      (onBorder ? border : interior).push(d[y * W + x]!);
    }
  }
  return { interior, border };
}

describe('bilinear kernel', () => {
  it('taps from FACTS: k=4 → [0.25, 0.75, 0.75, 0.25]; k=3 → [0.5, 1, 0.5]; k=2 → [0.5, 0.5]', () => {
    expect(bilinearTaps(4)).toEqual([0.25, 0.75, 0.75, 0.25]);
    expect(bilinearTaps(3)).toEqual([0.5, 1, 0.5]);
    expect(bilinearTaps(2)).toEqual([0.5, 0.5]);
    expect(bilinearTaps(1)).toEqual([1]);
    expect(() => bilinearTaps(0)).toThrow();
  });

  it('k = 2s taps are a partition of unity for each of the s phases (so flat stays flat)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), (s) => {
        const taps = bilinearTaps(2 * s);
        for (let phase = 0; phase < s; phase++) expect(taps[phase]! + taps[phase + s]!).toBeCloseTo(1, 12);
      }),
      FC,
    );
  });

  it('2-D kernel equals the loop formula; the filter keeps channels apart', () => {
    for (const k of [1, 2, 3, 4, 5, 8, 16, 64]) {
      const t = bilinearKernel(k);
      expect(t.shape).toEqual([k, k]);
      expectClose(t.dataSync(), bilinearKernelLoop(k), 1e-6);
      t.dispose();
    }
    tf.tidy(() => {
      const f = bilinearUpsampleFilter(4, 3);
      expect(f.shape).toEqual([4, 4, 3, 3]);
      const perPair = f.sum([0, 1]).arraySync() as number[][];
      expect(perPair).toEqual([
        [4, 0, 0],
        [0, 4, 0],
        [0, 0, 4],
      ]);
    });
  });

  it('builds the per-channel [k, k, c, c] filter of the loop reference', () => {
    for (const [k, c] of [
      [1, 1],
      [3, 2],
      [4, 3],
      [16, 11],
    ] as const) {
      const f = bilinearUpsampleFilter(k, c);
      expect(f.shape).toEqual([k, k, c, c]);
      expectClose(f.dataSync(), bilinearUpsampleFilterLoop(k, c), 1e-6);
      f.dispose();
    }
  });

  it('transposed-conv upsampling equals the scatter loop with the loop kernel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(2, 4, 6), fc.integer(), (n, s, seed) => {
        tf.tidy(() => {
          const x = tf.randomUniform([1, n, n + 2, 1], -1, 1, 'float32', seed) as tf.Tensor4D;
          const y = bilinearTransposedUpsample(x, s);
          expect(y.shape).toEqual([1, n * s, (n + 2) * s, 1]);
          const k = { data: bilinearKernelLoop(2 * s), h: 2 * s, w: 2 * s };
          const ref = transposedConvLoop({ data: Float32Array.from(x.dataSync()), h: n, w: n + 2 }, k, s, s / 2);
          expectClose(y.dataSync(), ref.data, 1e-5);
        });
      }),
      FC,
    );
    expect(() => bilinearTransposedUpsample(tf.zeros([1, 2, 2, 1]), 3)).toThrow();
  });

  it('equals half-pixel resizeBilinear in the interior (1e-5) and differs on the border (FACTS)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.constantFrom(2, 4), fc.integer(), (n, s, seed) => {
        tf.tidy(() => {
          // positive inputs: on the border the conv's zero padding pulls every value down
          const x = tf.randomUniform([1, n, n + 1, 1], 0.5, 1.5, 'float32', seed) as tf.Tensor4D;
          const b = borderWidth(s);
          const { interior, border } = split(bilinearBorderDifference(x, s), b);
          for (const v of interior) expect(Math.abs(v)).toBeLessThan(1e-5);
          for (const v of border) expect(v).toBeLessThan(-1e-3);
          // and tf's resize agrees with the half-pixel loop
          const resized = tf.image.resizeBilinear(x, [n * s, (n + 1) * s], false, true);
          expectClose(resized.dataSync(), resizeHalfPixelLoop(Float32Array.from(x.dataSync()), n, n + 1, s), 1e-5);
        });
      }),
      FC,
    );
    expect(borderWidth(2)).toBe(1);
  });

  it('a concrete 2x case: [[1,2],[3,4]] → interior matches, corner is 0.75·0.75·1 vs 1', () => {
    tf.tidy(() => {
      const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      const up = bilinearTransposedUpsample(x, 2).reshape([4, 4]).arraySync() as number[][];
      expect(up[0]![0]).toBeCloseTo(0.5625, 6);
      expect(up[1]![1]).toBeCloseTo(1.75, 6); // interior: 0.75·0.75·1 + 0.75·0.25·2 + 0.25·0.75·3 + 0.25·0.25·4
    });
  });

  it('the interior does not match resize without half-pixel centres (the flag matters)', () => {
    tf.tidy(() => {
      const x = tf.randomUniform([1, 6, 6, 1], 0, 1, 'float32', 3) as tf.Tensor4D;
      const conv = bilinearTransposedUpsample(x, 2);
      for (const alignCorners of [false, true]) {
        const other = tf.image.resizeBilinear(x, [12, 12], alignCorners, false);
        const { interior } = split(conv.sub(other) as tf.Tensor4D, 1);
        expect(Math.max(...interior.map(Math.abs))).toBeGreaterThan(1e-2);
      }
    });
  });
});
