// Training/evaluation batches of digit scenes as tensors.
import * as tf from '@tensorflow/tfjs';
import type { DigitSet } from '../data/digits.ts';
import { DEFAULT_SCENE, makeScene, NUM_CLASSES, type Scene, type SceneOptions } from '../data/scene.ts';
import { MODEL_INFO, type ModelName } from '../models/catalog-info.ts';

/** Scene seeds: training scenes count up from 0; test scenes start here (on test digits anyway). */
export const TEST_SEED_BASE = 1_000_000;

/** Scenes of the size the catalog gives the model. */
export function sceneOptions(name: ModelName): SceneOptions {
  return { ...DEFAULT_SCENE, ...MODEL_INFO[name].input };
}

export function scenes(digits: DigitSet, firstSeed: number, count: number, options: SceneOptions): Scene[] {
  return Array.from({ length: count }, (_, i) => makeScene(digits, firstSeed + i, options));
}

/** One-hot labels [N, H, W, 11], built in JS so no int32 tensor is ever cast. */
export function oneHotLabels(batch: Scene[]): tf.Tensor4D {
  const first = batch[0] as Scene;
  const pixels = first.height * first.width;
  const data = new Float32Array(batch.length * pixels * NUM_CLASSES);
  batch.forEach((s, n) => {
    for (let p = 0; p < pixels; p++) data[(n * pixels + p) * NUM_CLASSES + (s.label[p] as number)] = 1;
  });
  return tf.tensor4d(data, [batch.length, first.height, first.width, NUM_CLASSES]);
}

/** Class frequencies over some scenes (pixels of the class / all pixels). */
export function classFrequencies(sample: Scene[]): number[] {
  const counts = new Array<number>(NUM_CLASSES).fill(0);
  let total = 0;
  for (const s of sample) {
    for (const c of s.label) counts[c]! += 1;
    total += s.label.length;
  }
  return counts.map((c) => c / total);
}
