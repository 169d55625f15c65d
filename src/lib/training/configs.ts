// Training recipes, one per shipped model. `npm run train -- <name>` reads them; the manifest
// records the one used.
import type { ModelName } from '../models/catalog.ts';

export interface TrainConfig {
  steps: number;
  batchSize: number;
  /** Adam's initial rate, decayed polynomially (power 0.9, as DeepLab) to 0 at the last step. */
  learningRate: number;
  /** Exponent on median-frequency-balanced class weights (see loss.ts). */
  classWeightPower: number;
  /** Stage-wise training (FCN §4.2): start from this model's shipped weights, matched by layer name. */
  initFrom?: ModelName;
  seed: number;
  checkpointEvery: number;
}

const base = { batchSize: 16, learningRate: 1e-3, classWeightPower: 0.25, seed: 1, checkpointEvery: 100 };

export const TRAIN_CONFIGS: Record<ModelName, TrainConfig> = {
  classifier: { ...base, steps: 1500, batchSize: 64 },
  fcn32s: { ...base, steps: 1200 },
  fcn16s: { ...base, steps: 300, learningRate: 5e-4, initFrom: 'fcn32s' },
  fcn8s: { ...base, steps: 300, learningRate: 5e-4, initFrom: 'fcn16s' },
  unet: { ...base, steps: 8000, batchSize: 8, classWeightPower: 0.5 },
  deeplabv3: { ...base, steps: 3000, batchSize: 8 },
  deeplabv3plus: { ...base, steps: 3000, batchSize: 8 },
};

export const polyRate = (config: TrainConfig, step: number): number =>
  config.learningRate * (1 - step / config.steps) ** 0.9;
