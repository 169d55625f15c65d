import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.asppSwitch;

/** One switch per ASPP branch, in the model's order: 1×1, the three rates, image pooling. */
export const BRANCH_KEYS = ['b0', 'b1', 'b2', 'b3', 'b4'] as const;

export const settings = defineSettings('aspp-switch', {
  model: {
    kind: 'enum',
    values: ['deeplabv3', 'deeplabv3plus'],
    default: 'deeplabv3',
    label: s.model,
    options: s.models,
    control: 'radio',
  },
  seed: { kind: 'int', min: 1, max: 99999, default: 5, control: 'number', label: s.seed },
  b0: { kind: 'bool', default: true, label: s.b0 },
  b1: { kind: 'bool', default: false, label: s.b1 },
  b2: { kind: 'bool', default: true, label: s.b2 },
  b3: { kind: 'bool', default: true, label: s.b3 },
  b4: { kind: 'bool', default: true, label: s.b4 },
});
