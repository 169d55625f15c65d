import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

// 128 is divisible by every rate offered, so the sub-maps need no extra padding.
export const SIDE = 128;

// 3x3 kernels only: the step-by-step form (src/lib/ops/space-to-batch.ts) refuses even sides.
export const settings = defineSettings('atrous-space-to-batch', {
  rate: { kind: 'enum', values: ['2', '4', '8'], default: '4', label: t.atrousSpaceToBatch.rate },
  kernel: {
    kind: 'enum',
    values: ['edges', 'vertical', 'blur'],
    default: 'vertical',
    label: t.atrousDilation.kernel,
    options: t.atrousDilation.kernels,
  },
});
