/**
 * The output-size formula beside a real tf.conv2d: the reader sets input, kernel, stride,
 * padding and dilation; the figure prints o = ⌊(i + 2p − k − (k−1)(d−1))/s⌋ + 1 with the numbers
 * filled in, the shape tf.conv2d returns for the same settings, and draws every window (1-D) or
 * the selected window (2-D). When no window fits, o is 0 and the output empty, never negative.
 * Formula: ops/conv-arithmetic.ts; tf: the worker's fullyConvOutputShape.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { Values } from '../lib/figure/settings.ts';
import { convOutputSize, effectiveKernelSize, windowPositions } from '../lib/ops/conv-arithmetic.ts';
import type { OutputShapeResult } from '../lib/runtime/worker/tasks/fully-convolutional.ts';
import { arrowStep } from '../lib/viz/pointer.ts';
import { drawWindow2d, drawWindows1d } from '../lib/viz/sliding-windows.ts';
import { settings } from './fully-conv-size.settings.ts';

const z = t.fullyConvSize;
type Shown = Values<typeof settings.fields>;

export default defineFigure(settings, ({ $, api }) => {
  const svg = $<SVGSVGElement>('[data-windows]');
  let selected = { row: 0, col: 0 };
  let shown: { result: OutputShapeResult; values: Shown; o: number } | undefined;

  const drawWindows = () => {
    if (!shown) return;
    const {
      result,
      o,
      values: { dims, input, kernel, stride, padding, dilation },
    } = shown;
    const windows = windowPositions(input, kernel, stride, padding, dilation);
    const diagram = { input, padBefore: padding, padAfter: padding, windows, values: result.values, padLabel: z.pad };
    svg.setAttribute('aria-label', z.drawingLabel(o));
    if (dims === '1' || o === 0) {
      drawWindows1d(svg, diagram);
      $('[data-window]').textContent = '';
      return;
    }
    selected = { row: Math.min(selected.row, o - 1), col: Math.min(selected.col, o - 1) };
    drawWindow2d(svg, diagram, selected, (row, col) => {
      if (row === selected.row && col === selected.col) return;
      selected = { row, col };
      drawWindows();
    });
    const taps = (i: number) => `[${windows[i]!.taps.join(', ')}]`;
    $('[data-window]').textContent = z.window(
      `(${selected.row}, ${selected.col})`,
      `${taps(selected.row)} × ${taps(selected.col)}`,
    );
  };

  svg.addEventListener('keydown', (event) => {
    const move = arrowStep(event);
    if (!move || !shown || shown.values.dims !== '2' || shown.o === 0) return;
    event.preventDefault();
    const clamp = (v: number) => Math.min(Math.max(v, 0), shown!.o - 1);
    selected = { row: clamp(selected.row + move[0]), col: clamp(selected.col + move[1]) };
    drawWindows();
  });

  return {
    compute: async ({ input, kernel, stride, padding, dilation, dims }) =>
      (await api()).fullyConvOutputShape(input, kernel, stride, padding, dilation, dims === '2' ? 2 : 1),
    draw(result, values) {
      const { input: i, kernel: k, stride: s, padding: p, dilation: d, dims } = values;
      const o = convOutputSize(i, k, s, p, d);
      const span = effectiveKernelSize(k, d);
      const top = i + 2 * p - span;
      $('[data-formula]').textContent = z.formula(i, k, s, p, d) + (top < 0 ? z.none(top) : z.worked(top, s, o));
      const inShape = dims === '2' ? [1, i, i, 1] : [1, 1, i, 1];
      const kShape = dims === '2' ? [k, k, 1, 1] : [1, k, 1, 1];
      $('[data-tf-call]').textContent = z.call(inShape, kShape, s, p, d);
      $('[data-tf-shape]').textContent = o === 0 ? z.empty(result.shape) : z.gives(result.shape);
      const expected = dims === '2' ? [1, o, o, 1] : [1, 1, o, 1];
      const agree = result.shape.join() === expected.join();
      $('[data-verdict]').textContent = o === 0 ? z.noFit(span, i + 2 * p) : agree ? z.agree : z.disagree;
      $('[data-note]').textContent = result.writtenOut ? z.writtenOut : '';
      shown = { result, values: { ...values }, o };
      drawWindows();
    },
  };
});
