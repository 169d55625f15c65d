import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.asppFields;

/**
 * DeepLab v3's own settings (§3.3, §4): 513-pixel crops, rates 6/12/18 at output stride 16 and
 * doubled at output stride 8. The map sides follow from the crop and the stride.
 */
export const PAPER = {
  crop: 513,
  os16: { stride: 16, rates: [6, 12, 18] },
  os8: { stride: 8, rates: [12, 24, 36] },
} as const;
/** Largest map side any setting has: (513 − 1)/8 + 1. */
const MAX_SIDE = 65;

export const settings = defineSettings('aspp-fields', {
  map: {
    kind: 'enum',
    values: ['ours', 'os16', 'os8'],
    default: 'ours',
    label: s.map,
    options: s.maps,
    control: 'radio',
  },
  row: { kind: 'int', min: 0, max: MAX_SIDE - 1, default: 3 },
  col: { kind: 'int', min: 0, max: MAX_SIDE - 1, default: 5 },
});
