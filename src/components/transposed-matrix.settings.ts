import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const m = t.transposedMatrix;
/** The two convolutions on a 4×4 input with a 3×3 kernel: both give 2×2, only s2 needs a = 1 back. */
export const CONFIGS = { s1: { stride: 1, padding: 0 }, s2: { stride: 2, padding: 1 } } as const;

export const settings = defineSettings('transposed-matrix', {
  config: { kind: 'enum', values: ['s1', 's2'], default: 's1', label: m.config, options: m.configs, control: 'radio' },
});
