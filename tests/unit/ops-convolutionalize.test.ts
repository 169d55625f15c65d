import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convOutputSize } from '../../src/lib/ops/conv-arithmetic.ts';
import { type DenseLoop, slidingDenseLoop } from '../../src/lib/ops/convolutionalize.reference.ts';
import {
  applyConvolutionalized,
  applyDense,
  convolutionalize,
  type DenseWeights,
  denseToConv1x1,
  denseToConvKernel,
} from '../../src/lib/ops/convolutionalize.ts';

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++)
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(tol * (1 + Math.abs(expected[i]!)));
}

const scenario = fc.record({
  h: fc.integer({ min: 1, max: 4 }),
  w: fc.integer({ min: 1, max: 4 }),
  c: fc.integer({ min: 1, max: 3 }),
  units: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
  extraH: fc.integer({ min: 0, max: 3 }),
  extraW: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer({ min: 0, max: 100_000 }),
});

function randomDense(inUnits: number, units: number[], seed: number): DenseWeights[] {
  let prev = inUnits;
  return units.map((u, i) => {
    const layer = {
      kernel: tf.randomUniform([prev, u], -1, 1, 'float32', seed + 2 * i) as tf.Tensor2D,
      bias: tf.randomUniform([u], -1, 1, 'float32', seed + 2 * i + 1) as tf.Tensor1D,
    };
    prev = u;
    return layer;
  });
}

describe('convolutionalize', () => {
  it('on an h×w map the conv stack equals a tf.layers Flatten → Dense model with the same weights', () => {
    fc.assert(
      fc.property(scenario, ({ h, w, c, units, seed }) => {
        tf.tidy(() => {
          const dense = randomDense(h * w * c, units, seed);
          const model = tf.sequential();
          model.add(tf.layers.flatten({ inputShape: [h, w, c] }));
          units.forEach((u, i) =>
            model.add(tf.layers.dense({ units: u, activation: i < units.length - 1 ? 'relu' : 'linear' })),
          );
          model.layers.slice(1).forEach((layer, i) => layer.setWeights([dense[i]!.kernel, dense[i]!.bias!]));
          const x = tf.randomUniform([2, h, w, c], -1, 1, 'float32', seed + 99) as tf.Tensor4D;
          const viaModel = model.predict(x) as tf.Tensor2D;
          const viaConv = applyConvolutionalized(x, convolutionalize(dense, [h, w, c]));
          expect(viaConv.shape).toEqual([2, 1, 1, units.at(-1)]);
          expectClose(viaConv.dataSync(), viaModel.dataSync());
          expectClose(applyDense(x.reshape([2, -1]) as tf.Tensor2D, dense).dataSync(), viaModel.dataSync());
          model.dispose();
        });
      }),
      { seed: 2015, numRuns: 15 },
    );
  });

  it('slid over a larger map, it equals the dense classifier on every crop (loop reference)', () => {
    fc.assert(
      fc.property(scenario, ({ h, w, c, units, extraH, extraW, seed }) => {
        tf.tidy(() => {
          const dense = randomDense(h * w * c, units, seed);
          const H = h + extraH;
          const W = w + extraW;
          const map = tf.randomUniform([1, H, W, c], -1, 1, 'float32', seed + 5) as tf.Tensor4D;
          const y = applyConvolutionalized(map, convolutionalize(dense, [h, w, c]));
          expect(y.shape).toEqual([1, extraH + 1, extraW + 1, units.at(-1)]);
          const loops: DenseLoop[] = dense.map((d) => ({
            kernel: Float32Array.from(d.kernel.dataSync()),
            bias: Float32Array.from(d.bias!.dataSync()),
            inUnits: d.kernel.shape[0],
            outUnits: d.kernel.shape[1],
          }));
          expectClose(y.dataSync(), slidingDenseLoop(Float32Array.from(map.dataSync()), H, W, c, h, w, loops, true));
        });
      }),
      { seed: 1411, numRuns: 25 },
    );
  });

  it('on a map smaller than the first kernel the output is empty, sized as convOutputSize says (0)', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        ({ h, w, c, units, seed }, H, W) => {
          tf.tidy(() => {
            const dense = randomDense(h * w * c, units, seed);
            const y = applyConvolutionalized(tf.ones([2, H, W, c]) as tf.Tensor4D, convolutionalize(dense, [h, w, c]));
            expect(y.shape).toEqual([2, convOutputSize(H, h), convOutputSize(W, w), units.at(-1)]);
          });
        },
      ),
      { seed: 1511, numRuns: 40 },
    );
    tf.tidy(() => {
      const dense = randomDense(3 * 3, [4, 2], 5);
      expect(
        applyConvolutionalized(tf.ones([1, 2, 5, 1]) as tf.Tensor4D, convolutionalize(dense, [3, 3, 1])).shape,
      ).toEqual([1, 0, 3, 2]);
    });
  });

  it('the flatten order matters: a channel-first reshape of the same weights gives other numbers', () => {
    tf.tidy(() => {
      const [h, w, c] = [3, 3, 2];
      const kernel = tf.randomUniform([h * w * c, 4], -1, 1, 'float32', 1) as tf.Tensor2D;
      const x = tf.randomUniform([1, h, w, c], -1, 1, 'float32', 2) as tf.Tensor4D;
      const right = tf.conv2d(x, denseToConvKernel(kernel, [h, w, c]), 1, 'valid');
      const wrong = tf.conv2d(x, kernel.reshape([c, h, w, 4]).transpose([1, 2, 0, 3]) as tf.Tensor4D, 1, 'valid');
      const dense = tf.matMul(x.reshape([1, -1]), kernel);
      expectClose(right.dataSync(), dense.dataSync());
      expect(
        wrong
          .sub(dense.reshape([1, 1, 1, 4]))
          .abs()
          .max()
          .dataSync()[0],
      ).toBeGreaterThan(1e-2);
    });
  });

  it('shapes: fc6-like [h·w·c, out] → [h, w, c, out], later layers → 1x1; wrong input size throws', () => {
    tf.tidy(() => {
      expect(denseToConvKernel(tf.zeros([7 * 7 * 4, 6]) as tf.Tensor2D, [7, 7, 4]).shape).toEqual([7, 7, 4, 6]);
      expect(denseToConv1x1(tf.zeros([6, 3]) as tf.Tensor2D).shape).toEqual([1, 1, 6, 3]);
      expect(() => denseToConvKernel(tf.zeros([10, 6]) as tf.Tensor2D, [7, 7, 4])).toThrow();
    });
  });
});
