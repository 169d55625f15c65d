import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const e = t.atrousErf;

export const settings = defineSettings('atrous-erf', {
  depth: { kind: 'int', min: 1, max: 8, default: 5, label: e.depth },
  dilation: { kind: 'enum', values: ['1', '2', '3', '4'], default: '1', label: e.dilation },
  weights: {
    kind: 'enum',
    values: ['uniform', 'random'],
    default: 'uniform',
    label: e.weights,
    options: e.weightKinds,
    control: 'radio',
  },
  activation: {
    kind: 'enum',
    values: ['linear', 'relu'],
    default: 'linear',
    label: e.activation,
    options: e.activations,
    control: 'radio',
  },
  seed: { kind: 'int', min: 0, max: 9999, default: 0 },
});
