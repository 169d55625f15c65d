import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';
import { seedField } from './seg-scene.settings.ts';

const s = t.segScores;

export const settings = defineSettings('seg-scores', {
  seed: seedField(5),
  model: {
    kind: 'enum',
    values: ['fcn32s', 'fcn8s', 'unet'],
    default: 'fcn8s',
    label: s.model,
    options: s.models,
    control: 'radio',
  },
});

/** The four scores, in FCN §5's order, and their formulas (KaTeX, rendered at build time). */
export const SCORES = [
  { key: 'pixelAccuracy', tex: String.raw`\frac{\sum_i n_{ii}}{\sum_i t_i}` },
  { key: 'meanAccuracy', tex: String.raw`\frac{1}{n_{cl}} \sum_i \frac{n_{ii}}{t_i}` },
  { key: 'meanIoU', tex: String.raw`\frac{1}{n_{cl}} \sum_i \frac{n_{ii}}{t_i + \sum_j n_{ji} - n_{ii}}` },
  {
    key: 'frequencyWeightedIoU',
    tex: String.raw`\Big(\sum_k t_k\Big)^{-1} \sum_i \frac{t_i\, n_{ii}}{t_i + \sum_j n_{ji} - n_{ii}}`,
  },
] as const;
