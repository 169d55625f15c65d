/**
 * Overlap-tile with the trained U-Net: a 128×128 scene labelled tile by tile, each tile's input
 * window (tile + border on every side) cut from the scene with its edges mirrored, beside the
 * same scene labelled in one run. Computes in the worker: unetOverlapTile (ops/overlap-tile.ts).
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { OverlapTileResult } from '../lib/runtime/worker/tasks/unet.ts';
import { classMapRgba } from '../lib/viz/class-palette.ts';
import { fmtDiff } from '../lib/viz/format.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap, drawRgba } from '../lib/viz/pixels.ts';
import { bindCursor } from '../lib/viz/pointer.ts';
import { SIDE, settings } from './unet-overlap-tile.settings.ts';

const s = t.unetOverlapTile;

export default defineFigure(settings, ({ $, root, state, api, status, update }) => {
  const padded = $<HTMLCanvasElement>('[data-padded]');
  const marks = select($<SVGSVGElement>('[data-tiles]'));
  const grid = select($<SVGSVGElement>('[data-tile-grid]'));
  let shown: OverlapTileResult | undefined;
  let scene: { seed: number; image: Float32Array } | undefined;

  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed % settings.fields.seed.max) + 1 });
    void update();
  });

  const drawCursor = () => {
    if (!shown) return;
    const { row, col } = state.values;
    const b = shown.border;
    const inside = (v: number, start: number, length: number) => v >= start && v < start + length;
    const at = shown.tiles.find((tl) => inside(row, tl.row, tl.height) && inside(col, tl.col, tl.width))!;
    // The window in the mirrored scene's pixels: the tile's rect grown by the border, shifted by it.
    marks
      .selectAll('rect.window')
      .data([
        ['#000', 1.6],
        ['#f0a500', 0.8],
      ])
      .join('rect')
      .attr('class', 'window')
      .attr('x', at.col)
      .attr('y', at.row)
      .attr('width', at.width + 2 * b)
      .attr('height', at.height + 2 * b)
      .attr('fill', 'none')
      .attr('stroke', (d) => d[0]!)
      .attr('stroke-width', (d) => d[1]!)
      .attr('stroke-dasharray', '3 2');
    marks
      .selectAll('rect.tile')
      .data([0])
      .join('rect')
      .attr('class', 'tile')
      .attr('x', at.col + b)
      .attr('y', at.row + b)
      .attr('width', at.width)
      .attr('height', at.height)
      .attr('fill', '#f0a500')
      .attr('fill-opacity', 0.25)
      .attr('stroke', '#f0a500')
      .attr('stroke-width', 0.8);
    $('[data-cursor]').textContent = s.cursor(at.row, at.col, at.row, at.col, at.width + 2 * b);
  };

  // Bound once the border is known: the canvas shows the scene and its mirrored border.
  let bound = false;
  const bind = (b: number) => {
    bound = true;
    const inScene = (v: number) => Math.min(Math.max(v - b, 0), SIDE - 1);
    bindCursor(
      padded,
      SIDE + 2 * b,
      SIDE + 2 * b,
      () => [state.values.row + b, state.values.col + b],
      (row, col) => {
        state.set({ row: inScene(row), col: inScene(col) });
        drawCursor();
      },
    );
  };

  return {
    async compute({ seed, tile }) {
      const worker = await api();
      await loadModels(worker, ['unet'], status);
      if (scene?.seed !== seed) {
        const made = await worker.sceneForPage(seed, SIDE, { minDigits: 4, maxDigits: 7 });
        scene = { seed, image: made.image };
      }
      return worker.unetOverlapTile(scene.image, SIDE, SIDE, tile);
    },
    draw(r, values) {
      const { tile } = values;
      shown = r;
      const b = r.border;
      if (!bound) bind(b);
      const full = SIDE + 2 * b;
      drawHeatmap(padded, r.padded, full, full, greyRamp, [0, 1]);
      padded.setAttribute('aria-label', s.paddedAlt(r.tiles.length));
      $('[data-padded-title]').textContent = s.padded(SIDE, b);
      drawRgba($<HTMLCanvasElement>('[data-tiled]'), classMapRgba(r.tiledClasses), SIDE, SIDE);
      drawRgba($<HTMLCanvasElement>('[data-whole]'), classMapRgba(r.wholeClasses), SIDE, SIDE);
      // The scene's own edge inside the mirrored border, then every tile.
      marks
        .attr('viewBox', `0 0 ${full} ${full}`)
        .selectAll('rect.scene')
        .data([0])
        .join('rect')
        .attr('class', 'scene')
        .attr('x', b)
        .attr('y', b)
        .attr('width', SIDE)
        .attr('height', SIDE)
        .attr('fill', 'none')
        .attr('stroke', '#56b4e9')
        .attr('stroke-width', 0.8);
      for (const [svg, shift] of [
        [marks, b],
        [grid, 0],
      ] as const) {
        if (svg === grid) svg.attr('viewBox', `0 0 ${SIDE} ${SIDE}`);
        svg
          .selectAll('rect.cell')
          .data(r.tiles)
          .join('rect')
          .attr('class', 'cell')
          .attr('x', (d) => d.col + shift)
          .attr('y', (d) => d.row + shift)
          .attr('width', (d) => d.width)
          .attr('height', (d) => d.height)
          .attr('fill', 'none')
          .attr('stroke', '#555')
          .attr('stroke-width', 0.4);
      }
      marks.selectAll('rect.window, rect.tile').raise();
      const total = SIDE * SIDE;
      const diff = fmtDiff(r.maxDifference);
      $('[data-summary]').textContent = s.summary(r.tiles.length, tile, tile + 2 * b, r.agreeing, total, diff);
      drawCursor();
      root.dataset.shown = Object.values(values).join(',');
    },
  };
});
