// Held-out data for deciding when to stop: scenes of the last train digits, which the run then
// does not train on. The test digits stay unseen until the final measurement.
import type * as tf from '@tensorflow/tfjs';
import { DIGIT_SIZE, type DigitSet } from '../data/digits.ts';
import { MODEL_INFO, type ModelName } from '../models/catalog-info.ts';
import { evaluateSegmenter } from './evaluate-model.ts';
import { sceneOptions } from './scene-batch.ts';

export const VALIDATION_DIGITS = 5000;
export const VALIDATION_SCENES = 96;
/** Apart from training scene seeds (0 …) and test scene seeds (1,000,000 …). */
export const VALIDATION_SEED_BASE = 2_000_000;

/** The first count − VALIDATION_DIGITS digits to train on and the rest to validate on (views). */
export function splitValidation(train: DigitSet): { fit: DigitSet; held: DigitSet } {
  const cut = train.count - VALIDATION_DIGITS;
  const pixels = DIGIT_SIZE * DIGIT_SIZE;
  return {
    fit: { images: train.images.subarray(0, cut * pixels), labels: train.labels.subarray(0, cut), count: cut },
    held: { images: train.images.subarray(cut * pixels), labels: train.labels.subarray(cut), count: VALIDATION_DIGITS },
  };
}

export function validationMeanIoU(name: ModelName, model: tf.LayersModel, held: DigitSet): number {
  const options = sceneOptions(name);
  return evaluateSegmenter(model, MODEL_INFO[name].border, held, VALIDATION_SEED_BASE, VALIDATION_SCENES, options)
    .meanIoU;
}
