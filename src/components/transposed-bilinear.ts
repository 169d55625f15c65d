/**
 * FCN's bilinear initialisation: the kernel for factor f (k = 2f taps, stride f, padding f/2),
 * its 1-D taps, and its transposed conv set beside tf.image.resizeBilinear with half-pixel
 * centres. The difference map is zero inside and not on the f/2-pixel border, where the conv
 * reads zero padding and resize clamps to the edge. Computes in the worker: transposedBilinear.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { digitsFor, fmt, fmtDiff } from '../lib/viz/format.ts';
import { buildNumberInputs, paintNumberInputs } from '../lib/viz/number-inputs.ts';
import { differenceRamp, type Ramp, rampScale, valueRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';
import { SIDE, settings } from './transposed-bilinear.settings.ts';

const b = t.transposedBilinear;
// Past 8×8 the numbers no longer fit their cells, and hundreds of SVG cells cost more than a
// frame: bigger grids are drawn as pixels on a canvas, their numbers kept in the aria-label.
const MAX_PRINTED = 8;

const stairs = () => Float32Array.from({ length: SIDE * SIDE }, (_, i) => 10 * (i + 1));
const randomValues = () => Float32Array.from({ length: SIDE * SIDE }, () => Math.round(Math.random() * 100));
const list = (values: ArrayLike<number>, digits: number) => Array.from(values, (v) => fmt(v, digits)).join(', ');

export default defineFigure(settings, ({ $, api, update }) => {
  const values = stairs();
  let inputs: HTMLInputElement[] = [];

  const grid = (key: string, data: Float32Array, side: number, ramp: Ramp, digits: number) => {
    const svg = $<SVGSVGElement>(`[data-grid="${key}"]`);
    const canvas = $<HTMLCanvasElement>(`[data-map="${key}"]`);
    const asSvg = side <= MAX_PRINTED;
    // style, not the hidden attribute: the figure CSS sets canvases and svgs to display: block.
    svg.style.display = asSvg ? '' : 'none';
    canvas.style.display = asSvg ? 'none' : '';
    if (asSvg) drawValueGrid(svg, data, side, side, { color: rampScale(ramp), digits });
    else drawHeatmap(canvas, data, side, side, ramp.interpolate, ramp.domain);
    const label = `${$(`[data-title="${key}"]`).textContent}, ${side}×${side}: ${list(data, digits)}`;
    (asSvg ? svg : canvas).setAttribute('aria-label', label);
  };
  const buildInputs = () => {
    const message = $('[data-values-error]');
    inputs = buildNumberInputs($('[data-input]'), values, SIDE, b.inputLabel, () => void update(), message);
  };
  $('[data-reroll]').addEventListener('click', () => {
    values.set(randomValues());
    buildInputs();
    void update();
  });
  buildInputs();

  return {
    async compute({ factor }) {
      const f = Number(factor);
      const r = await (await api()).transposedBilinear(values, SIDE, f);
      return { ...r, factor: f, values: values.slice() };
    },
    draw(r) {
      const k = 2 * r.factor;
      const big = SIDE * r.factor;
      $('[data-title="taps"]').textContent = b.taps(k);
      // Shortest exact form of each tap: 0.25, 0.125, 1.
      $('[data-taps]').textContent = `[${r.taps.map((v) => String(Number(v.toFixed(6)))).join(', ')}]`;
      $('[data-title="kernel"]').textContent = b.kernel(k);
      grid('kernel', r.kernel, k, { interpolate: valueRamp, domain: [0, 1] }, k <= 4 ? 4 : 3);

      $('[data-title="transposed"]').textContent = b.transposed(k, r.factor, r.factor / 2);
      const all = [...r.transposed, ...r.resized, ...r.values];
      const valueColours: Ramp = { interpolate: valueRamp, domain: [Math.min(0, ...all), Math.max(...all)] };
      paintNumberInputs(inputs, r.values, rampScale(valueColours));
      const digits = digitsFor(all, 1);
      grid('transposed', r.transposed, big, valueColours, digits);
      grid('resized', r.resized, big, valueColours, digits);
      const m = r.borderMax || 1;
      const differences: Ramp = { interpolate: differenceRamp, domain: [-m, m] };
      grid('difference', r.difference, big, differences, digitsFor(r.difference, 1));

      $('[data-interior]').textContent = fmtDiff(r.interiorMax);
      $('[data-border-label]').textContent = b.border(r.border);
      $('[data-border]').textContent = fmt(r.borderMax, 2);
    },
  };
});
