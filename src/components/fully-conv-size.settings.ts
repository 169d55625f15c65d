import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const z = t.fullyConvSize;

// Kernel 1 stays allowed: with s = 1 and p = 0 it shows a 1×1 convolution keeping the map size.
export const settings = defineSettings('fully-conv-size', {
  dims: {
    kind: 'enum',
    values: ['1', '2'],
    default: '1',
    control: 'radio',
    label: z.dims,
    options: { 1: z.one, 2: z.two },
  },
  input: { kind: 'int', min: 1, max: 16, default: 7, control: 'number', label: z.input },
  kernel: { kind: 'int', min: 1, max: 7, default: 3, control: 'number', label: z.kernel },
  stride: { kind: 'int', min: 1, max: 4, default: 2, control: 'number', label: z.stride },
  padding: { kind: 'int', min: 0, max: 4, default: 1, control: 'number', label: z.padding },
  dilation: { kind: 'int', min: 1, max: 4, default: 1, control: 'number', label: z.dilation },
});
