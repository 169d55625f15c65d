/**
 * One MNIST test digit through the trained classifier twice: as trained (flatten → Dense → Dense)
 * and with the same Dense weights reshaped into convolution kernels. Shows both sets of ten
 * probabilities, their largest difference and the kernel shapes, and one output unit's weights
 * both as a Dense column and as a conv kernel slice. Computes in the worker:
 * fullyConvDigit (ops/convolutionalize.ts).
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import { DIGIT_SIZE } from '../lib/data/digits.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { DigitResult } from '../lib/runtime/worker/tasks/fully-convolutional.ts';
import { fmt, fmtDiff } from '../lib/viz/format.ts';
import { differenceRamp, greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { drawProbabilityBars } from '../lib/viz/probability-bars.ts';
import { settings } from './fully-conv-digit.settings.ts';

const d = t.fullyConvDigit;

export default defineFigure(settings, ({ $, state, api, update }) => {
  /** fc1's column for one unit as positions × channels, and the conv kernel's h×w slice of it. */
  const drawWeights = (r: DigitResult) => {
    const [h, w, channels] = r.featureShape;
    const extent = r.column.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
    const column = $<HTMLCanvasElement>('[data-column]');
    drawHeatmap(column, r.column, channels, h * w, differenceRamp, [-extent, extent]);
    column.setAttribute('aria-label', d.columnLabel(r.unit));
    select($<SVGSVGElement>('[data-channel-mark]'))
      .attr('viewBox', `0 0 ${channels} ${h * w}`)
      .attr('preserveAspectRatio', 'none')
      .selectAll('rect')
      .data([r.channel])
      .join('rect')
      .attr('x', (c) => c)
      .attr('y', 0)
      .attr('width', 1)
      .attr('height', h * w)
      .attr('fill', 'none')
      .attr('stroke', '#111')
      .attr('stroke-width', 0.35);
    const slice = $<HTMLCanvasElement>('[data-slice]');
    drawHeatmap(slice, r.slice, w, h, differenceRamp, [-extent, extent]);
    slice.setAttribute('aria-label', d.sliceLabel(Array.from(r.slice, (v) => fmt(v, 3)).join(', ')));
    $('[data-column-title]').textContent = d.column(r.unit, r.column.length);
    $('[data-column-note]').textContent = d.columnNote(h * w, channels);
    $('[data-slice-title]').textContent = d.slice(r.unit, r.channel);
    $('[data-slice-note]').textContent = d.sliceNote(w, channels, r.channel);
  };

  $('[data-reroll]').addEventListener('click', () => {
    // Any digit but the one shown.
    const count = settings.fields.digit.max + 1;
    state.set({ digit: (state.values.digit + 1 + Math.floor(Math.random() * (count - 1))) % count });
    void update();
  });

  return {
    // The index is always one of the shipped digits (the field's range), so no result is ever
    // written back into the state, and a slow answer can never overwrite newer typing.
    compute: async ({ digit, unit, channel }) => (await api()).fullyConvDigit(digit, unit, channel),
    draw(r) {
      const canvas = $<HTMLCanvasElement>('[data-digit]');
      drawHeatmap(canvas, r.pixels, DIGIT_SIZE, DIGIT_SIZE, greyRamp, [0, 255]);
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
      $('[data-verdict]').textContent = d.verdict(r.label, predicted, fmt(r.conv[predicted]!, 4));
      drawWeights(r);
    },
  };
});
