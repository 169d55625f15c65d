import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const c = t.bilinearCentres;

// From 2 so align corners always has a step; up to 16 outputs so each sample keeps a readable label.
export const settings = defineSettings('bilinear-centres', {
  nIn: { kind: 'int', min: 2, max: 8, default: 4, label: c.inputSize },
  nOut: { kind: 'int', min: 2, max: 16, default: 8, label: c.outputSize },
});
