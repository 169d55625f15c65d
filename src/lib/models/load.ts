// Loads a shipped model (browser or Node): manifest, model.json, then each shard, checking every
// shard's SHA-256 against the manifest before tfjs sees a byte.
import * as tf from '@tensorflow/tfjs';
import './custom-layers.ts';
import type { ModelName } from './catalog.ts';
import type { Manifest } from './manifest.ts';
import { sha256Hex } from './sha256.ts';

export class WeightIntegrityError extends Error {
  override name = 'WeightIntegrityError';
}

export interface LoadOptions {
  /** URL of the weights folder, e.g. `${import.meta.env.BASE_URL}weights/`. */
  base?: string;
  /** Fraction of shard bytes received, 0 … 1. */
  onProgress?: (fraction: number) => void;
  fetch?: (url: string) => Promise<Response>;
}

export interface LoadedModel {
  model: tf.LayersModel;
  manifest: Manifest;
}

async function fetchOk(get: (url: string) => Promise<Response>, url: string): Promise<Response> {
  const response = await get(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return response;
}

export async function loadModel(name: ModelName, options: LoadOptions = {}): Promise<LoadedModel> {
  const get = options.fetch ?? ((url: string) => fetch(url));
  const base = options.base ?? '/weights/';
  const dir = `${base.endsWith('/') ? base : `${base}/`}${name}/`;
  const manifest = (await (await fetchOk(get, `${dir}manifest.json`)).json()) as Manifest;
  const modelJson = (await (await fetchOk(get, `${dir}model.json`)).json()) as tf.io.ModelJSON;
  const expected = new Map(manifest.shards.map((s) => [s.path, s]));
  const paths = modelJson.weightsManifest.flatMap((group) => group.paths);
  const total = paths.reduce((sum, p) => sum + (expected.get(p)?.bytes ?? 0), 0);
  let received = 0;
  options.onProgress?.(0);
  const shards: Uint8Array[] = [];
  for (const path of paths) {
    const record = expected.get(path);
    if (record === undefined) throw new WeightIntegrityError(`${name}: shard ${path} is not listed in manifest.json`);
    const bytes = new Uint8Array(await (await fetchOk(get, dir + path)).arrayBuffer());
    const hash = await sha256Hex(bytes);
    if (hash !== record.sha256) {
      throw new WeightIntegrityError(
        `${name}: shard ${path} has SHA-256 ${hash}, manifest.json expects ${record.sha256}; refusing to load altered weights`,
      );
    }
    shards.push(bytes);
    received += bytes.length;
    options.onProgress?.(total > 0 ? received / total : 1);
  }
  const weightData = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const s of shards) {
    weightData.set(s, offset);
    offset += s.length;
  }
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: weightData.buffer,
    }),
  );
  return { model, manifest };
}
