// Every shipped model, loaded from public/weights through the verifying loader, reproduces the
// metrics its manifest records on the fixed test subset.
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODEL_NAMES, MODELS } from '../../src/lib/models/catalog.ts';
import { loadModel, WeightIntegrityError } from '../../src/lib/models/load.ts';
import { useWasmTraining } from '../../src/lib/training/backend.ts';
import { evaluateClassifier, evaluateSegmenter } from '../../src/lib/training/evaluate-model.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';
import { loadMnist } from '../../src/lib/training/mnist-node.ts';
import { WEIGHTS_DIR } from '../../src/lib/training/paths.ts';
import { sceneOptions } from '../../src/lib/training/scene-batch.ts';

beforeAll(useWasmTraining);

const test = loadMnist('test');
const shipped = MODEL_NAMES.filter((name) => existsSync(`${WEIGHTS_DIR}${name}/manifest.json`));
const MAX_BYTES = 1_000_000;
const HALF_POINT = 0.005;

describe('shipped weights', () => {
  it('include every model', () => {
    expect(shipped).toEqual(MODEL_NAMES);
  });

  it.each(shipped)('%s fits in 1 MB and reproduces its manifest metrics', async (name) => {
    const progress: number[] = [];
    const { model, manifest } = await loadModel(name, {
      base: WEIGHTS_DIR,
      fetch: fileFetch,
      onProgress: (received, total) => progress.push(received / total),
    });
    expect(progress.at(-1)).toBe(1);
    const onDisk = ['model.json', ...manifest.shards.map((s) => s.path)].reduce(
      (n, f) => n + statSync(`${WEIGHTS_DIR}${name}/${f}`).size,
      0,
    );
    expect(onDisk).toBeLessThanOrEqual(MAX_BYTES);
    if (MODELS[name].kind === 'classifier') {
      expect(evaluateClassifier(model, test)).toBeCloseTo(manifest.accuracy?.top1 as number, 3);
      expect(manifest.accuracy?.top1).toBeGreaterThanOrEqual(0.98);
    } else {
      const recorded = manifest.metrics?.subset;
      if (recorded === undefined) throw new Error(`${name}: manifest has no subset metrics`);
      const measured = evaluateSegmenter(
        model,
        MODELS[name].border,
        test,
        recorded.firstSeed,
        recorded.scenes,
        sceneOptions(name),
      );
      for (const key of ['pixelAccuracy', 'meanAccuracy', 'meanIoU', 'frequencyWeightedIoU'] as const) {
        expect(Math.abs(measured[key] - recorded[key])).toBeLessThanOrEqual(HALF_POINT);
      }
    }
    model.dispose();
  });

  it('refuses a tampered shard', async () => {
    const base = mkdtempSync(join(tmpdir(), 'pixelwise-weights-'));
    cpSync(`${WEIGHTS_DIR}classifier`, join(base, 'classifier'), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(base, 'classifier', 'manifest.json'), 'utf8')) as {
      shards: { path: string }[];
    };
    const shard = join(base, 'classifier', manifest.shards[0]?.path ?? '');
    const bytes = readFileSync(shard);
    bytes[100] = (bytes[100] as number) ^ 1;
    writeFileSync(shard, bytes);
    const load = loadModel('classifier', { base: `${base}/`, fetch: fileFetch });
    await expect(load).rejects.toBeInstanceOf(WeightIntegrityError);
    await expect(load).rejects.toThrow(/SHA-256/);
  });
});
