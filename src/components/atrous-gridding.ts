/**
 * Gridding: which input pixels reach one output through two stacks of 3x3 dilated convs, and by
 * how many paths, side by side; white cells are holes. Beside each map: holes counted from the
 * tensor, the rates' common factor and what HDC's rule (Wang et al. 2018, src/lib/ops/hdc.ts)
 * promises for these rates, and why. Computes in the worker: atrousGridding.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { commonFactor, hdcGuarantee } from '../lib/ops/hdc.ts';
import { holeRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { KEYS, parseRates, settings, showRates } from './atrous-gridding.settings.ts';

const g = t.atrousGridding;

export default defineFigure(settings, ({ root, state, api }) => {
  const panels = KEYS.map((_, i) => root.querySelector<HTMLElement>(`[data-side="${i}"]`)!);
  // Old links wrote "1-2-5": show every list the way the fields read it.
  for (const key of KEYS) {
    const shown = showRates(parseRates(state.values[key]));
    if (shown !== state.values[key]) state.set({ [key]: shown });
  }
  return {
    async compute(values) {
      const lists = KEYS.map((key) => parseRates(values[key]));
      return { lists, results: await (await api()).atrousGridding(lists) };
    },
    draw({ lists, results }) {
      results.forEach((r, i) => {
        const panel = panels[i]!;
        const rates = lists[i]!;
        const canvas = panel.querySelector<HTMLCanvasElement>('canvas')!;
        drawHeatmap(canvas, r.counts, r.size, r.size, holeRamp, [0, Math.max(...r.counts)]);
        canvas.setAttribute('aria-label', g.mapAlt(showRates(rates), r.size, r.holes));
        panel.querySelector('[data-field]')!.textContent = g.field(r.size);
        panel.querySelector('[data-holes]')!.textContent = g.holes(r.holes, r.size);
        panel.querySelector('[data-factor]')!.textContent = g.factor(commonFactor(rates));
        const hdc = hdcGuarantee(rates);
        panel.querySelector('[data-hdc]')!.textContent = g.hdc[hdc.reason](hdc.m2, rates[0]!);
      });
    },
  };
});
