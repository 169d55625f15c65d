import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  settings as digitSettings,
  FC1_UNITS,
  FEATURE_CHANNELS,
  SHIPPED_DIGITS,
} from '../../src/components/fully-conv-digit.settings.ts';
import { settings as sizeSettings } from '../../src/components/fully-conv-size.settings.ts';
import { loadModel } from '../../src/lib/models/load.ts';
import { convOutputSize, windowPositions } from '../../src/lib/ops/conv-arithmetic.ts';
import { type DenseLoop, denseLoop, slidingDenseLoop } from '../../src/lib/ops/convolutionalize.reference.ts';
import { fullyConvolutionalTasks as tasks } from '../../src/lib/runtime/worker/tasks/fully-convolutional.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';
import { noLeak } from './no-leak.ts';

// The tasks fetch '/weights/…' and '/data/…' as the browser would; here they read public/.
beforeAll(async () => {
  await tf.setBackend('cpu');
  vi.stubGlobal('fetch', (url: string) => fileFetch(`public${url}`));
});
afterAll(() => vi.unstubAllGlobals());

const softmax = (z: Float32Array) => {
  const m = Math.max(...z);
  const e = Array.from(z, (v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

/** The classifier's trunk features and its head as plain arrays, for the loop references. */
async function reference() {
  const { model } = await loadModel('classifier', { base: 'public/weights/', fetch: fileFetch });
  const head = ['fc1', 'fc2'].map((name) => {
    const [kernel, bias] = model.getLayer(name).getWeights();
    return {
      kernel: kernel!.dataSync() as Float32Array,
      bias: bias!.dataSync() as Float32Array,
      inUnits: kernel!.shape[0]!,
      outUnits: kernel!.shape[1]!,
    };
  }) satisfies DenseLoop[];
  const features = (image: Float32Array, size: number) =>
    tf.tidy(
      () =>
        ['conv1', 'pool1', 'conv2', 'pool2']
          .reduce(
            (x, n) => model.getLayer(n).apply(x) as tf.Tensor,
            tf.tensor4d(image, [1, size, size, 1]) as tf.Tensor,
          )
          .dataSync() as Float32Array,
    );
  return { model, head, features };
}

describe('the worker tasks of the fully-convolutional lesson', () => {
  it('digit: the dense head and its reshaped conv kernels give the same ten probabilities, no leak', async () => {
    await tasks.fullyConvDigit(0); // loads the model and digits once; they stay for later calls
    const ref = await reference();
    for (const index of [0, 7, 123]) {
      const r = await noLeak(() => tasks.fullyConvDigit(index));
      expect(r.index).toBe(index);
      expect(r.count).toBe(300);
      expect(r.convOutputShape).toEqual([1, 1, 1, 10]);
      expect(r.maxDiff).toBeLessThan(1e-5);
      const expected = softmax(
        denseLoop(
          ref.features(
            Float32Array.from(r.pixels, (v) => v / 255),
            28,
          ),
          ref.head,
          true,
        ),
      );
      Array.from(r.dense).forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 5));
      Array.from(r.conv).forEach((p, i) => expect(p).toBeCloseTo(r.dense[i]!, 5));
    }
    const r = await tasks.fullyConvDigit(0, 5, 3);
    expect(r.featureShape).toEqual([7, 7, 32]);
    // fc1's column for unit 5 is the Dense kernel's; channel 3 of the conv kernel is every 32nd of it.
    expect(Array.from(r.column)).toEqual(Array.from({ length: 1568 }, (_, u) => ref.head[0]!.kernel[u * 64 + 5]));
    expect(Array.from(r.slice)).toEqual(Array.from({ length: 49 }, (_, p) => r.column[p * 32 + 3]));
    expect(r.denseKernels).toEqual([
      [1568, 64],
      [64, 10],
    ]);
    expect(r.convKernels).toEqual([
      [7, 7, 32, 64],
      [1, 1, 64, 10],
    ]);
    ref.model.dispose();
  });

  it("digit: the figure's limits are what ships and what the classifier has", async () => {
    const r = await tasks.fullyConvDigit(0);
    expect(r.count).toBe(SHIPPED_DIGITS);
    expect(digitSettings.fields.digit.max).toBe(r.count - 1);
    expect(r.denseKernels[0]![1]).toBe(FC1_UNITS);
    expect(digitSettings.fields.unit.max).toBe(r.denseKernels[0]![1]! - 1);
    expect(r.featureShape[2]).toBe(FEATURE_CHANNELS);
    expect(digitSettings.fields.channel.max).toBe(r.featureShape[2]! - 1);
  });

  it('digit: indices wrap into the shipped set, and the classifier is right on most digits', async () => {
    expect((await tasks.fullyConvDigit(300)).index).toBe(0);
    expect((await tasks.fullyConvDigit(-1)).index).toBe(299);
    let right = 0;
    for (let i = 0; i < 40; i++) {
      const r = await tasks.fullyConvDigit(i);
      if (r.conv.indexOf(Math.max(...r.conv)) === r.label) right++;
    }
    expect(right).toBeGreaterThanOrEqual(38);
  });

  it('scene: a coarse map equal to the dense head slid over the trunk features, same seed same map', async () => {
    const ref = await reference();
    for (const size of [64, 96]) {
      const r = await noLeak(() => tasks.fullyConvScene(5, size));
      const side = size / 4 - 7 + 1;
      expect([r.rows, r.cols, r.stride, r.window]).toEqual([side, side, 4, 28]);
      expect(r.featureShape).toEqual([size / 4, size / 4, 32]);
      expect(r.probs).toHaveLength(side * side * 10);
      const logits = slidingDenseLoop(ref.features(r.image, size), size / 4, size / 4, 32, 7, 7, ref.head, true);
      for (let cell = 0; cell < side * side; cell++) {
        const expected = softmax(logits.subarray(cell * 10, cell * 10 + 10));
        expected.forEach((p, k) => expect(Math.abs(r.probs[cell * 10 + k]! - p)).toBeLessThan(1e-5));
      }
      expect(r.placements.length).toBeGreaterThanOrEqual(1);
      expect(Array.from((await tasks.fullyConvScene(5, size)).probs)).toEqual(Array.from(r.probs));
    }
    ref.model.dispose();
  });

  it('output shape: tf.conv2d agrees with the formula, and each output counts its taps on the input', async () => {
    for (const [i, k, s, p, d] of [
      [7, 3, 1, 0, 1],
      [7, 3, 2, 1, 1],
      [8, 3, 2, 1, 2],
      [5, 2, 3, 2, 1],
      [9, 3, 1, 0, 3],
      [16, 7, 4, 4, 2],
    ] as const) {
      const o = convOutputSize(i, k, s, p, d);
      const windows = windowPositions(i, k, s, p, d);
      const inside = windows.map((w) => w.taps.filter((t) => t >= 0 && t < i).length);
      const one = await noLeak(() => tasks.fullyConvOutputShape(i, k, s, p, d, 1));
      expect(one.shape).toEqual([1, 1, o, 1]);
      expect(Array.from(one.values)).toEqual(inside);
      expect(one.writtenOut).toBe(s > 1 && d > 1);
      const two = await noLeak(() => tasks.fullyConvOutputShape(i, k, s, p, d, 2));
      expect(two.shape).toEqual([1, o, o, 1]);
      expect(Array.from(two.values)).toEqual(inside.flatMap((a) => inside.map((b) => a * b)));
    }
  });

  it('output shape: a kernel wider than the padded input gives an empty output, as convOutputSize says 0', async () => {
    for (const [i, k, s, p, d] of [
      [3, 5, 1, 0, 1],
      [3, 7, 1, 0, 1],
      [2, 3, 2, 0, 2],
      [1, 4, 4, 1, 4],
    ] as const) {
      expect(convOutputSize(i, k, s, p, d)).toBe(0);
      const one = await noLeak(() => tasks.fullyConvOutputShape(i, k, s, p, d, 1));
      expect(one).toEqual({ shape: [1, 1, 0, 1], values: new Float32Array(0), writtenOut: false });
      const two = await noLeak(() => tasks.fullyConvOutputShape(i, k, s, p, d, 2));
      expect(two.shape).toEqual([1, 0, 0, 1]);
      expect(two.values).toHaveLength(0);
    }
    // The first size where the kernel fits again has one output, every tap on the input.
    expect((await tasks.fullyConvOutputShape(5, 5, 1, 0, 1, 2)).shape).toEqual([1, 1, 1, 1]);
  });

  it("output shape: at stride 1 a 1×1 kernel keeps the map size, and the figure's limits allow it", async () => {
    const f = sizeSettings.fields;
    expect([f.kernel.min, f.stride.min, f.padding.min, f.dilation.min]).toEqual([1, 1, 0, 1]);
    for (let i = f.input.min; i <= f.input.max; i++) {
      const r = await tasks.fullyConvOutputShape(i, 1, 1, 0, 1, 2);
      expect(r.shape).toEqual([1, i, i, 1]);
      expect(Array.from(r.values)).toEqual(new Array(i * i).fill(1));
    }
  });
});

describe('what a failed load reports', () => {
  // A fresh copy of the tasks module for each case: the loaded classifier is kept per module.
  const freshTasks = async (missing: string) => {
    vi.resetModules();
    const status = { missing: true };
    vi.stubGlobal('fetch', (url: string) =>
      status.missing && url.endsWith(missing)
        ? Promise.resolve(new Response('not found', { status: 404 }))
        : fileFetch(`public${url}`),
    );
    const fresh = (await import('../../src/lib/runtime/worker/tasks/fully-convolutional.ts')).fullyConvolutionalTasks;
    return { fresh, restore: () => (status.missing = false) };
  };

  it('a missing digits file names the digits, not the classifier; once served, the next call computes', async () => {
    const { fresh, restore } = await freshTasks('test-digits-images.idx');
    const failure = await fresh.fullyConvDigit(3).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure?.name).toBe('DigitsLoadError');
    expect(failure?.message).toMatch(/MNIST test digits did not load .*test-digits-images\.idx: HTTP 404/);
    expect(failure?.message).not.toMatch(/classifier|weights/i);
    restore();
    expect((await fresh.fullyConvDigit(3)).index).toBe(3);
  });

  it("a missing weight shard names the classifier's weights, not the digits; served again, it computes", async () => {
    const { fresh, restore } = await freshTasks('group1-shard1of1.bin');
    const failure = await fresh.fullyConvScene(5, 64).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure?.name).toBe('WeightDownloadError');
    expect(failure?.message).toMatch(
      /could not download the Digit classifier weights \(HTTP 404 for .*group1-shard1of1\.bin\)/,
    );
    expect(failure?.message).not.toMatch(/digits did not load/);
    restore();
    expect((await fresh.fullyConvScene(5, 64)).rows).toBe(10);
  });
});
