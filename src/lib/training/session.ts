// A training run taken one step at a time, for the browser page (/playground/train/) and the Node
// script that measured its candidates. Same loss, class weights and scene batches as
// `npm run train`; the learning rate stays where the reader puts it (no decay), and scenes are
// numbered on from the seed, so a reset with the same seed replays the same batches.
import * as tf from '@tensorflow/tfjs';
import type { DigitSet } from '../data/digits.ts';
import { DEFAULT_SCENE } from '../data/scene.ts';
import { scenesToTensor } from '../models/segment.ts';
import { TRAIN_CONFIGS } from './configs.ts';
import { balancedClassWeights, weightedCrossEntropy } from './loss.ts';
import { classFrequencies, oneHotLabels, scenes } from './scene-batch.ts';
import { SMALL_NET_BUILDERS, type SmallNet } from './small-nets.ts';

export interface SessionOptions {
  net: SmallNet;
  seed: number;
  batchSize: number;
  learningRate: number;
}

/** Scenes a seed may use before the next seed's begin (a minute's training uses ~10,000). */
const SCENES_PER_SEED = 100_000;
/** Class frequencies are counted on this many training scenes, as `npm run train` does. */
const FREQUENCY_SCENES = 512;
/** Each net keeps the class-weight power of the shipped model of its kind (configs.ts). */
const WEIGHT_POWER: Record<SmallNet, number> = {
  'small-fcn': TRAIN_CONFIGS.fcn32s.classWeightPower,
  'small-unet': TRAIN_CONFIGS.unet.classWeightPower,
  'tiny-unet': TRAIN_CONFIGS.unet.classWeightPower,
};

export interface TrainSession {
  model: tf.LayersModel;
  /** Trainable weights, counted from the built model. */
  parameters: number;
  /** Steps taken so far. */
  readonly steps: number;
  /** One optimisation step; returns its loss (the caller reads and disposes it, when it likes). */
  step(): tf.Scalar;
  set(options: Partial<Pick<SessionOptions, 'batchSize' | 'learningRate'>>): void;
  /** Most likely class per pixel for [N, H, W, 1] images, [N, H, W] int32. */
  classify(images: tf.Tensor4D): tf.Tensor3D;
  dispose(): void;
}

export function countParameters(model: tf.LayersModel): number {
  return model.trainableWeights.reduce((sum, w) => sum + tf.util.sizeFromShape(w.shape as number[]), 0);
}

export function startSession(options: SessionOptions, train: DigitSet): TrainSession {
  const model = SMALL_NET_BUILDERS[options.net](options.seed);
  const optimizer = tf.train.adam(options.learningRate);
  const frequencies = classFrequencies(scenes(train, 0, FREQUENCY_SCENES, DEFAULT_SCENE));
  const weights = tf.tensor1d(balancedClassWeights(frequencies, WEIGHT_POWER[options.net]));
  let batchSize = options.batchSize;
  let used = 0;
  let steps = 0;
  return {
    model,
    parameters: countParameters(model),
    get steps() {
      return steps;
    },
    step() {
      const batch = scenes(train, options.seed * SCENES_PER_SEED + used, batchSize, DEFAULT_SCENE);
      used += batchSize;
      steps++;
      return tf.tidy(() => {
        const x = scenesToTensor(batch);
        const y = oneHotLabels(batch);
        const loss = () => weightedCrossEntropy(model.apply(x, { training: true }) as tf.Tensor, y, weights);
        return optimizer.minimize(loss, true) as tf.Scalar;
      });
    },
    set(change) {
      if (change.batchSize !== undefined) batchSize = change.batchSize;
      if (change.learningRate !== undefined) {
        (optimizer as unknown as { learningRate: number }).learningRate = change.learningRate;
      }
    },
    classify(images) {
      return tf.tidy(() => tf.argMax(model.predict(images) as tf.Tensor4D, 3) as tf.Tensor3D);
    },
    dispose() {
      tf.dispose(weights);
      optimizer.dispose();
      model.dispose();
    },
  };
}
