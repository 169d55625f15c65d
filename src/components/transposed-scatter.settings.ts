import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.transposedScatter;
/** Side of the input x. */
export const SIDE = 3;

export const settings = defineSettings('transposed-scatter', {
  stride: { kind: 'int', min: 1, max: 3, default: 2, label: s.stride },
  k: { kind: 'int', min: 2, max: 4, default: 3, label: s.kernel },
  p: { kind: 'int', min: 0, max: 3, default: 0, label: s.padding },
});

/** Largest padding that leaves at least one output pixel and cuts less than a whole kernel. */
export const maxPadding = (stride: number, k: number): number =>
  Math.min(k - 1, Math.floor((stride * (SIDE - 1) + k - 1) / 2));
