/**
 * One MNIST test digit through the trained classifier twice: as trained (flatten → Dense → Dense)
 * and with the same Dense weights reshaped into convolution kernels. Shows both sets of ten
 * probabilities, their largest difference and the kernel shapes, and one output unit's weights
 * both as a Dense column and as a conv kernel slice. Computes in the worker:
 * fullyConvDigit (ops/convolutionalize.ts).
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { DigitResult } from '../lib/runtime/worker/tasks/fully-convolutional.ts';
import { fmt, fmtDiff } from '../lib/viz/format.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { differenceRamp, greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { drawProbabilityBars } from '../lib/viz/probability-bars.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';

const SETTINGS = {
  digit: { kind: 'int', min: 0, max: 9999, default: 0 },
  unit: { kind: 'int', min: 0, max: 63, default: 0 },
  channel: { kind: 'int', min: 0, max: 31, default: 0 },
} as const;

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const d = t.fullyConvDigit;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const state = urlState('fully-conv-digit', SETTINGS);
  const indexInput = $<HTMLInputElement>('[data-state="digit"]');

  const draw = (r: DigitResult) => {
    const canvas = $<HTMLCanvasElement>('[data-digit]');
    drawHeatmap(canvas, r.pixels, 28, 28, greyRamp, [0, 255]);
    canvas.setAttribute('aria-label', d.digitAlt(r.index, r.label));
    const units = r.featureShape.reduce((a, b) => a * b, 1);
    $('[data-flatten]').textContent = d.flatten(r.featureShape, units);
    r.denseKernels.forEach((s, i) => ($(`[data-dense-shape="${i}"]`).textContent = d.shape(s)));
    r.convKernels.forEach((s, i) => ($(`[data-conv-shape="${i}"]`).textContent = d.shape(s)));
    $('[data-conv-output]').textContent = d.convOutput(r.convOutputShape);
    drawProbabilityBars($('[data-dense]'), r.dense);
    drawProbabilityBars($('[data-conv]'), r.conv);
    $('[data-maxdiff]').textContent = fmtDiff(r.maxDiff);
    const predicted = r.conv.indexOf(Math.max(...r.conv));
    $('[data-verdict]').textContent = d.verdict(r.label, predicted, fmt(r.conv[predicted], 4));
    drawWeights(r);
  };

  /** fc1's column for one unit as positions × channels, and the conv kernel's h×w slice of it. */
  const drawWeights = (r: DigitResult) => {
    const [h, w, channels] = r.featureShape;
    const extent = r.column.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
    const column = $<HTMLCanvasElement>('[data-column]');
    drawHeatmap(column, r.column, channels, h * w, differenceRamp, [-extent, extent]);
    column.setAttribute('aria-label', d.columnLabel(r.unit));
    select($<SVGSVGElement>('[data-channel-mark]')).attr('viewBox', `0 0 ${channels} ${h * w}`)
      .attr('preserveAspectRatio', 'none').selectAll('rect').data([r.channel]).join('rect')
      .attr('x', (c) => c).attr('y', 0).attr('width', 1).attr('height', h * w)
      .attr('fill', 'none').attr('stroke', '#111').attr('stroke-width', 0.35);
    const slice = $<HTMLCanvasElement>('[data-slice]');
    drawHeatmap(slice, r.slice, w, h, differenceRamp, [-extent, extent]);
    slice.setAttribute('aria-label', d.sliceLabel(Array.from(r.slice, (v) => fmt(v, 3)).join(', ')));
    $('[data-column-title]').textContent = d.column(r.unit, r.column.length);
    $('[data-column-note]').textContent = d.columnNote(h * w, channels);
    $('[data-slice-title]').textContent = d.slice(r.unit, r.channel);
    $('[data-slice-note]').textContent = d.sliceNote(w, channels, r.channel);
  };

  const update = liveUpdate(
    'fully-conv-digit',
    async () => {
      const { digit, unit, channel } = state.values;
      const r = await api.fullyConvDigit(digit, unit, channel).catch((e: Error) => {
        throw new Error(t.fullyConv.modelFailed(e.message));
      });
      // The shipped set's size is known only now: wrap the index into it.
      indexInput.max = String(r.count - 1);
      if (r.index !== state.values.digit) state.set({ digit: r.index });
      indexInput.value = String(r.index);
      draw(r);
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  bindControls(root, state, () => void update(undefined));
  $('[data-reroll]').addEventListener('click', () => {
    const count = Number(indexInput.max) + 1;
    state.set({ digit: (state.values.digit + 1 + Math.floor(Math.random() * (count - 1))) % count });
    void update(undefined);
  });

  await update(undefined);
}
