// Loads a shipped model (browser or Node): manifest and model.json, then every shard in parallel,
// streamed so progress moves within a shard. Each shard's length and SHA-256 are checked against
// the manifest before tfjs sees a byte; every failure names the model and what the reader can do.
import * as tf from '@tensorflow/tfjs';
import './custom-layers.ts';
import { MODEL_INFO, type ModelName } from './catalog-info.ts';
import { GRAPH_MODELS, type GraphManifest, type GraphModelName } from './graph-models.ts';
import type { Manifest, ShardRecord } from './manifest.ts';
import { sha256Hex } from './sha256.ts';

/** A trained digit model (catalog-info.ts) or a shipped graph model (graph-models.ts). */
export type WeightsName = ModelName | GraphModelName;

const titleOf = (name: WeightsName): string =>
  name in GRAPH_MODELS ? GRAPH_MODELS[name as GraphModelName].title : MODEL_INFO[name as ModelName].title;

/** Why a model's weights could not be used; `model` is the catalog name. */
export class WeightLoadError extends Error {
  override name = 'WeightLoadError';
  // A plain field, not a parameter property: Node runs the training scripts by stripping types.
  readonly model: WeightsName;
  constructor(model: WeightsName, message: string) {
    super(message);
    this.model = model;
  }
}

/** The network or the server failed (HTTP error, connection lost). */
export class WeightDownloadError extends WeightLoadError {
  override name = 'WeightDownloadError';
}

/** A shard arrived whole but its bytes differ from the manifest's hash, or it is not listed. */
export class WeightIntegrityError extends WeightLoadError {
  override name = 'WeightIntegrityError';
}

/** A shard ended before the length the manifest records. */
export class WeightTruncatedError extends WeightLoadError {
  override name = 'WeightTruncatedError';
}

export interface LoadOptions {
  /** URL of the weights folder, e.g. `${import.meta.env.BASE_URL}weights/`. */
  base?: string;
  /** Shard bytes received so far and in all; called with (0, total) first and ends at (total, total). */
  onProgress?: (received: number, total: number) => void;
  fetch?: (url: string) => Promise<Response>;
}

export interface LoadedModel {
  model: tf.LayersModel;
  manifest: Manifest;
}

const RELOAD = 'reload the page or check your connection';

async function fetchOk(name: WeightsName, get: (url: string) => Promise<Response>, url: string): Promise<Response> {
  const title = titleOf(name);
  let response: Response;
  try {
    response = await get(url);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new WeightDownloadError(name, `could not download the ${title} weights (${why} for ${url}); ${RELOAD}`);
  }
  if (!response.ok) {
    const why = `HTTP ${response.status} for ${url}`;
    throw new WeightDownloadError(name, `could not download the ${title} weights (${why}); ${RELOAD}`);
  }
  return response;
}

/** A response body read chunk by chunk into one buffer, reporting each chunk's length. */
async function readBody(response: Response, expected: number, onChunk: (bytes: number) => void): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (reader === undefined) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onChunk(bytes.length);
    return bytes;
  }
  let buffer = new Uint8Array(expected);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.length > buffer.length) {
      const grown = new Uint8Array(Math.max(2 * buffer.length, length + value.length));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length += value.length;
    onChunk(value.length);
  }
  return buffer.subarray(0, length);
}

async function fetchShard(
  name: WeightsName,
  get: (url: string) => Promise<Response>,
  dir: string,
  record: ShardRecord,
  onChunk: (bytes: number) => void,
): Promise<Uint8Array> {
  const title = titleOf(name);
  const url = dir + record.path;
  const response = await fetchOk(name, get, url);
  let bytes: Uint8Array;
  try {
    bytes = await readBody(response, record.bytes, onChunk);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new WeightDownloadError(
      name,
      `could not download the ${title} weights (${why} while reading ${url}); ${RELOAD}`,
    );
  }
  if (bytes.length < record.bytes) {
    throw new WeightTruncatedError(
      name,
      `the ${title} weights arrived incomplete (${url}: ${bytes.length} of ${record.bytes} bytes); ${RELOAD}`,
    );
  }
  const hash = await sha256Hex(bytes);
  if (bytes.length !== record.bytes || hash !== record.sha256) {
    throw new WeightIntegrityError(
      name,
      `the ${title} weights do not match their manifest (${record.path}: ${bytes.length} bytes with SHA-256 ${hash}, ` +
        `expected ${record.bytes} bytes with ${record.sha256}); refusing to run altered weights — reload the page, ` +
        'and if this persists the site is serving modified files',
    );
  }
  return bytes;
}

/** Every shard model.json names, each checked against the manifest's record, joined in order. */
async function fetchWeights(
  name: WeightsName,
  get: (url: string) => Promise<Response>,
  dir: string,
  modelJson: { weightsManifest: tf.io.WeightsManifestConfig },
  shardRecords: ShardRecord[],
  onProgress: LoadOptions['onProgress'],
): Promise<Uint8Array> {
  const listed = new Map(shardRecords.map((s) => [s.path, s]));
  const records = modelJson.weightsManifest
    .flatMap((group) => group.paths)
    .map((path) => {
      const record = listed.get(path);
      if (record === undefined) {
        throw new WeightIntegrityError(
          name,
          `the ${titleOf(name)} weights do not match their manifest (shard ${path} is not listed); ` +
            'refusing to run altered weights',
        );
      }
      return record;
    });
  const total = records.reduce((sum, r) => sum + r.bytes, 0);
  let received = 0;
  // A shard longer than the manifest says must not push the bar past its end before it is refused.
  const report = (bytes: number) => {
    received += bytes;
    onProgress?.(Math.min(received, total), total);
  };
  onProgress?.(0, total);
  const shards = await Promise.all(records.map((record) => fetchShard(name, get, dir, record, report)));
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const s of shards) {
    weightData.set(s, offset);
    offset += s.length;
  }
  return weightData;
}

export async function loadModel(name: ModelName, options: LoadOptions = {}): Promise<LoadedModel> {
  const get = options.fetch ?? ((url: string) => fetch(url));
  const base = options.base ?? '/weights/';
  const dir = `${base.endsWith('/') ? base : `${base}/`}${name}/`;
  const [manifestResponse, modelResponse] = await Promise.all([
    fetchOk(name, get, `${dir}manifest.json`),
    fetchOk(name, get, `${dir}model.json`),
  ]);
  const manifest = (await manifestResponse.json()) as Manifest;
  const modelJson = (await modelResponse.json()) as tf.io.ModelJSON;
  const weightData = await fetchWeights(name, get, dir, modelJson, manifest.shards, options.onProgress);
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: weightData.buffer,
    }),
  );
  return { model, manifest };
}

export interface LoadedGraphModel {
  model: tf.GraphModel;
  manifest: GraphManifest;
}

/** Loads a shipped graph model (graph-models.ts) with the same shard checks and progress as loadModel. */
export async function loadGraphModel(name: GraphModelName, options: LoadOptions = {}): Promise<LoadedGraphModel> {
  const get = options.fetch ?? ((url: string) => fetch(url));
  const base = options.base ?? '/weights/';
  const dir = `${base.endsWith('/') ? base : `${base}/`}${name}/`;
  const manifest = (await (await fetchOk(name, get, `${dir}manifest.json`)).json()) as GraphManifest;
  const modelJson = (await (await fetchOk(name, get, dir + manifest.model)).json()) as tf.io.ModelJSON;
  const weightData = await fetchWeights(name, get, dir, modelJson, manifest.shards, options.onProgress);
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: weightData.buffer as ArrayBuffer,
    }),
  );
  return { model, manifest };
}
