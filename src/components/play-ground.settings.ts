import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const p = t.playground;

export const INPUTS = ['scene', 'draw', 'sample', 'file', 'webcam'] as const;
export type InputName = (typeof INPUTS)[number];
export const SAMPLES = ['astronaut', 'coffee', 'chelsea', 'camera', 'rocket', 'horse'] as const;
export const SAMPLE_FILES: Record<(typeof SAMPLES)[number], string> = {
  astronaut: 'astronaut.jpg',
  coffee: 'coffee.jpg',
  chelsea: 'chelsea.png',
  camera: 'camera.png',
  rocket: 'rocket.jpg',
  horse: 'horse.png',
};
export const DIGIT_MODELS = ['fcn32s', 'fcn16s', 'fcn8s', 'unet', 'deeplabv3', 'deeplabv3plus'] as const;
/** The network the reader trained on /playground/train/, offered once they kept one (TRAINED_FLAG). */
export const TRAINED = 'trained';
export const PLAY_MODELS = [...DIGIT_MODELS, TRAINED, 'selfie'] as const;
export type PlayModel = (typeof PLAY_MODELS)[number];
/** The lesson that explains each model (the selfie model is an encoder–decoder with skips, like the U-Net). */
export const LESSONS: Record<PlayModel, string> = {
  fcn32s: '/learn/skip-connections/',
  fcn16s: '/learn/skip-connections/',
  fcn8s: '/learn/skip-connections/',
  unet: '/learn/u-net/',
  deeplabv3: '/learn/aspp/',
  deeplabv3plus: '/learn/aspp/',
  trained: '/playground/train/',
  selfie: '/learn/u-net/',
};

/** Scenes and drawings: the digit models' own 64×64. */
export const DIGIT_SIDE = 64;
/** Photos and camera frames: fitted into a 256×256 square (the selfie model's input)... */
export const PHOTO_SIDE = 256;
/** ...and averaged down to 128×128 grey for the digit models (a multiple of 32 they accept). */
export const PHOTO_DIGIT_SIDE = 128;

const bool = (label: string, value: boolean) => ({ kind: 'bool', default: value, label }) as const;

export const settings = defineSettings('play-ground', {
  input: { kind: 'enum', values: INPUTS, default: 'scene', label: p.input, options: p.inputs, control: 'radio' },
  seed: { kind: 'int', min: 0, max: 99999, default: 5 },
  sample: { kind: 'enum', values: SAMPLES, default: 'astronaut', label: p.sample, options: p.samples },
  fcn32s: bool(p.titles.fcn32s!, false),
  fcn16s: bool(p.titles.fcn16s!, false),
  fcn8s: bool(p.titles.fcn8s!, true),
  unet: bool(p.titles.unet!, true),
  deeplabv3: bool(p.titles.deeplabv3!, false),
  deeplabv3plus: bool(p.titles.deeplabv3plus!, false),
  trained: bool(p.titles.trained!, false),
  selfie: bool(p.titles.selfie!, true),
  opacity: {
    kind: 'number',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.6,
    label: p.opacity,
    format: (v: number) => v.toFixed(2),
  },
});
