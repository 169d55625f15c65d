/**
 * Gridding: which input pixels reach one output through two stacks of 3x3 dilated convs, and by
 * how many paths, side by side; white cells are holes. Beside each map: holes counted from the
 * tensor, the rates' common factor and HDC's maximum gap M₂ (Wang et al. 2018, src/lib/ops/hdc.ts).
 * Computes in the worker: atrousGridding.
 */
import { t } from '../i18n/en.ts';
import { commonFactor, hdcMaxGap } from '../lib/ops/hdc.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { holeRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { urlState } from '../lib/viz/url-state.ts';

// Rates as the reader types them ("1, 2, 5"), stored in the URL as "1-2-5".
const RATES = /([1-9]|1[0-6])(-([1-9]|1[0-6])){0,5}/;
const SETTINGS = {
  ratesA: { kind: 'text', pattern: RATES, default: '2-4-8' },
  ratesB: { kind: 'text', pattern: RATES, default: '1-2-5' },
} as const;
const KEYS = ['ratesA', 'ratesB'] as const;

const toUrl = (typed: string) => typed.trim().split(/[\s,;-]+/).join('-');
const shown = (stored: string) => stored.split('-').join(', ');
const parse = (stored: string) => stored.split('-').map(Number);

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const g = t.atrousGridding;
  const state = urlState('atrous-gridding', SETTINGS);
  const sides = KEYS.map((key, i) => {
    const panel = root.querySelector<HTMLElement>(`[data-side="${i}"]`)!;
    return { key, panel, input: panel.querySelector<HTMLInputElement>('input')!, invalid: panel.querySelector<HTMLElement>('[data-invalid]')! };
  });

  const update = liveUpdate(
    'atrous-gridding',
    async () => {
      const lists = KEYS.map((key) => parse(state.values[key]));
      const results = await api.atrousGridding(lists);
      results.forEach((r, i) => {
        const { panel } = sides[i]!;
        const rates = lists[i]!;
        const canvas = panel.querySelector<HTMLCanvasElement>('canvas')!;
        drawHeatmap(canvas, r.counts, r.size, r.size, holeRamp, [0, Math.max(...r.counts)]);
        canvas.setAttribute('aria-label', g.mapAlt(rates.join(', '), r.size, r.holes));
        panel.querySelector('[data-field]')!.textContent = g.field(r.size);
        panel.querySelector('[data-holes]')!.textContent = g.holes(r.holes, r.size);
        panel.querySelector('[data-factor]')!.textContent = g.factor(commonFactor(rates));
        panel.querySelector('[data-hdc]')!.textContent = g.hdc(hdcMaxGap(rates));
      });
    },
    (err) => setFigureState(root, 'error', t.figure.error(err.message)),
  );

  for (const { key, input, invalid } of sides) {
    input.value = shown(state.values[key]);
    input.addEventListener('input', () => {
      const stored = toUrl(input.value);
      const ok = new RegExp(`^(?:${RATES.source})$`).test(stored);
      invalid.hidden = ok;
      input.setAttribute('aria-invalid', String(!ok));
      if (!ok) return;
      state.set({ [key]: stored });
      void update(undefined);
    });
  }
  await update(undefined);
}
