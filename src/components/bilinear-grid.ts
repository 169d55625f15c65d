/**
 * A small grid the reader edits, upsampled twice: by tf.image.resizeBilinear and by the lesson's
 * formula (ops/bilinear.ts), side by side with their largest difference, under a chosen
 * coordinate convention, and the TF.js default's shift against half-pixel centres measured from
 * where each convention samples. Computes in the worker: bilinearUpsample.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { defaultShift } from '../lib/ops/bilinear-coordinates.ts';
import { fmt, fmtDiff } from '../lib/viz/format.ts';
import { buildNumberInputs, paintNumberInputs } from '../lib/viz/number-inputs.ts';
import { valueScale } from '../lib/viz/palette.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';
import { settings } from './bilinear-grid.settings.ts';

const g = t.bilinearGrid;

const randomValues = (n: number) => Float32Array.from({ length: n * n }, () => Math.round(Math.random() * 100));
const stairs = (n: number) => Float32Array.from({ length: n * n }, (_, i) => 10 * (i + 1));

export default defineFigure(settings, ({ $, state, api, update }) => {
  const inputGrid = $('[data-input]');
  const message = $('[data-values-error]');
  let values: Float32Array = new Float32Array();
  let inputs: HTMLInputElement[] = [];
  let shownSize = 0;
  let shownSide = 0;
  const buildInputs = (n: number, next: Float32Array) => {
    shownSize = n;
    values = next;
    inputs = buildNumberInputs(inputGrid, values, n, g.cellLabel, () => void update(), message);
  };
  $('[data-reroll]').addEventListener('click', () => {
    buildInputs(shownSize, randomValues(shownSize));
    void update();
  });
  // Switching to a custom size starts from the size on screen.
  $('[data-state="scale"]').addEventListener('change', () => {
    if (state.values.scale !== 'custom' || !shownSide) return;
    state.set({ side: shownSide });
    void update();
  });

  return {
    async compute({ n, scale, side, convention }) {
      const size = Number(n);
      if (size !== shownSize) buildInputs(size, stairs(size));
      const outSide = scale === 'custom' ? side : size * Number(scale);
      const asked = values.slice();
      const result = await (await api()).bilinearUpsample(asked, [size, size], [outSide, outSide], convention);
      return { ...result, input: asked, size, outSide };
    },
    draw(r, { scale }) {
      const { size, outSide } = r;
      shownSide = outSide;
      $('[data-custom]').hidden = scale !== 'custom';
      const color = valueScale(Math.min(...r.input), Math.max(...r.input));
      const digits = outSide > 8 ? 1 : 2;
      paintNumberInputs(inputs, values, color);
      for (const [key, data] of [
        ['tfjs', r.tfjs],
        ['ours', r.ours],
      ] as const) {
        const svg = $<SVGSVGElement>(`[data-${key}]`);
        drawValueGrid(svg, data, outSide, outSide, { color, digits });
        svg.setAttribute('aria-label', `${outSide}×${outSide}: ${Array.from(data, (v) => fmt(v, digits)).join(', ')}`);
      }
      $('[data-maxdiff]').textContent = fmtDiff(r.maxDiff);
      $('[data-source-x]').textContent = r.sourceX.map((x) => fmt(x)).join(', ');
      // Read off where the two conventions sample; the same at every output pixel.
      const shift = defaultShift(size, outSide)[0]!;
      $('[data-shift]').textContent = g.shift(
        size,
        outSide,
        fmt(shift),
        fmt((shift * outSide) / size),
        fmt((1 - size / outSide) / 2),
      );
    },
  };
});
