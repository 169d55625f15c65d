import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.fullyConvScene;
const CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const SIZES = ['64', '96'] as const;

export const settings = defineSettings('fully-conv-scene', {
  seed: { kind: 'int', min: 1, max: 99999, default: 3, control: 'number', label: s.seed },
  size: {
    kind: 'enum',
    values: SIZES,
    default: '64',
    label: s.size,
    options: Object.fromEntries(SIZES.map((n) => [n, `${n}×${n}`])),
  },
  show: {
    kind: 'enum',
    values: ['argmax', ...CLASSES],
    default: 'argmax',
    label: s.show,
    options: { argmax: s.argmax, ...Object.fromEntries(CLASSES.map((k) => [k, s.classOption(k)])) },
  },
});
