// The trained FCN 2× upsampler as shipped, decoded here from public/weights (independently of tfjs),
// so tests compare figures and tasks with whatever weights are shipped at test time.
import { readFileSync } from 'node:fs';
import type * as tf from '@tensorflow/tfjs';

export interface UpsamplerConfig {
  name: string;
  filters: number;
  kernel_size: number[];
  strides: number[];
  padding: string;
  trainable: boolean;
}

/** A shipped model's first trainable stride-2 'same' Conv2DTranspose and its kernel, decoded from the files. */
export function shippedUpsampler(name: string): { layer: UpsamplerConfig; kernel: Float32Array } {
  const dir = `public/weights/${name}/`;
  const json = JSON.parse(readFileSync(`${dir}model.json`, 'utf8')) as tf.io.ModelJSON;
  type Topology = { config: { layers: { class_name: string; config: UpsamplerConfig }[] } };
  const layers = (json.modelTopology as Topology).config.layers;
  const layer = layers.find(
    (l) =>
      l.class_name === 'Conv2DTranspose' &&
      l.config.trainable &&
      l.config.strides.join() === '2,2' &&
      l.config.padding === 'same',
  )!.config;
  let offset = 0;
  for (const group of json.weightsManifest) {
    const bytes = readFileSync(dir + group.paths[0]!);
    for (const w of group.weights) {
      const n = w.shape.reduce((a, b) => a * b, 1);
      const q = w.quantization;
      const size = q?.dtype === 'float16' ? 2 : q?.dtype === 'uint8' ? 1 : 4;
      if (w.name === `${layer.name}/kernel`) {
        const view = new DataView(bytes.buffer, bytes.byteOffset + offset, n * size);
        const kernel = Float32Array.from({ length: n }, (_, i) =>
          q?.dtype === 'float16'
            ? halfToFloat(view.getUint16(2 * i, true))
            : q?.dtype === 'uint8'
              ? q.min! + q.scale! * view.getUint8(i)
              : view.getFloat32(4 * i, true),
        );
        return { layer, kernel };
      }
      offset += n * size;
    }
  }
  throw new Error(`${name} ships no kernel for ${layer.name}`);
}

/** IEEE 754 half precision to a number. */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Class c's k×k taps into itself, from a [k, k, out, in] kernel. */
export function selfTaps(kernel: Float32Array, k: number, channels: number, cls: number): number[] {
  return Array.from({ length: k * k }, (_, t) => kernel[(t * channels + cls) * channels + cls]!);
}

/** Largest |tap| from class c into any other class. */
export function crossClassMax(kernel: Float32Array, k: number, channels: number, cls: number): number {
  let largest = 0;
  for (let t = 0; t < k * k; t++) {
    for (let o = 0; o < channels; o++) {
      if (o !== cls) largest = Math.max(largest, Math.abs(kernel[(t * channels + o) * channels + cls]!));
    }
  }
  return largest;
}

/** FCN's bilinear taps from the formula: f = ⌈k/2⌉, centre (k − 1)/2. */
export function bilinearTapsFormula(k: number): number[] {
  const f = Math.ceil(k / 2);
  return Array.from({ length: k }, (_, u) => 1 - Math.abs(u - (k - 1) / 2) / f);
}
