/**
 * What learning changes: the trained 2× upsampler of a shipped FCN (its first learned stride-2
 * transposed conv, found in the model) against the bilinear kernel it was initialised with, tap
 * by tap, and one class's score map upsampled by both. Computes in the worker: transposedLearned,
 * which loads the model through the verifying loader.
 */
import * as Comlink from 'comlink';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { fmt } from '../lib/viz/format.ts';
import { differenceScale, valueScale } from '../lib/viz/palette.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';
import { SIDE, settings } from './transposed-learned.settings.ts';

const l = t.transposedLearned;
const DIGITS = 3;
const kB = (bytes: number) => (bytes / 1024).toFixed(0);
const maxAbs = (values: ArrayLike<number>) => Array.from(values).reduce((m, v) => Math.max(m, Math.abs(v)), 0);

export default defineFigure(settings, ({ $, api, status }) => {
  type Color = (v: number) => string;
  const grid = (key: string, title: string, values: Float32Array, side: number, color: Color, digits = DIGITS) => {
    const svg = $<SVGSVGElement>(`[data-grid="${key}"]`);
    drawValueGrid(svg, values, side, side, { color, digits });
    svg.setAttribute('aria-label', l.gridLabel(title, side, Array.from(values, (v) => fmt(v, digits)).join(', ')));
  };
  const progress = Comlink.proxy((received: number, total: number) => {
    if (received < total) status(l.loading(kB(received), kB(total)));
  });

  return {
    compute: async ({ model, cls, pattern }) => (await api()).transposedLearned(model, cls, pattern, SIDE, progress),
    draw(r, { cls }) {
      $('[data-source]').textContent = l.source(r.title, r.layer, r.k, r.stride, cls, r.classes[cls] ?? String(cls));
      const tapColor = valueScale(Math.min(0, ...r.learned, ...r.bilinear), Math.max(...r.learned, ...r.bilinear));
      const change = maxAbs(r.difference);
      grid('learned', l.learned, r.learned, r.k, tapColor);
      grid('bilinear', l.bilinear, r.bilinear, r.k, tapColor);
      grid('difference', l.difference, r.difference, r.k, differenceScale(change || 1));
      const relative = `${fmt((100 * change) / maxAbs(r.bilinear), 1)}%`;
      $('[data-change]').textContent = l.change(fmt(change, DIGITS), relative);
      $('[data-leak]').textContent = l.leak(cls, fmt(r.leak, DIGITS));

      const big = r.side * r.stride;
      const ups = [...r.upLearned, ...r.upBilinear];
      const mapColor = valueScale(Math.min(0, ...ups), Math.max(1, ...ups));
      grid('scores', l.scores(r.side), r.scores, r.side, mapColor, 0);
      grid('upLearned', l.upLearned, r.upLearned, big, mapColor, 2);
      grid('upBilinear', l.upBilinear, r.upBilinear, big, mapColor, 2);
      grid('upDifference', l.upDifference, r.upDifference, big, differenceScale(maxAbs(r.upDifference) || 1), 2);
      $('[data-up-leak]').textContent = l.upLeak(fmt(r.upLeak, DIGITS));
    },
  };
});
