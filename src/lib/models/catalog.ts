// The shipped models: what catalog-info.ts says about each, plus its builder (which brings in
// TensorFlow.js). Segmenters take [N, H, W, 1] in [0, 1] (white digits on black), H and W
// multiples of 32 from 64, and return [N, H − 2·border, W − 2·border, 11] softmax probabilities.
import type * as tf from '@tensorflow/tfjs';
import { MODEL_INFO, type ModelInfo, type ModelName } from './catalog-info.ts';
import { buildClassifier } from './classifier.ts';
import { buildDeeplabV3, buildDeeplabV3Plus } from './deeplab.ts';
import { buildFcn } from './fcn.ts';
import { buildUnet } from './unet.ts';

export * from './catalog-info.ts';

export interface ModelEntry extends ModelInfo {
  build: (seed?: number) => tf.LayersModel;
}

const BUILDERS: Record<ModelName, ModelEntry['build']> = {
  classifier: buildClassifier,
  fcn32s: (seed) => buildFcn(32, seed),
  fcn16s: (seed) => buildFcn(16, seed),
  fcn8s: (seed) => buildFcn(8, seed),
  unet: buildUnet,
  deeplabv3: buildDeeplabV3,
  deeplabv3plus: buildDeeplabV3Plus,
};

export const MODELS = Object.fromEntries(
  Object.entries(MODEL_INFO).map(([name, info]) => [name, { ...info, build: BUILDERS[name as ModelName] }]),
) as Record<ModelName, ModelEntry>;
