import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const p = t.bilinearPhoto;
// 24x24 enlarged 8x is 192x192 per panel: big enough to see, cheap enough to redraw every frame.
export const CROP = 24;
// Photos up to 4096 pixels a side load (lib/viz/pixels.ts); the crop is kept inside the one shown.
const LARGEST = 4096;

// The crop starts on the cat's eye, where blur and blocks are easiest to see.
export const settings = defineSettings('bilinear-photo', {
  factor: { kind: 'enum', values: ['4', '8'], default: '8', label: p.factor, options: p.factors },
  x: { kind: 'int', min: 0, max: LARGEST - CROP, default: 148 },
  y: { kind: 'int', min: 0, max: LARGEST - CROP, default: 84 },
});
