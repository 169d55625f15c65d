import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const v = t.atrousValidTaps;

/** The rates of the curves: 1 up to this. */
export const MAX_RATE = 80;
/** Rates whose shares the table lists on the chosen map: DeepLab's three, and where the filter degenerates. */
export const FACT_RATES = [6, 12, 18, 33, 65] as const;

/**
 * DeepLab v3's ASPP rates at each output stride (§3.3), on 513×513 training crops. The map a rate
 * meets has side (crop − 1)/stride + 1: 33 at output stride 16, 65 at 8.
 */
export const CROP = 513;
export const PAIRINGS = [
  { outputStride: 16, rates: [6, 12, 18] },
  { outputStride: 8, rates: [12, 24, 36] },
] as const;
export const mapSide = (outputStride: number) => (CROP - 1) / outputStride + 1;

export const settings = defineSettings('atrous-valid-taps', {
  size: { kind: 'int', min: 5, max: 129, default: 65, control: 'number', label: v.size },
  rate: { kind: 'int', min: 1, max: MAX_RATE, default: 12, label: v.rate },
});
