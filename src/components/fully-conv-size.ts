/**
 * The output-size formula beside a real tf.conv2d: the reader sets input, kernel, stride,
 * padding and dilation; the figure prints o = ⌊(i + 2p − k − (k−1)(d−1))/s⌋ + 1 with the numbers
 * filled in, the shape tf.conv2d returns for the same settings, and draws every window (1-D) or
 * the selected window (2-D). Formula: ops/conv-arithmetic.ts; tf: the worker's fullyConvOutputShape.
 */
import { t } from '../i18n/en.ts';
import { convOutputSize, effectiveKernelSize, windowPositions } from '../lib/ops/conv-arithmetic.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { OutputShapeResult } from '../lib/runtime/worker/tasks/fully-convolutional.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { arrowStep } from '../lib/viz/pointer.ts';
import { drawWindow2d, drawWindows1d } from '../lib/viz/sliding-windows.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';

const SETTINGS = {
  dims: { kind: 'enum', values: ['1', '2'], default: '1' },
  input: { kind: 'int', min: 1, max: 16, default: 7 },
  kernel: { kind: 'int', min: 1, max: 7, default: 3 },
  stride: { kind: 'int', min: 1, max: 4, default: 2 },
  padding: { kind: 'int', min: 0, max: 4, default: 1 },
  dilation: { kind: 'int', min: 1, max: 4, default: 1 },
} as const;

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const z = t.fullyConvSize;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const state = urlState('fully-conv-size', SETTINGS);
  const svg = $<SVGSVGElement>('[data-windows]');
  let selected = { row: 0, col: 0 };
  let shown: { result: OutputShapeResult; o: number } | undefined;

  const formulaText = (i: number, k: number, s: number, p: number, d: number) => {
    const top = i + 2 * p - k - (k - 1) * (d - 1);
    const raw = Math.floor(top / s) + 1;
    return `o = ⌊(${i} + 2·${p} − ${k} − (${k}−1)(${d}−1)) / ${s}⌋ + 1 = ⌊${top}/${s}⌋ + 1 = ${raw}`;
  };

  const draw = () => {
    if (!shown) return;
    const { input, kernel, stride, padding, dilation } = state.values;
    const windows = windowPositions(input, kernel, stride, padding, dilation);
    const diagram = { input, padBefore: padding, padAfter: padding, windows, values: shown.result.values, padLabel: z.pad };
    svg.setAttribute('aria-label', z.drawingLabel(shown.o));
    const describe = (taps: number[]) => `[${taps.join(', ')}]`;
    if (state.values.dims === '1' || shown.o === 0) {
      drawWindows1d(svg, diagram);
      $('[data-window]').textContent = '';
      return;
    }
    selected = { row: Math.min(selected.row, shown.o - 1), col: Math.min(selected.col, shown.o - 1) };
    drawWindow2d(svg, diagram, selected, (row, col) => {
      if (row === selected.row && col === selected.col) return;
      selected = { row, col };
      draw();
    });
    $('[data-window]').textContent = z.window(`(${selected.row}, ${selected.col})`, `${describe(windows[selected.row]!.taps)} × ${describe(windows[selected.col]!.taps)}`);
  };

  const update = liveUpdate(
    'fully-conv-size',
    async () => {
      const { input, kernel, stride, padding, dilation } = state.values;
      const dims = state.values.dims === '2' ? 2 : 1;
      const result = await api.fullyConvOutputShape(input, kernel, stride, padding, dilation, dims);
      const o = convOutputSize(input, kernel, stride, padding, dilation);
      const span = effectiveKernelSize(kernel, dilation);
      const inShape = dims === 2 ? [1, input, input, 1] : [1, 1, input, 1];
      const kShape = dims === 2 ? [kernel, kernel, 1, 1] : [1, kernel, 1, 1];
      $('[data-formula]').textContent = formulaText(input, kernel, stride, padding, dilation);
      $('[data-tf-call]').textContent = z.call(inShape, kShape, stride, padding, dilation);
      $('[data-tf-shape]').textContent = result.shape ? z.gives(result.shape) : z.refused(result.error ?? '');
      const expected = dims === 2 ? [1, o, o, 1] : [1, 1, o, 1];
      const agree = o > 0 ? result.shape?.join() === expected.join() : !result.shape || result.shape.some((v) => v <= 0);
      $('[data-verdict]').textContent = agree ? z.agree : z.disagree;
      const notes = [o === 0 ? z.noFit(span, input + 2 * padding) : '', result.writtenOut ? z.writtenOut : ''];
      $('[data-note]').textContent = notes.filter(Boolean).join(' ');
      shown = { result, o };
      draw();
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  svg.addEventListener('keydown', (event) => {
    const move = arrowStep(event);
    if (!move || !shown || state.values.dims !== '2') return;
    event.preventDefault();
    const clamp = (v: number) => Math.min(Math.max(v, 0), shown!.o - 1);
    selected = { row: clamp(selected.row + move[0]), col: clamp(selected.col + move[1]) };
    draw();
  });
  bindControls(root, state, () => void update(undefined));

  await update(undefined);
}
