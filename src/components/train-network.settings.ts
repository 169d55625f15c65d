import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const w = t.trainNetwork;
/** The nets the page offers, the one it trains by default first (docs/models.md says why). */
export const TRAIN_NETS = ['small-fcn', 'small-unet', 'tiny-unet'] as const;
export const LEARNING_RATES = ['0.0003', '0.001', '0.003', '0.01', '0.03'] as const;
export const BATCH_SIZES = ['2', '4', '8', '16'] as const;
/** Held-out mean IU and the fixed scene's labels are measured every this many steps. */
export const EVALUATE_EVERY = 20;

export const settings = defineSettings('train-network', {
  net: { kind: 'enum', values: TRAIN_NETS, default: 'small-fcn', label: w.net, options: w.nets },
  seed: { kind: 'int', min: 0, max: 9999, default: 1, label: w.seed, control: 'number' },
  learningRate: { kind: 'enum', values: LEARNING_RATES, default: '0.003', label: w.learningRate },
  batchSize: { kind: 'enum', values: BATCH_SIZES, default: '2', label: w.batchSize },
});
