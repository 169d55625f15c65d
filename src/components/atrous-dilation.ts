/**
 * A 3x3 kernel at rate r over a real photo: the nine taps drawn at the cursor, the dilated conv's
 * output beside it, the effective kernel size and the (unchanged) number of weights. Computes in
 * the worker: atrousConvImage (tf.conv2d with dilations) per update; once, after the first draw,
 * atrousSpaceToBatchCheck compares it with spaceToBatchND → conv → batchToSpaceND at every rate.
 */
import { interpolateRdBu, select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { atrousTaps } from '../lib/ops/atrous-taps.ts';
import { fmt, fmtDiff } from '../lib/viz/format.ts';
import { loadGreyPhoto } from '../lib/viz/grey-photo.ts';
import { differenceScale, greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { bindCursor } from '../lib/viz/pointer.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';
import { SIDE, settings } from './atrous-dilation.settings.ts';

const a = t.atrousDilation;

export default defineFigure(settings, async ({ $, root, state, api, update }) => {
  const photoCanvas = $<HTMLCanvasElement>('[data-photo]');
  const outputCanvas = $<HTMLCanvasElement>('[data-output]');
  const { grey, levels: image } = await loadGreyPhoto(root.dataset.src!, SIDE, a.failed);
  drawHeatmap(photoCanvas, grey, SIDE, SIDE, greyRamp, [0, 255]);

  // Marks over the photo: the k̂×k̂ span, the lines joining the taps, then each tap as a
  // pixel-sized square, each in two strokes so it shows on dark and light pixels alike.
  const taps = select($<SVGSVGElement>('[data-taps]'));
  const span = taps
    .append('rect')
    .attr('fill', 'none')
    .attr('stroke', '#f0a500')
    .attr('stroke-width', 0.5)
    .attr('stroke-dasharray', '1.5 1');
  const strokes = [
    ['#000', 1],
    ['#f0a500', 0.5],
  ].map(([stroke, width]) => ({
    lines: taps
      .append('g')
      .attr('stroke', stroke)
      .attr('stroke-width', Number(width) * 0.6)
      .attr('stroke-opacity', 0.8),
    marks: taps.append('g').attr('fill', 'none').attr('stroke', stroke).attr('stroke-width', width),
  }));
  const marker = select($<SVGSVGElement>('[data-marker]'))
    .append('rect')
    .attr('width', 3)
    .attr('height', 3)
    .attr('fill', 'none')
    .attr('stroke', '#f0a500')
    .attr('stroke-width', 0.6);
  let output: Float32Array | undefined;

  const drawCursor = () => {
    const { row, col, rate } = state.values;
    const tapList = atrousTaps(row, col, rate, 3, SIDE, SIDE);
    const [first, last] = [tapList[0]!, tapList.at(-1)!];
    span
      .attr('x', first.col)
      .attr('y', first.row)
      .attr('width', last.col - first.col + 1)
      .attr('height', last.row - first.row + 1);
    // rows and columns of taps: taps 0–2, 3–5, 6–8 and 0/3/6, 1/4/7, 2/5/8
    const joins = [0, 1, 2].flatMap((i) => [
      [tapList[3 * i]!, tapList[3 * i + 2]!],
      [tapList[i]!, tapList[i + 6]!],
    ]);
    for (const { lines, marks } of strokes) {
      lines
        .selectAll('line')
        .data(joins)
        .join('line')
        .attr('x1', ([p]) => p.col + 0.5)
        .attr('y1', ([p]) => p.row + 0.5)
        .attr('x2', ([, q]) => q.col + 0.5)
        .attr('y2', ([, q]) => q.row + 0.5);
      marks
        .selectAll('rect')
        .data(tapList)
        .join('rect')
        .attr('x', (d) => d.col - 0.5)
        .attr('y', (d) => d.row - 0.5)
        .attr('width', 2)
        .attr('height', 2)
        .attr('stroke-dasharray', (d) => (d.inside ? null : '0.4 0.4'));
    }
    marker.attr('x', col - 1).attr('y', row - 1);
    const under = tapList.map((d) => (d.inside ? image[d.row * SIDE + d.col]! : 0));
    drawValueGrid($('[data-tap-values]'), under, 3, 3, { color: (v) => greyRamp(v), digits: 2 });
    $('[data-tap-values]').setAttribute('aria-label', `${a.tapsTitle}: ${under.map((v) => fmt(v)).join(', ')}`);
    if (output) $('[data-cursor]').textContent = a.cursor(row, col, fmt(output[row * SIDE + col]!, 3));
  };
  bindCursor(
    photoCanvas,
    SIDE,
    SIDE,
    () => [state.values.row, state.values.col],
    (row, col) => {
      state.set({ row, col });
      drawCursor();
    },
  );
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ kernel: 'random', seed: (state.values.seed % 9999) + 1 });
    void update();
  });
  // Once, after the first draw: the space-to-batch identity at every rate the slider offers.
  let checked = false;
  const checkSpaceToBatch = async () => {
    checked = true;
    const max = settings.fields.rate.max;
    const diff = await (await api()).atrousSpaceToBatchCheck(image, SIDE, max);
    $('[data-space-to-batch]').textContent = a.spaceToBatch(max, fmtDiff(diff));
  };

  return {
    compute: async ({ kernel, seed, rate }) => (await api()).atrousConvImage(image, SIDE, kernel, seed, rate),
    draw(r, { rate }) {
      output = r.output;
      let maxAbs = 0;
      for (const v of r.output) maxAbs = Math.max(maxAbs, Math.abs(v));
      // Signed responses on red–white–blue around zero; a blur's output stays a grey photo.
      if (r.weights.some((w) => w < 0))
        drawHeatmap(outputCanvas, r.output, SIDE, SIDE, interpolateRdBu, [-maxAbs, maxAbs]);
      else drawHeatmap(outputCanvas, r.output, SIDE, SIDE, greyRamp, [0, 1]);
      outputCanvas.setAttribute('aria-label', a.outputAlt(rate));
      const weightColor = differenceScale(Math.max(...r.weights.map(Math.abs)));
      drawValueGrid($('[data-weights]'), r.weights, 3, 3, { color: weightColor, digits: 2 });
      $('[data-weights]').setAttribute(
        'aria-label',
        `${a.weightsTitle}: ${Array.from(r.weights, (w) => fmt(w)).join(', ')}`,
      );
      $('[data-span]').textContent = a.span(r.effectiveKernel);
      $('[data-params]').textContent = a.weights(r.parameters);
      $('[data-zeros]').textContent = a.zeros(r.effectiveKernel, r.dilated.filter((v) => v !== 0).length);
      drawCursor();
      if (!checked) {
        void checkSpaceToBatch().catch((e: Error) => {
          $('[data-space-to-batch]').textContent = t.figure.error(e.message);
        });
      }
    },
  };
});
