// Training recipes, one per shipped model. `npm run train -- <name>` reads them; the manifest
// records the one used.
import type { ModelName } from '../models/catalog-info.ts';
import type { Plateau } from './plateau.ts';

export interface TrainConfig {
  /** The last step; with `plateau`, the most the run may take. */
  steps: number;
  batchSize: number;
  /**
   * Adam's initial rate, decayed polynomially (power 0.9, as DeepLab) to 0 at the last step, or
   * with `plateau` cut whenever the held-out mean IU stops improving.
   */
  learningRate: number;
  /** Stop when the held-out mean IU stops improving (on digits the run does not train on). */
  plateau?: Plateau;
  /** Exponent on median-frequency-balanced class weights (see loss.ts). */
  classWeightPower: number;
  /** Stage-wise training (FCN §4.2): start from this model's shipped weights, matched by layer name. */
  initFrom?: ModelName;
  seed: number;
  checkpointEvery: number;
}

const base = { batchSize: 16, learningRate: 1e-3, classWeightPower: 0.25, seed: 1, checkpointEvery: 100 };
/**
 * FCN stages run until held-out mean IU stalls for 200 steps, then once more at a fifth of the
 * rate. A fresh FCN-32s first paints all background for hundreds of steps (mean IU flat at ~8.7%),
 * hence `after`. FCN-32s continues its earlier runs (1200 steps at rate 1e-3 with poly decay, then
 * 200; the manifest keeps that record), which drew from all train digits: its held-out digits were
 * seen before, in other scenes. `steps` only caps a run; each shipped stage ended on its plateau.
 */
const untilPlateau = { every: 100, after: 200, patience: 2, minGain: 0.002, drop: 0.2, drops: 1 };

export const TRAIN_CONFIGS: Record<ModelName, TrainConfig> = {
  classifier: { ...base, steps: 1500, batchSize: 64 },
  fcn32s: { ...base, steps: 3000, learningRate: 5e-4, initFrom: 'fcn32s', plateau: untilPlateau },
  fcn16s: { ...base, steps: 3000, learningRate: 5e-4, initFrom: 'fcn32s', plateau: untilPlateau },
  fcn8s: { ...base, steps: 3000, learningRate: 5e-4, initFrom: 'fcn16s', plateau: untilPlateau },
  unet: { ...base, steps: 8000, batchSize: 8, classWeightPower: 0.5 },
  deeplabv3: { ...base, steps: 3000, batchSize: 8 },
  deeplabv3plus: { ...base, steps: 3000, batchSize: 8 },
};

export const polyRate = (config: TrainConfig, step: number): number =>
  config.learningRate * (1 - step / config.steps) ** 0.9;
