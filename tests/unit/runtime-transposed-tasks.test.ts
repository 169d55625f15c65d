import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resizeBilinearLoop } from '../../src/lib/ops/bilinear.reference.ts';
import { conv2dLoop, resizeConvLoop, transposedConvLoop } from '../../src/lib/ops/transposed-conv.reference.ts';
import { transposedTasks } from '../../src/lib/runtime/worker/tasks/transposed.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';
import { expectClose } from './expect-close.ts';
import { noLeak } from './no-leak.ts';
import { bilinearTapsFormula, crossClassMax, selfTaps, shippedUpsampler } from './shipped-upsampler.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  // The model task fetches '/weights/…' as the browser would; here it reads public/.
  vi.stubGlobal('fetch', (url: string) => fileFetch(`public${url}`));
});
afterAll(() => vi.unstubAllGlobals());

const img = (data: ArrayLike<number>, h: number, w = h) => ({ data: Float32Array.from(data), h, w });

describe('the worker tasks of the transposed-convolution lesson', () => {
  it('scatter: the running sum of stamps ends at tf.conv2dTranspose, which matches the loop', async () => {
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const w = Float32Array.from([1, 0, -1, 2, 1, 0, 0, 1, 1]);
    for (const [s, p] of [
      [1, 0],
      [2, 0],
      [2, 1],
      [3, 2],
    ]) {
      const r = await noLeak(() => transposedTasks.transposedScatter(x, 3, w, 3, s, p));
      const loop = transposedConvLoop(img(x, 3), img(w, 3), s, p);
      expect(r.out).toBe(s * 2 + 3 - 2 * p);
      expectClose(r.conv, loop.data);
      expect(r.stamps).toHaveLength(9);
      expect(r.partial).toHaveLength(9 * r.out * r.out);
      expectClose(r.partial.subarray(8 * r.out * r.out), loop.data);
      expect(r.maxDiff).toBeLessThan(1e-5);
      // Stamp 0 alone is x[0,0]·W placed at (−p, −p).
      expect(r.contributions.subarray(0, 9)).toEqual(w);
    }
  });

  it('matrix: C is the conv, Cᵀ·y equals conv2dTranspose both ways, and Cᵀ(Cx) ≠ x', async () => {
    const kernel = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const x = Float32Array.from({ length: 16 }, (_, i) => i + 1);
    const y = Float32Array.from([1, -1, 2, 0.5]);
    for (const [s, p, a] of [
      [1, 0, 0],
      [2, 1, 1],
    ]) {
      const r = await noLeak(() => transposedTasks.transposedMatrix(kernel, s, p, x, y));
      expect(r.out).toBe(2);
      expect(r.outputPadding).toBe(a);
      expect(r.c).toHaveLength(4 * 16);
      expectClose(r.cx, conv2dLoop(img(x, 4), img(kernel, 3), s, p).data);
      expectClose(r.byConv, transposedConvLoop(img(y, 2), img(kernel, 3), s, p, a).data);
      expect(r.maxDiff).toBeLessThan(1e-4);
      expect(r.roundTripDiff).toBeGreaterThan(1);
    }
    // Stride 1, no padding: row 0 of C holds the kernel at columns 0-2, 4-6, 8-10.
    const r = await transposedTasks.transposedMatrix(kernel, 1, 0, x, y);
    expect(Array.from(r.c.subarray(0, 16))).toEqual([1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0]);
  });

  it('checkerboard: k3 and k4 and resize-conv against the loops; overlap ratios 4 and 1', async () => {
    const side = 6;
    const grey = Float32Array.from({ length: side * side }, (_, i) => (i * 37) % 256);
    const r = await noLeak(() => transposedTasks.transposedCheckerboard(grey, side, 'uniform', 1));
    expectClose(r.kernels.k3, new Array(9).fill(4 / 9), 1e-6);
    expectClose(r.kernels.k4, new Array(16).fill(0.25), 1e-6);
    expectClose(r.k3, transposedConvLoop(img(grey, side), img(r.kernels.k3, 3), 2, 1, 1).data, 1e-3);
    expectClose(r.k4, transposedConvLoop(img(grey, side), img(r.kernels.k4, 4), 2, 1).data, 1e-3);
    expectClose(r.resize, resizeConvLoop(img(grey, side), img(r.kernels.resize, 3), 2).data, 1e-3);
    // A flat input: kernel 3 gives 16/9, 8/9, 8/9, 4/9 per 2×2 block; kernel 4 and resize-conv stay flat.
    expectClose([...r.flat.k3].sort(), [4 / 9, 8 / 9, 8 / 9, 16 / 9], 1e-5);
    expectClose(r.flat.k4, [1, 1, 1, 1], 1e-5);
    expectClose(r.flat.resize, [1, 1, 1, 1], 1e-5);
    expect(r.ratio3).toBe(4);
    expect(r.ratio4).toBe(1);
    expect(r.overlapSide3).toBe(9);
    expect(new Set(r.overlap3)).toEqual(new Set([1, 2, 4]));
    // Random kernels keep their sums (4, 4, 1) and come back the same for the same seed.
    const a = await noLeak(() => transposedTasks.transposedCheckerboard(grey, side, 'random', 5));
    const b = await transposedTasks.transposedCheckerboard(grey, side, 'random', 5);
    expect(a.kernels.k3.reduce((s, v) => s + v, 0)).toBeCloseTo(4, 4);
    expect(a.kernels.resize.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
    expect(a.k3).toEqual(b.k3);
    // Random weights: kernel 4's phases differ, resize-conv's do not.
    expect(Math.max(...a.flat.k4) - Math.min(...a.flat.k4)).toBeGreaterThan(0.01);
    expectClose(a.flat.resize, [1, 1, 1, 1], 1e-5);
  });

  it('bilinear kernel: FCN taps, equal to half-pixel resize inside, different on the border', async () => {
    const values = Float32Array.from({ length: 16 }, (_, i) => 10 + ((i * 7) % 16) * 5);
    for (const factor of [2, 4]) {
      const r = await noLeak(() => transposedTasks.transposedBilinear(values, 4, factor));
      const big = 4 * factor;
      expect(r.border).toBe(factor / 2);
      expect(r.kernel).toHaveLength(4 * factor * factor);
      expectClose(r.resized, resizeBilinearLoop(values, 4, 4, big, big, 'half-pixel'));
      expect(r.interiorMax).toBeLessThan(1e-4);
      expect(r.borderMax).toBeGreaterThan(1);
    }
    const r = await transposedTasks.transposedBilinear(values, 4, 2);
    expect(r.taps).toEqual([0.25, 0.75, 0.75, 0.25]);
  });

  it('learned upsampler: the shipped FCN 2× kernel (read from the files) against its bilinear start', async () => {
    for (const name of ['fcn16s', 'fcn8s']) {
      const { layer, kernel } = shippedUpsampler(name);
      const k = layer.kernel_size[0]!;
      const channels = layer.filters;
      const taps = bilinearTapsFormula(k);
      const init = taps.flatMap((a) => taps.map((b) => a * b));
      // The first call loads the model (its weights stay, once per worker); later calls must free all they make.
      await transposedTasks.transposedLearned(name, 0, 'pixel', 5);
      for (const [cls, pattern] of [
        [0, 'pixel'],
        [3, 'block'],
        [channels - 1, 'pixel'],
      ] as const) {
        const r = await noLeak(() => transposedTasks.transposedLearned(name, cls, pattern, 5));
        expect(r.layer).toBe(layer.name);
        expect([r.k, r.stride]).toEqual([k, layer.strides[0]]);
        const own = selfTaps(kernel, k, channels, cls);
        expectClose(r.learned, own, 1e-6);
        expectClose(r.bilinear, init, 1e-6);
        expectClose(
          r.difference,
          own.map((v, i) => v - init[i]!),
          1e-6,
        );
        expect(r.leak).toBeCloseTo(crossClassMax(kernel, k, channels, cls), 6);
        // 'same' with k = 4, stride 2 pads 1 on each side: o′ = 2(i − 1) + 4 − 2 = 2i.
        const p = (k - layer.strides[0]!) / 2;
        expect(r.scores.reduce((a, v) => a + v, 0)).toBe(pattern === 'pixel' ? 1 : 4);
        expectClose(r.upLearned, transposedConvLoop(img(r.scores, 5), img(own, k), 2, p).data, 1e-5);
        expectClose(r.upBilinear, transposedConvLoop(img(r.scores, 5), img(init, k), 2, p).data, 1e-6);
        expectClose(
          r.upDifference,
          Array.from(r.upLearned, (v, i) => v - r.upBilinear[i]!),
          1e-6,
        );
      }
      // Training moved the taps: the shipped kernel is not its initialisation.
      const r = await transposedTasks.transposedLearned(name, 1, 'pixel', 5);
      expect(Math.max(...r.difference.map(Math.abs))).toBeGreaterThan(1e-3);
    }
    await expect(transposedTasks.transposedLearned('fcn16s', 99, 'pixel', 5)).rejects.toThrow(/class 99/);
  });
});
