import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';
import { seedField } from './seg-scene.settings.ts';

const s = t.segInstances;

export const settings = defineSettings('seg-instances', {
  seed: seedField(11),
  source: {
    kind: 'enum',
    values: ['prediction', 'truth'],
    default: 'prediction',
    label: s.source,
    options: s.sources,
    control: 'radio',
  },
});
