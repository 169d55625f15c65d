import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const c = t.transposedCheckerboard;
// 64: the cameraman stays recognisable, and three transposed convs and three 128×128 canvases fit
// in a frame on the wasm backend.
export const SIDE = 64;
export const MAX_SEED = 1_000_000;

export const settings = defineSettings('transposed-checkerboard', {
  weights: {
    kind: 'enum',
    values: ['uniform', 'random'],
    default: 'uniform',
    label: c.weights,
    options: c.modes,
    control: 'radio',
  },
  seed: { kind: 'int', min: 0, max: MAX_SEED, default: 1 },
});
