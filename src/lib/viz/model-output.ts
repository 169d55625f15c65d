/**
 * The model-output view shared by every lesson that runs a model: the input scene, one label map
 * per model, and a picked output pixel (pointer, or arrow keys on a focused map). For the picked
 * pixel it outlines the theoretical receptive field of the map last pointed at on the input, and
 * fills a table with every model's class probabilities. Markup: src/components/ModelOutput.astro.
 */
import { select } from 'd3';
import { t } from '../../i18n/en.ts';
import { classMapRgba } from './class-palette.ts';
import { topClasses } from './class-shares.ts';
import { fmt } from './format.ts';
import { greyRamp } from './palette.ts';
import { drawHeatmap, drawRgba } from './pixels.ts';
import { arrowStep, pixelAt } from './pointer.ts';

// Shift + arrow moves the picked pixel this far, as bindCursor does.
const FAST_STEP = 8;

/** What the view needs of one model run (src/lib/runtime/worker/tasks/models.ts, ModelRunResult). */
export interface OutputMap {
  height: number;
  width: number;
  classes: number;
  classMap: Uint8Array;
  probabilities: Float32Array;
}

/** Per output pixel, the first and last input row and column its field spans (ReceptiveField). */
export interface FieldSpans {
  rows: { first: Int32Array; last: Int32Array };
  cols: { first: Int32Array; last: Int32Array };
}

export interface ModelOutputView {
  /** Draws a scene and its outputs; the picked pixel stays where it was unless `pick` moves it. */
  show(
    image: Float32Array,
    height: number,
    width: number,
    outputs: { map: OutputMap; field: FieldSpans }[],
    pick?: readonly [number, number],
  ): void;
  /** The picked output pixel, [row, col]. */
  readonly picked: readonly [number, number];
}

export function modelOutputView(root: HTMLElement, titles: readonly string[]): ModelOutputView {
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const input = $<HTMLCanvasElement>('[data-mo-input]');
  const field = select($<SVGSVGElement>('[data-mo-field]'));
  const maps = titles.map((_, i) => $<HTMLCanvasElement>(`[data-mo-map="${i}"]`));
  const marks = titles.map((_, i) => select($<SVGSVGElement>(`[data-mo-mark="${i}"]`)));
  const cells = titles.map((_, i) => Array.from(root.querySelectorAll<HTMLElement>(`[data-mo-cell="${i}"]`)));
  let shown: { height: number; width: number; outputs: { map: OutputMap; field: FieldSpans }[] } | undefined;
  let picked: [number, number] = [0, 0];
  let active = titles.length - 1;

  const drawPick = () => {
    if (!shown) return;
    const { height, width, outputs } = shown;
    const [row, col] = picked;
    marks.forEach((mark) => {
      mark
        .attr('viewBox', `0 0 ${width} ${height}`)
        .selectAll('rect')
        .data([0])
        .join('rect')
        .attr('x', col)
        .attr('y', row)
        .attr('width', 1)
        .attr('height', 1)
        .attr('fill', 'none')
        .attr('stroke', '#000')
        .attr('stroke-width', 0.6);
    });
    const spans = outputs[active]!.field;
    const top = spans.rows.first[row]!;
    const bottom = spans.rows.last[row]!;
    const left = spans.cols.first[col]!;
    const right = spans.cols.last[col]!;
    const clip = (v: number, n: number) => Math.min(Math.max(v, 0), n - 1);
    const box = {
      top: clip(top, height),
      bottom: clip(bottom, height),
      left: clip(left, width),
      right: clip(right, width),
    };
    const clipped = box.top !== top || box.bottom !== bottom || box.left !== left || box.right !== right;
    // Two strokes, dark under light, so the outline shows on black and on white digits.
    const strokes: [string, number][] = [
      ['#000', 1.4],
      ['#f0a500', 0.7],
    ];
    field
      .attr('viewBox', `0 0 ${width} ${height}`)
      .selectAll('rect')
      .data(strokes)
      .join('rect')
      .attr('x', box.left + 0.5)
      .attr('y', box.top + 0.5)
      .attr('width', box.right - box.left)
      .attr('height', box.bottom - box.top)
      .attr('fill', 'none')
      .attr('stroke', (d) => d[0]!)
      .attr('stroke-width', (d) => d[1]!);
    field
      .selectAll('circle')
      .data([0])
      .join('circle')
      .attr('cx', col + 0.5)
      .attr('cy', row + 0.5)
      .attr('r', 1)
      .attr('fill', '#f0a500')
      .attr('stroke', '#000')
      .attr('stroke-width', 0.3);
    $('[data-mo-picked]').textContent = t.modelView.picked(row, col, top, bottom, left, right, clipped);
    outputs.forEach(({ map }, i) => {
      const at = (row * map.width + col) * map.classes;
      let best = 0;
      for (let k = 1; k < map.classes; k++) if (map.probabilities[at + k]! > map.probabilities[at + best]!) best = k;
      cells[i]!.forEach((cell, k) => {
        cell.textContent = fmt(map.probabilities[at + k]!, 3);
        cell.classList.toggle('best', k === best);
      });
    });
  };

  const move = (i: number, row: number, col: number) => {
    if (!shown) return;
    active = i;
    picked = [Math.min(Math.max(row, 0), shown.height - 1), Math.min(Math.max(col, 0), shown.width - 1)];
    drawPick();
  };
  maps.forEach((canvas, i) => {
    const onPointer = (event: PointerEvent) => {
      if (shown) move(i, ...pixelAt(canvas, event, shown.width, shown.height));
    };
    canvas.addEventListener('pointermove', onPointer);
    canvas.addEventListener('pointerdown', onPointer);
    canvas.addEventListener('keydown', (event) => {
      const step = arrowStep(event, event.shiftKey ? FAST_STEP : 1);
      if (!step) return;
      event.preventDefault();
      move(i, picked[0] + step[0], picked[1] + step[1]);
    });
  });

  return {
    get picked() {
      return picked;
    },
    show(image, height, width, outputs, pick) {
      shown = { height, width, outputs };
      drawHeatmap(input, image, width, height, greyRamp, [0, 1]);
      outputs.forEach(({ map }, i) => {
        drawRgba(maps[i]!, classMapRgba(map.classMap), map.width, map.height);
        // The map's text alternative names what it shows: the classes covering most of it.
        const { modelView: w } = t;
        const shares = topClasses(map.classMap).map(({ k, share }) => w.classShare(w.className(k), share));
        maps[i]!.setAttribute('aria-label', `${w.mapAlt(titles[i]!)} ${w.topClasses(shares)}`);
      });
      if (pick) picked = [pick[0], pick[1]];
      picked = [Math.min(picked[0], height - 1), Math.min(picked[1], width - 1)];
      drawPick();
    },
  };
}
