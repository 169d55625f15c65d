import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.unetSizeWalk;

export const settings = defineSettings('unet-size-walk', {
  network: {
    kind: 'enum',
    values: ['paper', 'ours'],
    default: 'paper',
    label: s.network,
    options: s.networks,
    control: 'radio',
  },
  side: { kind: 'int', min: 1, max: 700, default: 572, control: 'number', label: s.side },
});
