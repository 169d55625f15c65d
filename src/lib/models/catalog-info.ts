// What each shipped model is, without TensorFlow.js: kind, input size, class names, border and
// title. Page code may import this file; catalog.ts adds the builders (and with them tfjs).
import { DIGIT_SIZE } from '../data/digits.ts';
import { DEFAULT_SCENE } from '../data/scene.ts';

export const SEGMENTATION_MODELS = ['fcn32s', 'fcn16s', 'fcn8s', 'unet', 'deeplabv3', 'deeplabv3plus'] as const;
export type SegmentationModelName = (typeof SEGMENTATION_MODELS)[number];
export type ModelName = SegmentationModelName | 'classifier';
export const MODEL_NAMES: readonly ModelName[] = ['classifier', ...SEGMENTATION_MODELS];

export const isModelName = (name: string): name is ModelName => (MODEL_NAMES as readonly string[]).includes(name);

/** A classifier labels a whole digit ([N, classes]); a segmenter labels every pixel of a scene. */
export type ModelKind = 'classifier' | 'segmenter';

export const DIGIT_CLASSES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Segmentation classes: 0 is background, d + 1 is digit d. */
export const SCENE_CLASSES: readonly string[] = ['background', ...DIGIT_CLASSES];

/** Pixels the U-Net's unpadded convs lose on each side (unet.ts derives the sizes). */
export const UNET_BORDER = 20;

export interface ModelInfo {
  kind: ModelKind;
  /** Size of the inputs it was trained and measured on; segmenters take any multiple of 32 from 64. */
  input: { height: number; width: number };
  classes: readonly string[];
  /** Pixels lost on each side of the output (the U-Net's unpadded convs); 0 for the others. */
  border: number;
  title: string;
}

const digit = { height: DIGIT_SIZE, width: DIGIT_SIZE };
const scene = { height: DEFAULT_SCENE.height, width: DEFAULT_SCENE.width };
const segmenter = (title: string, border = 0): ModelInfo => ({
  kind: 'segmenter',
  input: scene,
  classes: SCENE_CLASSES,
  border,
  title,
});

export const MODEL_INFO: Record<ModelName, ModelInfo> = {
  classifier: { kind: 'classifier', input: digit, classes: DIGIT_CLASSES, border: 0, title: 'Digit classifier' },
  fcn32s: segmenter('FCN-32s'),
  fcn16s: segmenter('FCN-16s'),
  fcn8s: segmenter('FCN-8s'),
  unet: segmenter('U-Net', UNET_BORDER),
  deeplabv3: segmenter('DeepLab v3'),
  deeplabv3plus: segmenter('DeepLab v3+'),
};
