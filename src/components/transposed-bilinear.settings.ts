import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const b = t.transposedBilinear;
/** Side of the input grid. */
export const SIDE = 4;

// Even factors only: the recipe's padding s/2 must be a whole number of pixels.
export const settings = defineSettings('transposed-bilinear', {
  factor: { kind: 'enum', values: ['2', '4'], default: '2', label: b.factor, options: b.factors },
});
