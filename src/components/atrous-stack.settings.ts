import { t } from '../i18n/en.ts';
import { defineSettings, type IntField } from '../lib/figure/settings.ts';
import { CONTEXT_MODULE, type LayerSpec } from '../lib/ops/receptive-field.ts';

const s = t.atrousStack;

export const MAX_LAYERS = 24;

/** The limits of every layer's inputs; URL values beyond them are clamped by the same fields. */
export const LAYER_FIELDS = {
  kernel: { kind: 'int', min: 1, max: 15, default: 3, label: s.kernel },
  stride: { kind: 'int', min: 1, max: 4, default: 1, label: s.stride },
  dilation: { kind: 'int', min: 1, max: 32, default: 1, label: s.dilation },
} as const satisfies Record<string, IntField>;
export type LayerKey = keyof typeof LAYER_FIELDS;
export const LAYER_KEYS = Object.keys(LAYER_FIELDS) as LayerKey[];

// A stack in the URL: kernel.stride.dilation per layer, layers joined by '_'. Any digits pass the
// pattern; decodeLayers clamps them into LAYER_FIELDS.
const LAYER = '\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}';
export const encodeLayers = (layers: readonly LayerSpec[]) =>
  layers.map((l) => `${l.kernel}.${l.stride ?? 1}.${l.dilation ?? 1}`).join('_');

export const settings = defineSettings('atrous-stack', {
  preset: {
    kind: 'enum',
    values: ['context', 'doubling', 'vgg', 'custom'],
    default: 'context',
    label: s.preset,
    options: s.presets,
  },
  layers: {
    kind: 'text',
    pattern: new RegExp(`${LAYER}(?:_${LAYER}){0,${MAX_LAYERS - 1}}`),
    default: encodeLayers(CONTEXT_MODULE),
  },
});
