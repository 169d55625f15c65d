import { defineSettings } from '../lib/figure/settings.ts';

// The sample point's offsets inside the cell; no control of their own (the point is dragged).
export const settings = defineSettings('bilinear-cell', {
  x: { kind: 'number', min: 0, max: 1, default: 0.3 },
  y: { kind: 'number', min: 0, max: 1, default: 0.6 },
});
