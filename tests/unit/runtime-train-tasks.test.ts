// The in-browser training tasks, called directly in Node on the shipped digit files, on wasm with
// our gradient kernels as most readers' browsers run them (the cpu backend takes seconds a step).
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SCENE_CLASSES } from '../../src/lib/models/catalog-info.ts';
import { modelTasks, provideModel } from '../../src/lib/runtime/worker/tasks/models.ts';
import { type TrainOptions, trainTasks as tasks } from '../../src/lib/runtime/worker/tasks/train.ts';
import { useWasmTraining } from '../../src/lib/training/backend.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';
import { SMALL_NET_BUILDERS } from '../../src/lib/training/small-nets.ts';

beforeAll(async () => {
  await useWasmTraining();
  vi.stubGlobal('fetch', (url: string) => fileFetch(`public${url}`));
});
afterAll(async () => {
  tasks.trainStop();
  vi.unstubAllGlobals();
  await tf.setBackend('cpu');
});

const OPTIONS: TrainOptions = { net: 'small-unet', seed: 7, batchSize: 1, learningRate: 0.003 };

/** Weights of a 3x3 (or k×k) conv with bias, counted by hand. */
const convWeights = (k: number, cin: number, cout: number) => (k * k * cin + 1) * cout;

async function lossesOf(steps: number): Promise<number[]> {
  for (let i = 0; i < steps; i++) tasks.trainStep(1);
  return (await tasks.trainFlush()).losses.map(([, loss]) => loss);
}

describe('training tasks', () => {
  it('trainReset builds the small U-Net with the weights its architecture implies', async () => {
    const started = await tasks.trainReset(OPTIONS);
    const enc = convWeights(3, 1, 16) + convWeights(3, 16, 16) + convWeights(3, 16, 32) + convWeights(3, 32, 32);
    const bottom = convWeights(3, 32, 64) + convWeights(3, 64, 64);
    const dec2 = convWeights(2, 64, 32) + convWeights(3, 64, 32) + convWeights(3, 32, 32);
    const dec1 = convWeights(2, 32, 16) + convWeights(3, 32, 16) + convWeights(3, 16, 16);
    expect(started.parameters).toBe(enc + bottom + dec2 + dec1 + convWeights(1, 16, SCENE_CLASSES.length));
    expect(started.scene.label.length).toBe(started.scene.height * started.scene.width);
    expect(started.scene.label.some((c) => c > 0)).toBe(true);
  });

  it('the same seed replays the same losses; another seed does not', async () => {
    await tasks.trainReset(OPTIONS);
    const first = await lossesOf(3);
    expect(first).toHaveLength(3);
    for (const loss of first) expect(loss).toBeGreaterThan(0);
    await tasks.trainReset(OPTIONS);
    expect(await lossesOf(3)).toEqual(first);
    await tasks.trainReset({ ...OPTIONS, seed: 8 });
    expect(await lossesOf(3)).not.toEqual(first);
  });

  it('steps leave the tensor count flat; losses come back in step order, a few steps late', async () => {
    await tasks.trainReset(OPTIONS);
    await lossesOf(1);
    const before = tf.memory().numTensors;
    let seen: number[] = [];
    for (let i = 0; i < 7; i++) seen = seen.concat(tasks.trainStep(1).losses.map(([s]) => s));
    const rest = (await tasks.trainFlush()).losses.map(([s]) => s);
    expect([...seen, ...rest]).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trainEvaluate measures held-out mean IU and labels the fixed scene, without leaking', async () => {
    const started = await tasks.trainReset(OPTIONS);
    const before = tf.memory().numTensors;
    const e = await tasks.trainEvaluate();
    expect(tf.memory().numTensors).toBe(before);
    expect(e.meanIoU).toBeGreaterThanOrEqual(0);
    expect(e.meanIoU).toBeLessThanOrEqual(1);
    expect(e.prediction.length).toBe(started.scene.label.length);
  });

  it('refuses settings outside their range', async () => {
    await expect(tasks.trainReset({ ...OPTIONS, batchSize: 0 })).rejects.toThrow(/batchSize/);
    expect(() => tasks.trainSet({ learningRate: 5 })).toThrow(/learningRate/);
  });
});

describe('provideModel', () => {
  it('the runner serves a provided model like a shipped one', async () => {
    const model = SMALL_NET_BUILDERS['small-unet'](3);
    const input = { height: 64, width: 64 };
    const entry = { kind: 'segmenter', input, classes: SCENE_CLASSES, border: 0, title: 't' } as const;
    provideModel('trained-test', model, entry);
    const image = new Float32Array(64 * 64).map((_, i) => ((i * 37) % 101) / 100);
    const run = await modelTasks.modelRun('trained-test', image, 64, 64);
    const direct = tf.tidy(() => {
      const probs = model.predict(tf.tensor4d(image, [1, 64, 64, 1])) as tf.Tensor;
      return tf.argMax(probs, -1).dataSync();
    });
    expect(Array.from(run.classMap)).toEqual(Array.from(direct));
    expect(() => provideModel('unet', model, entry)).toThrow(/shipped/);
  });
});
