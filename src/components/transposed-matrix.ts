/**
 * The matrix view (Dumoulin & Visin §4.1): the 4×16 matrix C of a 3×3 convolution on a 4×4
 * input, built from tf.conv2d on one-hot images, and its transpose. Cᵀ·y is computed as a matrix
 * product and by tf.conv2dTranspose, with their largest difference; then Cᵀ(C·x) is set beside x
 * to show that the transpose restores the shape, not the values. Computes in the worker:
 * transposedMatrix.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { digitsFor, fmt, fmtDiff } from '../lib/viz/format.ts';
import { buildNumberInputs, paintNumberInputs } from '../lib/viz/number-inputs.ts';
import { valueScale } from '../lib/viz/palette.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';
import { CONFIGS, settings } from './transposed-matrix.settings.ts';

const m = t.transposedMatrix;
// Distinct taps 1…9, so each entry of C can be traced back to its place in the kernel.
const KERNEL = Float32Array.from({ length: 9 }, (_, i) => i + 1);

const randomInts = (n: number, hi: number) =>
  Float32Array.from({ length: n }, () => Math.floor(Math.random() * (hi + 1)));

export default defineFigure(settings, ({ $, api, update }) => {
  // y = two stamps, one twice the other; x = small whole numbers.
  const y = Float32Array.from([1, 0, 0, 2]);
  const x = Float32Array.from({ length: 16 }, (_, i) => (3 * i + Math.floor(i / 4)) % 4);
  let yInputs: HTMLInputElement[] = [];
  let xInputs: HTMLInputElement[] = [];

  type Color = (v: number) => string;
  const grid = (key: string, name: string, values: Float32Array, rows: number, cols: number, color: Color) => {
    const svg = $<SVGSVGElement>(`[data-grid="${key}"]`);
    const digits = digitsFor(values, 2);
    drawValueGrid(svg, values, rows, cols, { color, digits });
    svg.setAttribute('aria-label', m.cellLabel(name, rows, cols, Array.from(values, (v) => fmt(v, digits)).join(', ')));
  };
  const message = $('[data-values-error]');
  const buildInputs = () => {
    const label = (name: string) => (row: number, col: number) => m.inputLabel(name, row, col);
    yInputs = buildNumberInputs($('[data-input="y"]'), y, 2, label('y'), () => void update(), message);
    xInputs = buildNumberInputs($('[data-input="x"]'), x, 4, label('x'), () => void update(), message);
  };
  $('[data-reroll]').addEventListener('click', () => {
    y.set(randomInts(4, 3));
    x.set(randomInts(16, 3));
    buildInputs();
    void update();
  });
  buildInputs();

  return {
    async compute({ config }) {
      const { stride, padding } = CONFIGS[config];
      const r = await (await api()).transposedMatrix(KERNEL, stride, padding, x, y);
      return { ...r, x: x.slice(), y: y.slice() };
    },
    draw(r) {
      const rows = r.out * r.out;
      // C and Cᵀ hold the same entries, laid out the other way.
      const ct = Float32Array.from({ length: 16 * rows }, (_, i) => r.c[(i % rows) * 16 + Math.floor(i / rows)]!);
      const kernelColor = valueScale(0, 9);
      grid('kernel', m.kernel, KERNEL, 3, 3, kernelColor);
      grid('c', 'C', r.c, rows, 16, kernelColor);
      grid('ct', 'Cᵀ', ct, 16, rows, kernelColor);
      $('[data-title="c"]').textContent = m.c(rows);
      $('[data-title="ct"]').textContent = m.ct(rows);

      const outs = [...r.byMatrix, ...r.byConv, ...r.y];
      const outColor = valueScale(Math.min(0, ...outs), Math.max(...outs));
      paintNumberInputs(yInputs, r.y, outColor);
      grid('byMatrix', m.byMatrix, r.byMatrix, 4, 4, outColor);
      grid('byConv', m.byConv, r.byConv, 4, 4, outColor);
      $('[data-maxdiff]').textContent = fmtDiff(r.maxDiff);
      $('[data-output-padding]').textContent = String(r.outputPadding);

      const trip = [...r.x, ...r.cx, ...r.ctcx];
      const tripColor = valueScale(Math.min(0, ...trip), Math.max(...trip));
      paintNumberInputs(xInputs, r.x, tripColor);
      grid('cx', m.cx, r.cx, r.out, r.out, tripColor);
      grid('ctcx', m.ctcx, r.ctcx, 4, 4, tripColor);
      $('[data-roundtrip]').textContent = fmt(r.roundTripDiff, digitsFor([r.roundTripDiff], 2));
    },
  };
});
