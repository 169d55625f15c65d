// Writes a model in tfjs layers format (model.json + one shard) with compact weights: float16,
// except large fixed upsampling kernels (FCN-32s's 64x64x11x11 bilinear filter would alone be
// ~1 MB as float16), stored as uint8 with tfjs's affine quantization (min + scale·q).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { asConv2D, type LayerJson } from '../models/atrous-conv2d.ts';
import type { ShardRecord } from '../models/manifest.ts';
import { sha256Hex } from '../models/sha256.ts';
import { toFloat16 } from './float16.ts';

const UINT8_MIN_VALUES = 100_000;
const SHARD = 'group1-shard1of1.bin';

interface Topology {
  config: { layers: LayerJson[] };
}

interface Captured {
  modelTopology: Topology;
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
}

async function artifacts(model: tf.LayersModel): Promise<Captured> {
  let captured: Captured | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      captured = {
        modelTopology: a.modelTopology as unknown as Topology,
        weightSpecs: a.weightSpecs ?? [],
        weightData: a.weightData as ArrayBuffer,
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (captured === undefined) throw new Error('model.save produced nothing');
  return captured;
}

/** The topology with training-only custom layers written as the standard layers they equal. */
export function inferenceTopology(topology: Topology): Topology {
  return { ...topology, config: { ...topology.config, layers: topology.config.layers.map(asConv2D) } };
}

/** Names of the kernels of layers frozen at their initial (bilinear) values. */
function fixedKernels(model: tf.LayersModel): Set<string> {
  return new Set(
    model.layers
      .filter((l) => !l.trainable && l.weights.length > 0)
      .flatMap((l) => l.weights.map((w) => w.originalName)),
  );
}

function quantizeUint8(values: Float32Array): { bytes: Uint8Array; min: number; scale: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const scale = max > min ? (max - min) / 255 : 1;
  return { bytes: Uint8Array.from(values, (v) => Math.round((v - min) / scale)), min, scale };
}

export interface Exported {
  storage: Record<string, 'float16' | 'uint8'>;
  shards: ShardRecord[];
  totalBytes: number;
}

export async function exportModel(model: tf.LayersModel, dir: string): Promise<Exported> {
  const { modelTopology, weightSpecs, weightData } = await artifacts(model);
  const fixed = fixedKernels(model);
  const parts: Uint8Array[] = [];
  const specs: tf.io.WeightsManifestEntry[] = [];
  const storage: Record<string, 'float16' | 'uint8'> = {};
  let offset = 0;
  for (const spec of weightSpecs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(weightData, offset, size);
    offset += size * 4;
    if (fixed.has(spec.name) && size >= UINT8_MIN_VALUES) {
      const q = quantizeUint8(values);
      parts.push(q.bytes);
      specs.push({ ...spec, quantization: { dtype: 'uint8', min: q.min, scale: q.scale } });
      storage[spec.name] = 'uint8';
    } else {
      parts.push(new Uint8Array(toFloat16(values).buffer));
      specs.push({ ...spec, quantization: { dtype: 'float16' } });
      storage[spec.name] = 'float16';
    }
  }
  const shard = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    shard.set(p, at);
    at += p.length;
  }
  mkdirSync(dir, { recursive: true });
  const modelJson = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: 'pixelwise scripts/train.ts',
    modelTopology: inferenceTopology(modelTopology),
    weightsManifest: [{ paths: [SHARD], weights: specs }],
  };
  const json = JSON.stringify(modelJson);
  writeFileSync(join(dir, 'model.json'), json);
  writeFileSync(join(dir, SHARD), shard);
  const shards = [{ path: SHARD, bytes: shard.length, sha256: await sha256Hex(shard) }];
  return { storage, shards, totalBytes: shard.length + Buffer.byteLength(json) };
}
