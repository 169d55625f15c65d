// The shared model runner's worker tasks, called directly in Node on the shipped weights.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ModelName, SEGMENTATION_MODELS } from '../../src/lib/models/catalog.ts';
import { loadModel } from '../../src/lib/models/load.ts';
import { mirrorBorder, scenesToTensor, segment } from '../../src/lib/models/segment.ts';
import { receptiveFields } from '../../src/lib/ops/receptive-field.ts';
import { type PageScene, modelTasks as tasks } from '../../src/lib/runtime/worker/tasks/models.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';

// The tasks fetch '/weights/…' and '/data/…' as the browser would; here they read public/.
const requested: string[] = [];
let failNext = false;
beforeAll(() => {
  vi.stubGlobal('fetch', (url: string) => {
    requested.push(url);
    if (failNext) {
      failNext = false;
      return Promise.resolve(new Response(null, { status: 503 }));
    }
    return fileFetch(`public${url}`);
  });
});
afterAll(() => vi.unstubAllGlobals());

const SEED = 20;
const SIZE = 64;
let scene: PageScene;

describe('model runner tasks', () => {
  it('sceneForPage: a seeded scene with its ground truth; on request, one with a repeated digit', async () => {
    scene = await tasks.sceneForPage(SEED, SIZE);
    const again = await tasks.sceneForPage(SEED, SIZE);
    expect(again.image).toEqual(scene.image);
    expect(scene.label.length).toBe(SIZE * SIZE);
    expect(scene.label.some((v) => v > 0)).toBe(true);
    const twice = await tasks.sceneForPage(SEED, SIZE, { repeatedDigit: true, minDigits: 2 });
    const digits = twice.placements.map((p) => p.digit);
    expect(digits.some((d, i) => digits.indexOf(d) !== i)).toBe(true);
    expect(twice.seed).toBeGreaterThanOrEqual(SEED);
    await expect(tasks.sceneForPage(SEED, 1e9)).rejects.toThrow(/side from 28 to 512/);
    await expect(tasks.sceneForPage(Number.NaN, SIZE)).rejects.toThrow(/integer seed/);
  });

  it('modelLoad: progress in bytes to the total; loads once; a failed load is retried', async () => {
    failNext = true;
    await expect(tasks.modelLoad('fcn16s')).rejects.toThrow(/could not download the FCN-16s weights \(HTTP 503/);
    const seen: [number, number][] = [];
    const info = await tasks.modelLoad('fcn16s', (r, t) => seen.push([r, t]));
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    expect(seen.every(([r], i) => i === 0 || r >= seen[i - 1]![0])).toBe(true);
    const fetched = requested.length;
    const late: [number, number][] = [];
    expect(await tasks.modelLoad('fcn16s', (r, t) => late.push([r, t]))).toEqual(info);
    expect(requested.length).toBe(fetched);
    expect(info).toMatchObject({ title: 'FCN-16s', kind: 'segmenter', input: { height: 64, width: 64 }, border: 0 });
    expect(info.classes).toHaveLength(11);
    expect(info.layers.find((l) => l.name === 'pool4')?.shape).toEqual([1, 4, 4, 64]);
    await expect(tasks.modelLoad('nope')).rejects.toThrow(/no model named "nope"/);
  });

  const AGREES = 'class map agrees with segment() on at least 99 percent of pixels';
  it.each(SEGMENTATION_MODELS)(`%s: ${AGREES}; activations have the reported shapes`, async (name) => {
    const info = await tasks.modelLoad(name);
    const picked = [info.layers[1]!, info.layers[Math.floor(info.layers.length / 2)]!, info.layers.at(-2)!];
    const result = await tasks.modelRun(name, scene.image, SIZE, SIZE, { activations: picked.map((l) => l.name) });
    expect([result.height, result.width, result.classes]).toEqual([SIZE, SIZE, 11]);
    expect(result.probabilities.length).toBe(SIZE * SIZE * 11);
    for (const layer of picked) {
      const a = result.activations[layer.name]!;
      expect(a.shape).toEqual(layer.shape);
      expect(a.data.length).toBe(layer.shape.reduce((x, y) => x * y, 1));
    }
    const { model, manifest } = await loadModel(name, { base: '/weights/' });
    const images = scenesToTensor([{ ...scene, placements: [] }]);
    const reference = tf.tidy(() => segment(model, images, manifest.border).dataSync());
    images.dispose();
    model.dispose();
    const agree = result.classMap.filter((c, i) => c === reference[i]).length / reference.length;
    expect(agree).toBeGreaterThanOrEqual(0.99);
    // the class map is the argmax of the probabilities returned beside it
    for (const i of [0, 777, 2080, 4095]) {
      const p = result.probabilities.subarray(i * 11, i * 11 + 11);
      expect(p[result.classMap[i]!]).toBe(Math.max(...p));
    }
  });

  it('modelRun leaves no tensor behind over 20 runs, with and without activations', async () => {
    const layers = ['pool3', 'score_pool3', 'fuse_pool3'];
    await tasks.modelRun('fcn8s', scene.image, SIZE, SIZE, { activations: layers });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      await tasks.modelRun('fcn8s', scene.image, SIZE, SIZE, i % 2 === 0 ? { activations: layers } : {});
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('modelRun refuses what it cannot run, naming the reason', async () => {
    await expect(tasks.modelRun('unet', scene.image, 64, 96)).rejects.toThrow(/image has 4096 pixels, not 64×96/);
    const small = tasks.modelRun('unet', new Float32Array(48 * 48), 48, 48);
    await expect(small).rejects.toThrow(/multiples of 32 from 64 to 512, not 48/);
    const nan = scene.image.map((v, i) => (i === 5 ? Number.NaN : v));
    await expect(tasks.modelRun('unet', nan, 64, 64)).rejects.toThrow(/not finite/);
    const unknown = tasks.modelRun('fcn8s', scene.image, 64, 64, { activations: ['nope'] });
    await expect(unknown).rejects.toThrow(/FCN-8s has no layer "nope"/);
  });

  it('the classifier runs on a 28×28 digit: one output pixel, ten classes', async () => {
    const info = await tasks.modelLoad('classifier');
    expect(info.kind).toBe('classifier');
    const digit = new Float32Array(28 * 28);
    digit.set(scene.image.subarray(0, 28 * 28));
    const result = await tasks.modelRun('classifier', digit, 28, 28, { activations: ['pool2'] });
    expect([result.height, result.width, result.classes, result.classMap.length]).toEqual([1, 1, 10, 1]);
    expect(result.activations.pool2!.shape).toEqual([1, 7, 7, 32]);
  });
});

describe('modelReceptiveField', () => {
  it('on the classifier trunk equals the closed form; its output sees the whole digit and padding', async () => {
    const field = await tasks.modelReceptiveField('classifier', { layer: 'pool2' });
    const pool = { kernel: 2, stride: 2 };
    const closed = receptiveFields([{ kernel: 3 }, pool, { kernel: 3 }, pool]).at(-1)!;
    expect([field.rows.size, field.rows.jump, field.rows.exact]).toEqual([closed.receptiveField, closed.jump, true]);
    expect(field.rows.offset).toBe(-3); // 'same' 3x3 convs pad one pixel before: 1 + 1·2
    const whole = await tasks.modelReceptiveField('classifier');
    expect([whole.rows.first[0], whole.rows.last[0]]).toEqual([-3, 30]); // the padding around the digit too
  });

  it('DeepLab sees the whole image from every output pixel (image pooling)', async () => {
    for (const name of ['deeplabv3', 'deeplabv3plus']) {
      const { rows, cols } = await tasks.modelReceptiveField(name);
      for (const axis of [rows, cols]) {
        expect(axis.outputSize).toBe(64);
        expect(Math.max(...axis.first)).toBeLessThanOrEqual(0);
        expect(Math.min(...axis.last)).toBeGreaterThanOrEqual(63);
      }
    }
  });

  // tf's conv2d gradient refuses dilation > 1, so the DeepLabs are left to the test above.
  // U-Net's gradient is slow on the cpu backend: one pixel, near a corner (its field in the mirror).
  const GRADIENT_PIXELS: Partial<Record<ModelName, [number, number][]>> = {
    fcn32s: [
      [31, 32],
      [60, 3],
    ],
    fcn8s: [[5, 40]],
    unet: [[60, 3]],
  };
  const INSIDE = 'the input gradient of an output pixel is inside its field';
  it.each(['fcn32s', 'fcn8s', 'unet'] as const)(`%s: ${INSIDE}`, async (name) => {
    const info = await tasks.modelLoad(name);
    const { rows, cols } = await tasks.modelReceptiveField(name);
    const { model } = await loadModel(name, { base: '/weights/' });
    const b = info.border;
    for (const [r, c] of GRADIENT_PIXELS[name]!) {
      const grad = tf.tidy(() => {
        const x = mirrorBorder(tf.tensor4d(scene.image, [1, SIZE, SIZE, 1]), b);
        const cls = scene.label[r * SIZE + c]!;
        const f = (input: tf.Tensor) => (model.apply(input) as tf.Tensor4D).slice([0, r, c, cls], [1, 1, 1, 1]).sum();
        return tf
          .grad(f)(x)
          .abs()
          .reshape([SIZE + 2 * b, SIZE + 2 * b])
          .arraySync() as number[][];
      });
      // The box of every input pixel with a non-zero gradient, in the image's coordinates.
      const box = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
      grad.forEach((row, y) =>
        row.forEach((g, x) => {
          if (g === 0) return;
          box.top = Math.min(box.top, y - b);
          box.bottom = Math.max(box.bottom, y - b);
          box.left = Math.min(box.left, x - b);
          box.right = Math.max(box.right, x - b);
        }),
      );
      expect(box.top).toBeLessThanOrEqual(box.bottom);
      expect(box.top).toBeGreaterThanOrEqual(rows.first[r]!);
      expect(box.bottom).toBeLessThanOrEqual(rows.last[r]!);
      expect(box.left).toBeGreaterThanOrEqual(cols.first[c]!);
      expect(box.right).toBeLessThanOrEqual(cols.last[c]!);
    }
    model.dispose();
  });
});
