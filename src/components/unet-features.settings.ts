import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.unetFeatures;

/** The last conv of each level of our U-Net, down the contracting path and up the expansive one. */
export const LAYERS = ['enc1_conv2', 'enc2_conv2', 'bottom_conv2', 'dec2_conv2', 'dec1_conv2'] as const;

export const settings = defineSettings('unet-features', {
  seed: { kind: 'int', min: 1, max: 99999, default: 12, control: 'number', label: s.seed },
  layer: { kind: 'enum', values: LAYERS, default: 'enc1_conv2', label: s.layer },
});
