import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.unetOverlapTile;
export const SIDE = 128;

// Tile sides step by 4, our U-Net's total stride (two 2×2 poolings), so every tile fits the network.
export const settings = defineSettings('unet-overlap-tile', {
  seed: { kind: 'int', min: 1, max: 99999, default: 4, control: 'number', label: s.seed },
  tile: { kind: 'int', min: 16, max: SIDE, step: 4, default: 48, label: s.tile },
  row: { kind: 'int', min: 0, max: SIDE - 1, default: 60 },
  col: { kind: 'int', min: 0, max: SIDE - 1, default: 60 },
});
