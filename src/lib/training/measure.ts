// The numbers a manifest records for a model, measured on held-out test digits only.
import type * as tf from '@tensorflow/tfjs';
import type { DigitSet } from '../data/digits.ts';
import { MODELS, type ModelName } from '../models/catalog.ts';
import type { Manifest } from '../models/manifest.ts';
import { evaluateClassifier, evaluateSegmenter } from './evaluate-model.ts';
import { sceneOptions, TEST_SEED_BASE } from './scene-batch.ts';

/** Held-out evaluation: 500 scenes of test digits; the unit tests rerun the first 24. */
export const TEST_SCENES = 500;
export const SUBSET_SCENES = 24;

export function measure(
  name: ModelName,
  model: tf.LayersModel,
  test: DigitSet,
): Pick<Manifest, 'accuracy' | 'metrics'> {
  const { kind, border } = MODELS[name];
  if (kind === 'classifier') return { accuracy: { digits: test.count, top1: evaluateClassifier(model, test) } };
  const scene = sceneOptions(name);
  return {
    metrics: {
      test: evaluateSegmenter(model, border, test, TEST_SEED_BASE, TEST_SCENES, scene),
      subset: evaluateSegmenter(model, border, test, TEST_SEED_BASE, SUBSET_SCENES, scene),
    },
  };
}
