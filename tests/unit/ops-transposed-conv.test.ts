import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convOutputSize } from '../../src/lib/ops/conv-arithmetic.ts';
import {
  conv2dLoop,
  type Image,
  resizeConvLoop,
  transposedConvLoop,
} from '../../src/lib/ops/transposed-conv.reference.ts';
import {
  applyMatrix,
  convMatrix,
  outputPaddingFor,
  overlapCounts,
  placeStamp,
  resizeConv,
  stampContributions,
  stampPositions,
  transposedConv2d,
  transposedConv2dSingle,
  transposedConvOutputSize,
} from '../../src/lib/ops/transposed-conv.ts';
import { expectClose } from './expect-close.ts';

const FC = { seed: 7071, numRuns: 40 };

function rand2d(h: number, w: number, seed: number): tf.Tensor2D {
  return tf.randomUniform([h, w], -1, 1, 'float32', seed) as tf.Tensor2D;
}
function image(t: tf.Tensor2D): Image {
  return { data: Float32Array.from(t.dataSync()), h: t.shape[0], w: t.shape[1] };
}
/** A forward conv (i, k, s, p) whose transposed conv we then take. */
const convSettings = fc
  .record({
    i: fc.integer({ min: 2, max: 9 }),
    k: fc.integer({ min: 1, max: 4 }),
    s: fc.integer({ min: 1, max: 3 }),
    p: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 10_000 }),
  })
  .filter(({ i, k, p }) => p < k && i + 2 * p >= k);

describe('transposed convolution', () => {
  it('o′ = s(i′−1) + a + k − 2p with a = (i + 2p − k) mod s returns the forward input size', () => {
    fc.assert(
      fc.property(convSettings, ({ i, k, s, p }) => {
        const o = convOutputSize(i, k, s, p);
        const a = outputPaddingFor(i, k, s, p);
        expect(transposedConvOutputSize(o, k, s, p, a)).toBe(i);
        const y = tf.tidy(() =>
          transposedConv2d(tf.ones([1, o, o, 1]) as tf.Tensor4D, tf.ones([k, k, 1, 1]) as tf.Tensor4D, s, p, a),
        );
        expect(y.shape).toEqual([1, i, i, 1]);
        y.dispose();
      }),
      FC,
    );
    // Dumoulin & Visin's examples: 2x2 → 4x4 (k3 s1 p0), 3x3 → 5x5 (k3 s2 p1), 3x3 → 6x6 (k3 s2 p1 a1)
    expect(transposedConvOutputSize(2, 3)).toBe(4);
    expect(transposedConvOutputSize(3, 3, 2, 1)).toBe(5);
    expect(transposedConvOutputSize(3, 3, 2, 1, 1)).toBe(6);
  });

  it('sizes are never negative: o′ is 0 when padding crops it all; a is refused for a conv with no output', () => {
    expect(transposedConvOutputSize(1, 1, 1, 1)).toBe(0);
    expect(transposedConvOutputSize(2, 3, 1, 3)).toBe(0);
    const one = tf.ones([1, 1, 1, 1]) as tf.Tensor4D;
    expect(() => transposedConv2d(one, one, 1, 1)).toThrow(/no output/);
    one.dispose();
    expect(() => outputPaddingFor(2, 5, 2)).toThrow(RangeError);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        (i, k, s, p) => {
          expect(transposedConvOutputSize(i, k, s, p)).toBe(
            Math.max(
              0,
              transposedConvLoop(
                { data: new Float32Array(i), h: 1, w: i },
                { data: new Float32Array(k), h: 1, w: k },
                s,
                0,
              ).w -
                2 * p,
            ),
          );
          if (convOutputSize(i, k, s, p) === 0) expect(() => outputPaddingFor(i, k, s, p)).toThrow(RangeError);
          else expect(outputPaddingFor(i, k, s, p)).toBeGreaterThanOrEqual(0);
        },
      ),
      FC,
    );
  });

  it('tf.conv2dTranspose equals the scatter loop on random inputs', () => {
    fc.assert(
      fc.property(convSettings, ({ i, k, s, p, seed }) => {
        const a = outputPaddingFor(i, k, s, p);
        const o = convOutputSize(i, k, s, p);
        const [got, want] = tf.tidy(() => {
          const x = rand2d(o, o + 1, seed);
          const w = rand2d(k, k, seed + 1);
          return [
            transposedConv2dSingle(x, w, s, p, a).dataSync().slice(),
            transposedConvLoop(image(x), image(w), s, p, a).data,
          ];
        });
        expectClose(got, want);
      }),
      FC,
    );
  });

  it('non-square kernels and strides equal the scatter loop (tfjs sizes a numeric padding by the kernel height)', () => {
    tf.tidy(() => {
      const y = transposedConv2dSingle(tf.ones([1, 1]) as tf.Tensor2D, tf.tensor2d([[1, 2]]), 1);
      expect(y.shape).toEqual([1, 2]);
      expect(Array.from(y.dataSync())).toEqual([1, 2]);
    });
    const settings = fc
      .record({
        ih: fc.integer({ min: 1, max: 6 }),
        iw: fc.integer({ min: 1, max: 6 }),
        kh: fc.integer({ min: 1, max: 4 }),
        kw: fc.integer({ min: 1, max: 4 }),
        sh: fc.integer({ min: 1, max: 3 }),
        sw: fc.integer({ min: 1, max: 3 }),
        p: fc.integer({ min: 0, max: 2 }),
        ah: fc.nat(),
        aw: fc.nat(),
        seed: fc.integer({ min: 0, max: 10_000 }),
      })
      .map((s) => ({ ...s, ah: s.ah % s.sh, aw: s.aw % s.sw }))
      .filter(
        (s) =>
          transposedConvOutputSize(s.ih, s.kh, s.sh, s.p, s.ah) > 0 &&
          transposedConvOutputSize(s.iw, s.kw, s.sw, s.p, s.aw) > 0,
      );
    fc.assert(
      fc.property(settings, ({ ih, iw, kh, kw, sh, sw, p, ah, aw, seed }) => {
        tf.tidy(() => {
          const x = rand2d(ih, iw, seed);
          const w = rand2d(kh, kw, seed + 1);
          const y = transposedConv2dSingle(x, w, [sh, sw], p, [ah, aw]);
          const want = transposedConvLoop(image(x), image(w), [sh, sw], p, [ah, aw]);
          expect(y.shape).toEqual([want.h, want.w]);
          expectClose(y.dataSync(), want.data);
        });
      }),
      { ...FC, numRuns: 80 },
    );
    for (const [kh, kw, sh, sw] of [
      [1, 2, 1, 1],
      [2, 3, 1, 2],
      [3, 1, 2, 1],
      [2, 3, 2, 2],
    ] as const) {
      tf.tidy(() => {
        const x = rand2d(3, 4, kh * 10 + kw);
        const w = rand2d(kh, kw, kw * 10 + kh);
        const want = transposedConvLoop(image(x), image(w), [sh, sw], 0);
        expectClose(transposedConv2dSingle(x, w, [sh, sw]).dataSync(), want.data);
      });
    }
  });

  it('multi-channel filter layout [k, k, cout, cin]: each output channel sums its input channels', () => {
    tf.tidy(() => {
      const x = tf.randomUniform([1, 3, 3, 2], -1, 1, 'float32', 1) as tf.Tensor4D;
      const f = tf.randomUniform([3, 3, 4, 2], -1, 1, 'float32', 2) as tf.Tensor4D;
      const y = transposedConv2d(x, f, 2, 1);
      expect(y.shape).toEqual([1, 5, 5, 4]);
      for (let co = 0; co < 4; co++) {
        let want = tf.zeros([5, 5]) as tf.Tensor2D;
        for (let ci = 0; ci < 2; ci++) {
          const xc = x.slice([0, 0, 0, ci], [1, 3, 3, 1]).reshape([3, 3]) as tf.Tensor2D;
          const wc = f.slice([0, 0, co, ci], [3, 3, 1, 1]).reshape([3, 3]) as tf.Tensor2D;
          want = want.add(transposedConv2dSingle(xc, wc, 2, 1));
        }
        expectClose(y.slice([0, 0, 0, co], [1, 5, 5, 1]).dataSync(), want.dataSync());
      }
    });
  });

  it('the stamps, placed and summed, are the transposed conv', () => {
    fc.assert(
      fc.property(convSettings, ({ i, k, s, p, seed }) => {
        const o = convOutputSize(i, k, s, p);
        tf.tidy(() => {
          const x = rand2d(o, o, seed);
          const w = rand2d(k, k, seed + 3);
          const y = transposedConv2dSingle(x, w, s, p);
          const [oh, ow] = y.shape;
          const stamps = stampPositions(o, o, s, p);
          expect(stamps.length).toBe(o * o);
          const contribs = stampContributions(x, w);
          expect(contribs.shape).toEqual([o * o, k, k]);
          const parts = stamps.map((st, j) =>
            placeStamp(contribs.slice([j, 0, 0], [1, k, k]).reshape([k, k]) as tf.Tensor2D, st, oh, ow),
          );
          expectClose(tf.addN(parts).dataSync(), y.dataSync());
        });
      }),
      { ...FC, numRuns: 20 },
    );
    expect(stampPositions(2, 2, 2, 1).map(({ top, left }) => [top, left])).toEqual([
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ]);
  });

  it('overlap counts: stride 2 kernel 3 gives a 4:1 imbalance in 2-D; kernel 4 or 2 is even (FACTS)', () => {
    const interior = (t: tf.Tensor2D, m: number) => t.slice([m, m], [t.shape[0] - 2 * m, t.shape[1] - 2 * m]);
    tf.tidy(() => {
      const c3 = overlapCounts(6, 6, 3, 2);
      expect(c3.shape).toEqual([13, 13]);
      const in3 = interior(c3, 1);
      expect(in3.max().dataSync()[0]).toBe(4);
      expect(in3.min().dataSync()[0]).toBe(1);
      expect(Array.from(c3.slice([6, 2], [1, 6]).dataSync())).toEqual([4, 2, 4, 2, 4, 2]);
      const c4 = interior(overlapCounts(6, 6, 4, 2), 2);
      expect(c4.max().dataSync()[0]).toBe(4);
      expect(c4.min().dataSync()[0]).toBe(4);
      const c2 = overlapCounts(5, 5, 2, 2);
      expect(Array.from(new Set(c2.dataSync()))).toEqual([1]);
      // the loop reference agrees on the raw counts
      const ones = (n: number): Image => ({ data: new Float32Array(n * n).fill(1), h: n, w: n });
      expectClose(c3.dataSync(), transposedConvLoop(ones(6), ones(3), 2, 0).data);
    });
  });

  it('C built from tf.conv2d: C·x is the conv, Cᵀ·y is tf.conv2dTranspose', () => {
    fc.assert(
      fc.property(convSettings, ({ i, k, s, p, seed }) => {
        tf.tidy(() => {
          const x = rand2d(i, i, seed);
          const w = rand2d(k, k, seed + 5);
          const o = convOutputSize(i, k, s, p);
          const C = convMatrix(i, i, w, s, p);
          expect(C.shape).toEqual([o * o, i * i]);
          const conv = conv2dLoop(image(x), image(w), s, p);
          expectClose(applyMatrix(C, x, o, o).dataSync(), conv.data);
          const y = rand2d(o, o, seed + 9);
          const viaCt = applyMatrix(C.transpose(), y, i, i);
          const viaTf = tf.conv2dTranspose(
            y.reshape([1, o, o, 1]) as tf.Tensor4D,
            w.reshape([k, k, 1, 1]) as tf.Tensor4D,
            [1, i, i, 1],
            s,
            p,
          );
          expectClose(viaCt.dataSync(), viaTf.dataSync());
        });
      }),
      FC,
    );
  });

  it('Dumoulin & Visin Fig. 2.1 sizes: C of a 3x3 kernel on 4x4 is 4x16 and is sparse', () => {
    tf.tidy(() => {
      const C = convMatrix(4, 4, tf.ones([3, 3]) as tf.Tensor2D, 1);
      expect(C.shape).toEqual([4, 16]);
      expect(C.sum(1).dataSync()).toEqual(new Float32Array([9, 9, 9, 9]));
      expect(C.notEqual(0).sum().dataSync()[0]).toBe(36);
    });
  });

  it('the transposed conv recovers the shape, not the input: Cᵀ(Cx) ≠ x', () => {
    tf.tidy(() => {
      const x = rand2d(5, 5, 11);
      const w = rand2d(3, 3, 12);
      const C = convMatrix(5, 5, w, 2, 1);
      const back = applyMatrix(C.transpose(), applyMatrix(C, x, 3, 3), 5, 5);
      expect(back.shape).toEqual(x.shape);
      expect(back.sub(x).abs().max().dataSync()[0]).toBeGreaterThan(0.1);
    });
  });

  it('resize-then-convolve equals its loop reference and has no checkerboard on a flat input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (n, kh, kw, f, seed) => {
          tf.tidy(() => {
            const x = rand2d(n, n + 1, seed);
            const w = rand2d(kh, kw, seed + 1);
            const filter = w.reshape([kh, kw, 1, 1]) as tf.Tensor4D;
            const got = resizeConv(x.reshape([1, n, n + 1, 1]) as tf.Tensor4D, filter, f);
            expectClose(got.dataSync(), resizeConvLoop(image(x), image(w), f).data);
          });
        },
      ),
      FC,
    );
    tf.tidy(() => {
      const flat = tf.ones([1, 6, 6, 1]) as tf.Tensor4D;
      const k3 = tf.ones([3, 3, 1, 1]) as tf.Tensor4D;
      const deconv = transposedConv2d(flat, k3, 2, 1, 1).slice([0, 2, 2, 0], [1, 8, 8, 1]);
      const fixed = resizeConv(flat, k3, 2).slice([0, 2, 2, 0], [1, 8, 8, 1]);
      expect(deconv.max().dataSync()[0]! / deconv.min().dataSync()[0]!).toBe(4);
      expect(fixed.max().dataSync()[0]).toBe(fixed.min().dataSync()[0]);
    });
  });
});
