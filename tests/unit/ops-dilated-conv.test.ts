import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convOutputSize,
  convOutputSizeFor,
  effectiveKernelSize,
  paddingFor,
} from '../../src/lib/ops/conv-arithmetic.ts';
import { atrous1dLoop, dilatedConvLoop } from '../../src/lib/ops/dilated-conv.reference.ts';
import {
  atrousConv1d,
  atrousTaps,
  dilatedConv2d,
  dilatedConv2dSpaceToBatch,
  dilateKernel,
} from '../../src/lib/ops/dilated-conv.ts';
import { expectClose } from './expect-close.ts';

const FC = { seed: 99, numRuns: 40 };

const settings = fc
  .record({
    h: fc.integer({ min: 1, max: 11 }),
    w: fc.integer({ min: 1, max: 11 }),
    k: fc.integer({ min: 1, max: 4 }),
    rate: fc.integer({ min: 1, max: 5 }),
    cin: fc.integer({ min: 1, max: 3 }),
    cout: fc.integer({ min: 1, max: 3 }),
    padding: fc.constantFrom('same' as const, 'valid' as const),
    seed: fc.integer({ min: 0, max: 100_000 }),
  })
  .filter(
    (s) =>
      convOutputSizeFor(s.padding, s.h, s.k, 1, s.rate) > 0 && convOutputSizeFor(s.padding, s.w, s.k, 1, s.rate) > 0,
  );

function randomPair(s: { h: number; w: number; k: number; cin: number; cout: number; seed: number }, batch = 1) {
  const x = tf.randomUniform([batch, s.h, s.w, s.cin], -1, 1, 'float32', s.seed) as tf.Tensor4D;
  const f = tf.randomUniform([s.k, s.k, s.cin, s.cout], -1, 1, 'float32', s.seed + 1) as tf.Tensor4D;
  return { x, f };
}

describe('dilated convolution', () => {
  it('tf.conv2d with dilations equals the loop reference', () => {
    fc.assert(
      fc.property(settings, (s) => {
        tf.tidy(() => {
          const { x, f } = randomPair(s);
          const y = dilatedConv2d(x, f, s.rate, s.padding);
          const ph = paddingFor(s.padding, s.h, s.k, 1, s.rate);
          const pw = paddingFor(s.padding, s.w, s.k, 1, s.rate);
          const ref = dilatedConvLoop(
            Float32Array.from(x.dataSync()),
            s.h,
            s.w,
            s.cin,
            Float32Array.from(f.dataSync()),
            s.k,
            s.cout,
            s.rate,
            ph.before,
            pw.before,
            y.shape[1],
            y.shape[2],
          );
          expect(y.shape[1]).toBe(convOutputSizeFor(s.padding, s.h, s.k, 1, s.rate));
          expectClose(y.dataSync(), ref);
        });
      }),
      FC,
    );
  });

  it('spaceToBatchND → conv → batchToSpaceND equals the dilated conv (batch of 2, odd sizes)', () => {
    fc.assert(
      fc.property(settings, (s) => {
        tf.tidy(() => {
          const { x, f } = randomPair(s, 2);
          const a = dilatedConv2d(x, f, s.rate, s.padding);
          const b = dilatedConv2dSpaceToBatch(x, f, s.rate, s.padding);
          expect(b.shape).toEqual(a.shape);
          expectClose(b.dataSync(), a.dataSync());
        });
      }),
      FC,
    );
  });

  it("'valid' with a dilated kernel wider than the map: an empty output whose size is convOutputSize's 0", () => {
    tf.tidy(() => {
      const x = tf.ones([1, 3, 3, 1]) as tf.Tensor4D;
      const f = tf.ones([3, 3, 1, 1]) as tf.Tensor4D;
      expect(dilatedConv2d(x, f, 2, 'valid').shape).toEqual([1, 0, 0, 1]);
      expect(dilatedConv2dSpaceToBatch(x, f, 2, 'valid').shape).toEqual([1, 0, 0, 1]);
      expect(atrousConv1d(tf.ones([3]) as tf.Tensor1D, tf.ones([3]) as tf.Tensor1D, 2).shape).toEqual([0]);
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        (h, w, k, rate) => {
          tf.tidy(() => {
            const x = tf.ones([2, h, w, 1]) as tf.Tensor4D;
            const f = tf.ones([k, k, 1, 3]) as tf.Tensor4D;
            const want = [2, convOutputSize(h, k, 1, 0, rate), convOutputSize(w, k, 1, 0, rate), 3];
            expect(dilatedConv2d(x, f, rate, 'valid').shape).toEqual(want);
            expect(dilatedConv2dSpaceToBatch(x, f, rate, 'valid').shape).toEqual(want);
            const y1 = atrousConv1d(tf.ones([w]) as tf.Tensor1D, tf.ones([k]) as tf.Tensor1D, rate);
            expect(y1.shape).toEqual([atrous1dLoop(new Float32Array(w), new Float32Array(k), rate).length]);
            expect(y1.shape).toEqual([want[2]]);
          });
        },
      ),
      FC,
    );
  });

  it('an ordinary conv with the zero-inserted (upsampled) kernel equals the dilated conv', () => {
    fc.assert(
      fc.property(settings, (s) => {
        tf.tidy(() => {
          const { x, f } = randomPair(s);
          const big = dilateKernel(f, s.rate);
          const span = s.k + (s.k - 1) * (s.rate - 1);
          expect(big.shape).toEqual([span, span, s.cin, s.cout]);
          expect(big.abs().sum().dataSync()[0]).toBeCloseTo(f.abs().sum().dataSync()[0]!, 4);
          expectClose(tf.conv2d(x, big, 1, s.padding).dataSync(), dilatedConv2d(x, f, s.rate, s.padding).dataSync());
        });
      }),
      FC,
    );
  });

  it('non-square kernels: the tf op, the spaceToBatch form and the zero-inserted kernel all equal the loop', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('same' as const, 'valid' as const),
        fc.integer({ min: 0, max: 100_000 }),
        (h, w, kh, kw, rate, padding, seed) => {
          const oh = convOutputSizeFor(padding, h, kh, 1, rate);
          const ow = convOutputSizeFor(padding, w, kw, 1, rate);
          if (oh === 0 || ow === 0) return;
          tf.tidy(() => {
            const x = tf.randomUniform([1, h, w, 2], -1, 1, 'float32', seed) as tf.Tensor4D;
            const f = tf.randomUniform([kh, kw, 2, 3], -1, 1, 'float32', seed + 1) as tf.Tensor4D;
            const top = paddingFor(padding, h, kh, 1, rate).before;
            const left = paddingFor(padding, w, kw, 1, rate).before;
            const [xs, fs] = [Float32Array.from(x.dataSync()), Float32Array.from(f.dataSync())];
            const ref = dilatedConvLoop(xs, h, w, 2, fs, [kh, kw], 3, rate, top, left, oh, ow);
            const big = dilateKernel(f, rate);
            expect(big.shape).toEqual([effectiveKernelSize(kh, rate), effectiveKernelSize(kw, rate), 2, 3]);
            expectClose(dilatedConv2d(x, f, rate, padding).dataSync(), ref);
            expectClose(dilatedConv2dSpaceToBatch(x, f, rate, padding).dataSync(), ref);
            expectClose(tf.conv2d(x, big, 1, padding).dataSync(), ref);
          });
        },
      ),
      FC,
    );
  });

  it('tfjs refuses the gradient of a dilated conv2d; the spaceToBatch form differentiates and matches', () => {
    tf.tidy(() => {
      const x = tf.randomUniform([1, 9, 9, 1], -1, 1, 'float32', 1) as tf.Tensor4D;
      const f = tf.randomUniform([3, 3, 1, 1], -1, 1, 'float32', 2) as tf.Tensor4D;
      const g = tf.randomUniform([1, 9, 9, 1], -1, 1, 'float32', 3);
      expect(() =>
        tf.grad((t: tf.Tensor) =>
          dilatedConv2d(t as tf.Tensor4D, f, 2)
            .mul(g)
            .sum(),
        )(x),
      ).toThrow(/dilation rates greater than 1/);
      const viaS2B = tf.grad((t: tf.Tensor) =>
        dilatedConv2dSpaceToBatch(t as tf.Tensor4D, f, 2)
          .mul(g)
          .sum(),
      )(x);
      const viaBigKernel = tf.grad((t: tf.Tensor) =>
        tf
          .conv2d(t as tf.Tensor4D, dilateKernel(f, 2), 1, 'same')
          .mul(g)
          .sum(),
      )(x);
      expectClose(viaS2B.dataSync(), viaBigKernel.dataSync());
    });
  });

  it('atrous taps: 3x3 at rate 2 reads offsets −2, 0, 2 (a 5x5 span) and are where tf reads', () => {
    expect(atrousTaps(10, 10, 2).map((t) => [t.dRow, t.dCol])).toEqual([
      [-2, -2],
      [-2, 0],
      [-2, 2],
      [0, -2],
      [0, 0],
      [0, 2],
      [2, -2],
      [2, 0],
      [2, 2],
    ]);
    expect(atrousTaps(0, 0, 6, 3, 65, 65).filter((t) => t.inside).length).toBe(4);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        fc.nat(),
        (n, k, rate, r0, c0) => {
          const row = r0 % n;
          const col = c0 % (n + 1);
          tf.tidy(() => {
            // input value = 1 + its index; filter channel t is the one-hot of tap t, so output channel t reads tap t
            const x = tf.range(1, n * (n + 1) + 1).reshape([1, n, n + 1, 1]) as tf.Tensor4D;
            const f = tf.eye(k * k).reshape([k, k, 1, k * k]) as tf.Tensor4D;
            const read = dilatedConv2d(x, f, rate, 'same')
              .slice([0, row, col, 0], [1, 1, 1, k * k])
              .dataSync();
            const taps = atrousTaps(row, col, rate, k, n, n + 1);
            expect(Array.from(read)).toEqual(taps.map((t) => (t.inside ? 1 + t.row * (n + 1) + t.col : 0)));
          });
        },
      ),
      FC,
    );
  });

  it('1-D: y[i] = Σₖ x[i + r·k]·w[k] (DeepLab v3 eq. 1) via tf.conv1d equals the literal loop', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (n, K, rate, seed) => {
          if (n - rate * (K - 1) < 1) return;
          tf.tidy(() => {
            const x = tf.randomUniform([n], -1, 1, 'float32', seed) as tf.Tensor1D;
            const w = tf.randomUniform([K], -1, 1, 'float32', seed + 1) as tf.Tensor1D;
            expectClose(
              atrousConv1d(x, w, rate).dataSync(),
              atrous1dLoop(Float32Array.from(x.dataSync()), Float32Array.from(w.dataSync()), rate),
            );
          });
        },
      ),
      FC,
    );
    tf.tidy(() => {
      const y = atrousConv1d(tf.tensor1d([1, 2, 3, 4, 5, 6, 7]), tf.tensor1d([1, 10, 100]), 2);
      expect(Array.from(y.dataSync())).toEqual([531, 642, 753]);
    });
  });
});
