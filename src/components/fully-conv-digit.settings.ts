import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const d = t.fullyConvDigit;
// What ships and what the classifier has (tests/unit/runtime-fully-convolutional-tasks.test.ts checks
// both against the worker): the first 300 MNIST test digits (scripts/export-test-digits.ts), and
// fc1's 64 output units reading a 7×7×32 map (src/lib/models/classifier.ts).
export const SHIPPED_DIGITS = 300;
export const FC1_UNITS = 64;
export const FEATURE_CHANNELS = 32;

export const settings = defineSettings('fully-conv-digit', {
  digit: { kind: 'int', min: 0, max: SHIPPED_DIGITS - 1, default: 0, control: 'number', label: d.index },
  unit: { kind: 'int', min: 0, max: FC1_UNITS - 1, default: 0, control: 'number', label: d.unit },
  channel: { kind: 'int', min: 0, max: FEATURE_CHANNELS - 1, default: 0, control: 'number', label: d.channel },
});
