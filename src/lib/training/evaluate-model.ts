// Measuring a model on held-out data: test scenes (segmenters) or test digits (classifier).
import * as tf from '@tensorflow/tfjs';
import { DIGIT_SIZE, type DigitSet, digitPixels } from '../data/digits.ts';
import { DEFAULT_SCENE, NUM_CLASSES, type SceneOptions } from '../data/scene.ts';
import type { MetricsRecord } from '../models/manifest.ts';
import { addInto, confusionMatrix, errorShares, segmentationMetrics } from '../models/metrics.ts';
import { scenesToTensor, segment } from '../models/segment.ts';
import { scenes } from './scene-batch.ts';

const BATCH = 16;

export function evaluateSegmenter(
  model: tf.LayersModel,
  border: number,
  digits: DigitSet,
  firstSeed: number,
  count: number,
  options: SceneOptions = DEFAULT_SCENE,
): MetricsRecord {
  const total = new Float64Array(NUM_CLASSES * NUM_CLASSES);
  for (let start = 0; start < count; start += BATCH) {
    const batch = scenes(digits, firstSeed + start, Math.min(BATCH, count - start), options);
    const images = scenesToTensor(batch);
    const predicted = segment(model, images, border);
    const values = predicted.dataSync();
    tf.dispose([images, predicted]);
    const truth = new Uint8Array(values.length);
    batch.forEach((s, i) => truth.set(s.label, i * s.label.length));
    addInto(total, confusionMatrix(truth, values, NUM_CLASSES));
  }
  const { height, width } = options;
  return {
    ...segmentationMetrics(total, NUM_CLASSES),
    errors: errorShares(total, NUM_CLASSES),
    scenes: count,
    firstSeed,
    height,
    width,
  };
}

/** The digits at `indices` as a [count, 28, 28, 1] batch in [0, 1]. */
export function digitBatch(digits: DigitSet, indices: number[]): tf.Tensor4D {
  const pixels = DIGIT_SIZE * DIGIT_SIZE;
  const data = new Float32Array(indices.length * pixels);
  indices.forEach((d, i) =>
    data.set(
      Array.from(digitPixels(digits, d), (v) => v / 255),
      i * pixels,
    ),
  );
  return tf.tensor4d(data, [indices.length, DIGIT_SIZE, DIGIT_SIZE, 1]);
}

export function evaluateClassifier(model: tf.LayersModel, digits: DigitSet): number {
  let correct = 0;
  for (let start = 0; start < digits.count; start += 500) {
    const indices = Array.from({ length: Math.min(500, digits.count - start) }, (_, i) => start + i);
    const predicted = tf.tidy(() => tf.argMax(model.predict(digitBatch(digits, indices)) as tf.Tensor, 1).dataSync());
    indices.forEach((d, i) => {
      if (predicted[i] === digits.labels[d]) correct++;
    });
  }
  return correct / digits.count;
}
