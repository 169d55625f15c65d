import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const g = t.atrousGridding;

/** At most this many layers of rates 1 to MAX_RATE: the largest field, 6·2·16 + 1 = 193, stays drawable. */
export const MAX_LAYERS = 6;
export const MAX_RATE = 16;
const RATE = '(?:[1-9]|1[0-6])';
// Rates separated by commas, semicolons, spaces or hyphens ("1, 2, 5" as typed, "1-2-5" in old links).
const RATES = new RegExp(`\\s*${RATE}(?:\\s*[,;\\s-]\\s*${RATE}){0,${MAX_LAYERS - 1}}\\s*`);

export const KEYS = ['ratesA', 'ratesB'] as const;

export const settings = defineSettings('atrous-gridding', {
  ratesA: { kind: 'text', pattern: RATES, default: '2, 4, 8', label: g.rates(g.sides[0]) },
  ratesB: { kind: 'text', pattern: RATES, default: '1, 2, 5', label: g.rates(g.sides[1]) },
});

export const parseRates = (text: string) =>
  text
    .trim()
    .split(/[\s,;-]+/)
    .map(Number);
/** How a list reads in its field and in the URL. */
export const showRates = (rates: readonly number[]) => rates.join(', ');
