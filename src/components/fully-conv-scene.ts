/**
 * The convolutionalized classifier slid over a seeded scene of 1–3 digits: a coarse map of class
 * probabilities, one cell per 28×28 window. The reader picks the seed, the canvas size and the
 * class shown, and points at (or arrows to) a cell to see its window and its ten probabilities.
 * Computes in the worker: fullyConvScene (data/scene.ts, ops/convolutionalize.ts).
 */
import { interpolateViridis, select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { SceneResult } from '../lib/runtime/worker/tasks/fully-convolutional.ts';
import { argmaxRgba } from '../lib/viz/class-palette.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap, drawRgba } from '../lib/viz/pixels.ts';
import { arrowStep, pixelAt } from '../lib/viz/pointer.ts';
import { drawProbabilityBars } from '../lib/viz/probability-bars.ts';
import { settings } from './fully-conv-scene.settings.ts';

const s = t.fullyConvScene;

/** Scores per cell, read off the result rather than assumed. */
const classesOf = (r: SceneResult) => r.probs.length / (r.rows * r.cols);
const cellProbs = (r: SceneResult, row: number, col: number) =>
  r.probs.subarray((row * r.cols + col) * classesOf(r), (row * r.cols + col + 1) * classesOf(r));

/** The cell whose window is the first digit's own 28×28 frame: the view the classifier was trained on. */
const cellOnDigit = (r: SceneResult) => {
  const first = r.placements[0];
  const at = (v: number, n: number) => Math.min(Math.max(Math.round(v / r.stride), 0), n - 1);
  return first ? { row: at(first.top, r.rows), col: at(first.left, r.cols) } : { row: 0, col: 0 };
};

export default defineFigure(settings, ({ $, state, api, update }) => {
  const sceneCanvas = $<HTMLCanvasElement>('[data-scene]');
  const mapCanvas = $<HTMLCanvasElement>('[data-map]');
  const windowMark = select($<SVGSVGElement>('[data-window]'));
  const cellMark = select($<SVGSVGElement>('[data-cell-mark]'));
  // The scene on screen and the seed it came from: changing only the class shown redraws it.
  let shown: { seed: number; result: SceneResult } | undefined;
  let cell = { row: 0, col: 0 };

  const drawCell = () => {
    if (!shown) return;
    const r = shown.result;
    const { row, col } = cell;
    const top = row * r.stride;
    const left = col * r.stride;
    windowMark
      .attr('viewBox', `0 0 ${r.size} ${r.size}`)
      .selectAll('rect')
      .data([0])
      .join('rect')
      .attr('x', left + 0.5)
      .attr('y', top + 0.5)
      .attr('width', r.window - 1)
      .attr('height', r.window - 1)
      .attr('fill', 'none')
      .attr('stroke', '#f0a500')
      .attr('stroke-width', 1.2);
    cellMark
      .attr('viewBox', `0 0 ${r.cols} ${r.rows}`)
      .selectAll('rect')
      .data([0])
      .join('rect')
      .attr('x', col + 0.05)
      .attr('y', row + 0.05)
      .attr('width', 0.9)
      .attr('height', 0.9)
      .attr('fill', 'none')
      .attr('stroke', '#111')
      .attr('stroke-width', 0.12);
    $('[data-cell]').textContent = s.cell(row, col, top, left, r.window);
    drawProbabilityBars($('[data-cell-bars]'), cellProbs(r, row, col));
  };

  const drawMap = (r: SceneResult, show: string) => {
    const cells = r.rows * r.cols;
    const classes = classesOf(r);
    if (show === 'argmax') drawRgba(mapCanvas, argmaxRgba(r.probs, cells, classes).rgba, r.cols, r.rows);
    else {
      const k = Number(show);
      const probs = Float32Array.from({ length: cells }, (_, i) => r.probs[i * classes + k]!);
      drawHeatmap(mapCanvas, probs, r.cols, r.rows, interpolateViridis, [0, 1]);
    }
    // Each cell is drawn over the centre of the window it judged, on a frame as large as the scene.
    const box = $<HTMLElement>('[data-map-box]').style;
    const percent = (px: number) => `${((px / r.size) * 100).toFixed(3)}%`;
    box.left = box.top = percent((r.window - r.stride) / 2);
    box.width = percent(r.cols * r.stride);
    box.height = percent(r.rows * r.stride);
    $<HTMLElement>('[data-legend-classes]').hidden = show !== 'argmax';
    $<HTMLElement>('[data-legend-ramp]').hidden = show === 'argmax';
    mapCanvas.setAttribute('aria-description', s.mapLabel(r.rows, r.cols));
  };

  const drawScene = (r: SceneResult) => {
    drawHeatmap(sceneCanvas, r.image, r.size, r.size, greyRamp, [0, 1]);
    const digits = r.placements.map((p) => p.digit).join(', ');
    sceneCanvas.setAttribute('aria-label', s.sceneAlt(r.size, digits));
    $('[data-placed]').textContent = s.placed(digits);
    const kernel = r.window / r.stride;
    $('[data-shapes]').textContent = s.shapes(r.size, r.featureShape, kernel, [r.rows, r.cols, classesOf(r)], r.stride);
  };

  const moveTo = (row: number, col: number) => {
    if (!shown) return;
    const { rows, cols } = shown.result;
    cell = { row: Math.min(Math.max(row, 0), rows - 1), col: Math.min(Math.max(col, 0), cols - 1) };
    drawCell();
  };
  mapCanvas.addEventListener('pointermove', (event) => {
    if (shown) moveTo(...pixelAt(mapCanvas, event, shown.result.cols, shown.result.rows));
  });
  // On the scene itself, the pointer picks the window centred under it.
  sceneCanvas.addEventListener('pointermove', (event) => {
    if (!shown) return;
    const { size, window, stride } = shown.result;
    const box = sceneCanvas.getBoundingClientRect();
    const toCell = (offset: number, extent: number) => Math.round(((offset / extent) * size - window / 2) / stride);
    moveTo(toCell(event.clientY - box.top, box.height), toCell(event.clientX - box.left, box.width));
  });
  mapCanvas.addEventListener('keydown', (event) => {
    const move = arrowStep(event);
    if (!move) return;
    event.preventDefault();
    moveTo(cell.row + move[0], cell.col + move[1]);
  });
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed % settings.fields.seed.max) + 1 });
    void update();
  });
  drawHeatmap(
    $<HTMLCanvasElement>('[data-ramp]'),
    Float32Array.from({ length: 64 }, (_, i) => i / 63),
    64,
    1,
    interpolateViridis,
    [0, 1],
  );

  return {
    async compute({ seed, size }) {
      const same = shown && shown.seed === seed && shown.result.size === Number(size);
      return { seed, result: same ? shown!.result : await (await api()).fullyConvScene(seed, Number(size)) };
    },
    draw(next, { show }) {
      if (next.result !== shown?.result) {
        shown = next;
        cell = cellOnDigit(next.result);
        drawScene(next.result);
      }
      drawMap(next.result, show);
      drawCell();
    },
  };
});
