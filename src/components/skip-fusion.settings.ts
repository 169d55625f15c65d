import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';
import { CLASS_COLORS } from '../lib/viz/class-palette.ts';
import { seedField } from './seg-scene.settings.ts';

const s = t.skipFusion;
const CLASS_VALUES = CLASS_COLORS.map((_, k) => String(k));

export const settings = defineSettings('skip-fusion', {
  seed: seedField(3),
  model: {
    kind: 'enum',
    values: ['fcn8s', 'fcn16s'],
    default: 'fcn8s',
    label: s.model,
    options: s.models,
    control: 'radio',
  },
  cls: {
    kind: 'enum',
    values: CLASS_VALUES,
    default: '7',
    label: s.className,
    options: Object.fromEntries(CLASS_VALUES.map((k) => [k, t.modelView.className(Number(k))])),
  },
  size: { kind: 'enum', values: ['64', '128'], default: '64', label: s.size, options: s.sizes, control: 'radio' },
});

/**
 * The fusion, one row per step, as FCN's layer names (src/lib/models/fcn.ts): coarse scores,
 * their 2× upsampling, the skip's scores, their sum; then the final upsampling. `model` limits a
 * row to the net that has it.
 */
export const ROWS: { model?: 'fcn8s' | 'fcn16s'; steps: string[] }[] = [
  { steps: ['score_fr', 'arrow', 'upscore2_pool4', 'plus', 'score_pool4', 'equals', 'fuse_pool4'] },
  { model: 'fcn8s', steps: ['fuse_pool4', 'arrow', 'upscore2_pool3', 'plus', 'score_pool3', 'equals', 'fuse_pool3'] },
  { model: 'fcn16s', steps: ['fuse_pool4', 'arrow', 'upscore16'] },
  { model: 'fcn8s', steps: ['fuse_pool3', 'arrow', 'upscore8'] },
];

export const OPERATORS = ['arrow', 'plus', 'equals'] as const;

/** The layers a model's rows read, each once. */
export const layersOf = (model: 'fcn8s' | 'fcn16s') => [
  ...new Set(
    ROWS.filter((r) => !r.model || r.model === model)
      .flatMap((r) => r.steps)
      .filter((step) => !(OPERATORS as readonly string[]).includes(step)),
  ),
];

/** The model's sums: [upsampled coarse, skip, their sum] layer names. */
export const SUMS = {
  fcn16s: [['upscore2_pool4', 'score_pool4', 'fuse_pool4']],
  fcn8s: [
    ['upscore2_pool4', 'score_pool4', 'fuse_pool4'],
    ['upscore2_pool3', 'score_pool3', 'fuse_pool3'],
  ],
} as const;
