// The verifying loader against a fake server: shards streamed in small chunks, in parallel, with
// progress in bytes; a tampered, truncated or missing shard gives an error naming the model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadModel,
  WeightDownloadError,
  WeightIntegrityError,
  WeightTruncatedError,
} from '../../src/lib/models/load.ts';
import type { Manifest } from '../../src/lib/models/manifest.ts';

const DIR = 'public/weights/fcn8s/';
const manifest = JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8')) as Manifest;
const shardPath = manifest.shards[0]!.path;
const CHUNK = 4096;

type Files = Map<string, Uint8Array>;

/** fcn8s's files, served from memory in CHUNK-byte pieces, with a hook to alter any of them. */
function files(alter: (files: Files) => void = () => {}): Files {
  const all: Files = new Map();
  for (const f of ['manifest.json', 'model.json', ...manifest.shards.map((s) => s.path)]) {
    all.set(f, new Uint8Array(readFileSync(DIR + f)));
  }
  alter(all);
  return all;
}

function fakeFetch(served: Files): (url: string) => Promise<Response> {
  return async (url) => {
    const bytes = served.get(url.replace('/w/fcn8s/', ''));
    if (bytes === undefined) return new Response(null, { status: 404 });
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + CHUNK));
        at += CHUNK;
      },
    });
    return new Response(body);
  };
}

const load = (served: Files, onProgress?: (r: number, t: number) => void) =>
  loadModel('fcn8s', { base: '/w/', fetch: fakeFetch(served), onProgress });

describe('loadModel', () => {
  it('streams every shard, reports monotone byte progress ending at the total, and builds the model', async () => {
    const seen: [number, number][] = [];
    const { model } = await load(files(), (r, t) => seen.push([r, t]));
    const total = manifest.shards.reduce((n, s) => n + s.bytes, 0);
    expect(total).toBe(manifest.shards.reduce((n, s) => n + readFileSync(DIR + s.path).length, 0));
    expect(seen[0]).toEqual([0, total]);
    expect(seen.at(-1)).toEqual([total, total]);
    // Progress moves within a shard: one report per chunk, not one per file.
    expect(seen.length).toBeGreaterThanOrEqual(Math.ceil(total / CHUNK));
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
      expect(seen[i]![1]).toBe(total);
    }
    expect(model.name).toBe('fcn8s');
    model.dispose();
  });

  it('refuses a tampered shard, naming the model', async () => {
    const served = files((f) => {
      const bytes = f.get(shardPath)!;
      bytes[1000] = bytes[1000]! ^ 1;
    });
    const loading = load(served);
    await expect(loading).rejects.toBeInstanceOf(WeightIntegrityError);
    await expect(loading).rejects.toThrow(/^the FCN-8s weights do not match their manifest .*refusing to run altered/);
    await expect(loading).rejects.toMatchObject({ model: 'fcn8s', name: 'WeightIntegrityError' });
  });

  it('refuses a shard longer than the manifest says, without progress past the total', async () => {
    const seen: number[] = [];
    const served = files((f) => f.set(shardPath, new Uint8Array([...f.get(shardPath)!, 0, 0])));
    await expect(load(served, (r, t) => seen.push(r / t))).rejects.toBeInstanceOf(WeightIntegrityError);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
  });

  it('reports a truncated shard as incomplete, not as tampering', async () => {
    const served = files((f) => f.set(shardPath, f.get(shardPath)!.slice(0, 5000)));
    const loading = load(served);
    await expect(loading).rejects.toBeInstanceOf(WeightTruncatedError);
    await expect(loading).rejects.toThrow(/FCN-8s weights arrived incomplete .*5000 of \d+ bytes.*reload the page/);
  });

  it('reports a missing shard as a download failure with the HTTP status and the remedy', async () => {
    const served = files((f) => f.delete(shardPath));
    const loading = load(served);
    await expect(loading).rejects.toBeInstanceOf(WeightDownloadError);
    await expect(loading).rejects.toThrow(
      `could not download the FCN-8s weights (HTTP 404 for /w/fcn8s/${shardPath}); ` +
        'reload the page or check your connection',
    );
  });

  it('reports a network error while fetching as a download failure', async () => {
    const failing = () => Promise.reject(new TypeError('Failed to fetch'));
    const loading = loadModel('unet', { base: '/w/', fetch: failing });
    await expect(loading).rejects.toBeInstanceOf(WeightDownloadError);
    await expect(loading).rejects.toThrow(/^could not download the U-Net weights \(Failed to fetch for \/w\/unet\//);
    await expect(loading).rejects.toThrow(/reload the page or check your connection$/);
  });
});
