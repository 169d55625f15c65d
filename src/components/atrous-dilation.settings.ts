import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';
import { ATROUS_KERNELS } from '../lib/runtime/worker/tasks/atrous-kernels.ts';

const a = t.atrousDilation;
// 128x128: the photo stays recognisable and one conv plus its redraw fits in a frame.
export const SIDE = 128;

// The cursor starts on the cameraman's face.
export const settings = defineSettings('atrous-dilation', {
  rate: { kind: 'int', min: 1, max: 16, default: 4, label: a.rate },
  kernel: { kind: 'enum', values: ATROUS_KERNELS, default: 'edges', label: a.kernel, options: a.kernels },
  seed: { kind: 'int', min: 0, max: 9999, default: 1 },
  row: { kind: 'int', min: 0, max: SIDE - 1, default: 30 },
  col: { kind: 'int', min: 0, max: SIDE - 1, default: 58 },
});
