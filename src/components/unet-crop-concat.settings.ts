import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.unetCropConcat;

/** Both skips carry at least 16 channels (our U-Net: 16 and 32), so every channel index exists at either level. */
export const settings = defineSettings('unet-crop-concat', {
  seed: { kind: 'int', min: 1, max: 99999, default: 12, control: 'number', label: s.seed },
  level: { kind: 'enum', values: ['1', '2'], default: '1', label: s.level, options: s.levels, control: 'radio' },
  channel: { kind: 'int', min: 0, max: 15, default: 3, label: s.channel },
});
