/**
 * The convolutionalized classifier slid over a seeded scene of 1–3 digits: a coarse map of class
 * probabilities, one cell per 28×28 window. The reader picks the seed, the canvas size and the
 * class shown, and points at (or arrows to) a cell to see its window and its ten probabilities.
 * Computes in the worker: fullyConvScene (data/scene.ts, ops/convolutionalize.ts).
 */
import { interpolateViridis, select } from 'd3';
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { SceneResult } from '../lib/runtime/worker/tasks/fully-convolutional.ts';
import { argmaxRgba } from '../lib/viz/class-palette.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { arrowStep, pixelAt } from '../lib/viz/pointer.ts';
import { drawHeatmap, drawRgba } from '../lib/viz/pixels.ts';
import { drawProbabilityBars } from '../lib/viz/probability-bars.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';

const SETTINGS = {
  seed: { kind: 'int', min: 1, max: 99999, default: 3 },
  size: { kind: 'enum', values: ['64', '96'], default: '64' },
  show: { kind: 'enum', values: ['argmax', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], default: 'argmax' },
} as const;

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const s = t.fullyConvScene;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const state = urlState('fully-conv-scene', SETTINGS);
  const mapCanvas = $<HTMLCanvasElement>('[data-map]');
  const windowMark = select($<SVGSVGElement>('[data-window]'));
  const cellMark = select($<SVGSVGElement>('[data-cell-mark]'));
  let result: SceneResult | undefined;
  let cell = { row: 0, col: 0 };

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

  const drawCell = () => {
    if (!result) return;
    const r = result;
    const { row, col } = cell;
    const top = row * r.stride;
    const left = col * r.stride;
    windowMark.attr('viewBox', `0 0 ${r.size} ${r.size}`).selectAll('rect').data([0]).join('rect')
      .attr('x', left + 0.5).attr('y', top + 0.5).attr('width', r.window - 1).attr('height', r.window - 1)
      .attr('fill', 'none').attr('stroke', '#f0a500').attr('stroke-width', 1.2);
    cellMark.attr('viewBox', `0 0 ${r.cols} ${r.rows}`).selectAll('rect').data([0]).join('rect')
      .attr('x', col + 0.05).attr('y', row + 0.05).attr('width', 0.9).attr('height', 0.9)
      .attr('fill', 'none').attr('stroke', '#111').attr('stroke-width', 0.12);
    $('[data-cell]').textContent = s.cell(row, col, top, left, r.window);
    drawProbabilityBars($('[data-cell-bars]'), cellProbs(r, row, col));
  };

  const drawMap = () => {
    if (!result) return;
    const r = result;
    const cells = r.rows * r.cols;
    const argmax = state.values.show === 'argmax';
    if (argmax) drawRgba(mapCanvas, argmaxRgba(r.probs, cells, classesOf(r)).rgba, r.cols, r.rows);
    else {
      const k = Number(state.values.show);
      drawHeatmap(mapCanvas, Float32Array.from({ length: cells }, (_, i) => r.probs[i * classesOf(r) + k]), r.cols, r.rows, interpolateViridis, [0, 1]);
    }
    // Each cell is drawn over the centre of the window it judged, on a frame as large as the scene.
    const box = $<HTMLElement>('[data-map-box]').style;
    const percent = (px: number) => `${((px / r.size) * 100).toFixed(3)}%`;
    box.left = box.top = percent((r.window - r.stride) / 2);
    box.width = percent(r.cols * r.stride);
    box.height = percent(r.rows * r.stride);
    $<HTMLElement>('[data-legend-classes]').hidden = !argmax;
    $<HTMLElement>('[data-legend-ramp]').hidden = argmax;
    mapCanvas.setAttribute('aria-description', s.mapLabel(r.rows, r.cols));
  };

  const drawScene = (r: SceneResult) => {
    const canvas = $<HTMLCanvasElement>('[data-scene]');
    drawHeatmap(canvas, r.image, r.size, r.size, greyRamp, [0, 1]);
    const digits = r.placements.map((p) => p.digit).join(', ');
    canvas.setAttribute('aria-label', s.sceneAlt(r.size, digits));
    $('[data-placed]').textContent = s.placed(digits);
    $('[data-shapes]').textContent = s.shapes(r.size, r.featureShape, r.rows, r.cols, r.stride);
  };

  const update = liveUpdate(
    'fully-conv-scene',
    async () => {
      const { seed, size } = state.values;
      if (!result || result.size !== Number(size) || shownSeed !== seed) {
        const r = await api.fullyConvScene(seed, Number(size)).catch((e: Error) => {
          throw new Error(t.fullyConv.modelFailed(e.message));
        });
        shownSeed = seed;
        result = r;
        cell = cellOnDigit(r);
        drawScene(r);
      }
      drawMap();
      drawCell();
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );
  let shownSeed = -1;

  const moveTo = (row: number, col: number) => {
    if (!result) return;
    cell = { row: Math.min(Math.max(row, 0), result.rows - 1), col: Math.min(Math.max(col, 0), result.cols - 1) };
    drawCell();
  };
  mapCanvas.addEventListener('pointermove', (event) => {
    if (result) moveTo(...pixelAt(mapCanvas, event, result.cols, result.rows));
  });
  // On the scene itself, the pointer picks the window centred under it.
  const sceneCanvas = $<HTMLCanvasElement>('[data-scene]');
  sceneCanvas.addEventListener('pointermove', (event) => {
    if (!result) return;
    const box = sceneCanvas.getBoundingClientRect();
    const toCell = (offset: number, extent: number) => Math.round(((offset / extent) * result!.size - result!.window / 2) / result!.stride);
    moveTo(toCell(event.clientY - box.top, box.height), toCell(event.clientX - box.left, box.width));
  });
  mapCanvas.addEventListener('keydown', (event) => {
    const move = arrowStep(event);
    if (!move) return;
    event.preventDefault();
    moveTo(cell.row + move[0], cell.col + move[1]);
  });
  bindControls(root, state, () => void update(undefined));
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed % SETTINGS.seed.max) + 1 });
    $<HTMLInputElement>('[data-state="seed"]').value = String(state.values.seed);
    void update(undefined);
  });

  const ramp = $<HTMLCanvasElement>('[data-ramp]');
  drawHeatmap(ramp, Float32Array.from({ length: 64 }, (_, i) => i / 63), 64, 1, interpolateViridis, [0, 1]);
  await update(undefined);
}
