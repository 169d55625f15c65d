// The shipped models: names, builders and the contract other code relies on.
// Segmentation models take [N, H, W, 1] in [0, 1] (white digits on black), H and W multiples of
// 32 from 64, and return [N, H − 2·border, W − 2·border, 11] softmax probabilities.
import type * as tf from '@tensorflow/tfjs';
import { buildClassifier } from './classifier.ts';
import { buildDeeplabV3, buildDeeplabV3Plus } from './deeplab.ts';
import { buildFcn } from './fcn.ts';
import { buildUnet, UNET_BORDER } from './unet.ts';

export const SEGMENTATION_MODELS = ['fcn32s', 'fcn16s', 'fcn8s', 'unet', 'deeplabv3', 'deeplabv3plus'] as const;
export type SegmentationModelName = (typeof SEGMENTATION_MODELS)[number];
export type ModelName = SegmentationModelName | 'classifier';
export const MODEL_NAMES: readonly ModelName[] = ['classifier', ...SEGMENTATION_MODELS];

export interface ModelEntry {
  build: (seed?: number) => tf.LayersModel;
  /** Pixels lost on each side of the output (the U-Net's unpadded convs); 0 for the others. */
  border: number;
  title: string;
}

export const MODELS: Record<ModelName, ModelEntry> = {
  classifier: { build: buildClassifier, border: 0, title: 'Digit classifier' },
  fcn32s: { build: (seed) => buildFcn(32, seed), border: 0, title: 'FCN-32s' },
  fcn16s: { build: (seed) => buildFcn(16, seed), border: 0, title: 'FCN-16s' },
  fcn8s: { build: (seed) => buildFcn(8, seed), border: 0, title: 'FCN-8s' },
  unet: { build: buildUnet, border: UNET_BORDER, title: 'U-Net' },
  deeplabv3: { build: buildDeeplabV3, border: 0, title: 'DeepLab v3' },
  deeplabv3plus: { build: buildDeeplabV3Plus, border: 0, title: 'DeepLab v3+' },
};

export const isModelName = (name: string): name is ModelName => (MODEL_NAMES as readonly string[]).includes(name);
