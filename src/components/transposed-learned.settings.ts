import { t } from '../i18n/en.ts';
import { NUM_CLASSES } from '../lib/data/scene.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const l = t.transposedLearned;
/** Side of the score map fed to the upsamplers: room for a 2×2 block and its spread. */
export const SIDE = 5;

export const settings = defineSettings('transposed-learned', {
  model: {
    kind: 'enum',
    values: ['fcn16s', 'fcn8s'],
    default: 'fcn16s',
    label: l.model,
    options: l.models,
    control: 'radio',
  },
  cls: { kind: 'int', min: 0, max: NUM_CLASSES - 1, default: 1, label: l.cls },
  pattern: {
    kind: 'enum',
    values: ['pixel', 'block'],
    default: 'pixel',
    label: l.pattern,
    options: l.patterns,
    control: 'radio',
  },
});
