import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';
import { CONVENTIONS } from '../lib/ops/bilinear-coordinates.ts';

const g = t.bilinearGrid;

// Sizes stay small enough that every output value can be printed in its cell.
export const settings = defineSettings('bilinear-grid', {
  n: { kind: 'enum', values: ['2', '3', '4'], default: '2', label: g.inputSize, options: g.sizes },
  scale: { kind: 'enum', values: ['2', '3', 'custom'], default: '2', label: g.scale, options: g.scales },
  side: { kind: 'int', min: 1, max: 12, default: 5, label: g.outputSide, control: 'number' },
  convention: {
    kind: 'enum',
    values: CONVENTIONS,
    default: 'align-corners',
    label: g.convention,
    options: g.conventions,
    control: 'radio',
  },
});
