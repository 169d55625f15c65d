/**
 * A unit cell with four corner values and a sample point the reader drags. Shows each corner's
 * weight as the area of the rectangle opposite it, and the interpolated value with the formula's
 * numbers filled in. Computes in the worker: bilinearCell (ops/bilinear.ts cellWeights, cellValue).
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { fmt } from '../lib/viz/format.ts';
import { bindValueInputs } from '../lib/viz/number-inputs.ts';
import { CORNER_COLORS } from '../lib/viz/palette.ts';
import { bindDragPoint } from '../lib/viz/pointer.ts';
import { settings } from './bilinear-cell.settings.ts';

type Corners = [number, number, number, number];

const c = t.bilinearCell;
const SIZE = 280;
const PAD = 40;
const VIEW = SIZE + 2 * PAD;

const randomCorners = (): Corners => [0, 1, 2, 3].map(() => Math.round(Math.random() * 100)) as Corners;

export default defineFigure(settings, ({ $, root, state, api, update }) => {
  const svgNode = $<SVGSVGElement>('[data-cell]');
  const svg = select(svgNode);
  const inputs = [...root.querySelectorAll<HTMLInputElement>('[data-corner-value]')];
  const weightCells = [...root.querySelectorAll<HTMLElement>('[data-weight]')];
  root.querySelectorAll<HTMLElement>('[data-corner]').forEach((s, i) => (s.style.background = CORNER_COLORS[i]!));
  let corners: Corners = [10, 20, 30, 40];

  // Corner i sits at (i % 2, ⌊i / 2⌋); its weight is the rectangle between the point and the
  // opposite corner.
  const px = (f: number) => PAD + f * SIZE;
  const rects = svg.append('g').selectAll('rect').data([0, 1, 2, 3]).join('rect').attr('fill-opacity', 0.35);
  svg
    .append('rect')
    .attr('x', PAD)
    .attr('y', PAD)
    .attr('width', SIZE)
    .attr('height', SIZE)
    .attr('fill', 'none')
    .attr('stroke', '#333');
  const cornerLabels = svg
    .append('g')
    .selectAll('text')
    .data([0, 1, 2, 3])
    .join('text')
    .attr('x', (i) => px(i % 2) + (i % 2 ? 6 : -6))
    .attr('y', (i) => px(Math.floor(i / 2)) + (i < 2 ? -10 : 22))
    .attr('text-anchor', (i) => (i % 2 ? 'start' : 'end'))
    .attr('font-size', 16)
    .attr('font-weight', 700)
    .attr('fill', (i) => CORNER_COLORS[i]!);
  svg
    .append('g')
    .selectAll('circle')
    .data([0, 1, 2, 3])
    .join('circle')
    .attr('cx', (i) => px(i % 2))
    .attr('cy', (i) => px(Math.floor(i / 2)))
    .attr('r', 6)
    .attr('fill', (i) => CORNER_COLORS[i]!);
  const point = svg
    .append('circle')
    .attr('r', 11)
    .attr('fill', '#111')
    .attr('stroke', 'white')
    .attr('stroke-width', 3)
    .attr('tabindex', 0)
    .attr('role', 'slider')
    .attr('aria-label', c.label)
    .attr('aria-valuemin', 0)
    .attr('aria-valuemax', 1)
    .style('cursor', 'grab');
  // The two 1-D steps: a mark on the top and bottom edges at fx, joined through the point.
  const stepLine = svg.append('line').attr('stroke', '#333').attr('stroke-dasharray', '4 3');
  const edgeMarks = svg
    .append('g')
    .selectAll('circle')
    .data([0, 1])
    .join('circle')
    .attr('r', 5)
    .attr('fill', 'white')
    .attr('stroke', '#333')
    .attr('stroke-width', 2);
  const edgeLabels = svg
    .append('g')
    .selectAll('text')
    .data([0, 1])
    .join('text')
    .attr('font-size', 13)
    .attr('text-anchor', 'middle')
    .attr('fill', '#333');
  const valueLabel = svg.append('text').attr('font-size', 15).attr('font-weight', 700).attr('text-anchor', 'middle');

  // Two decimals: what the reader sees, and a tidy URL; the state keeps the point inside the cell.
  const round = (f: number) => Math.round(f * 100) / 100;
  bindDragPoint(
    svgNode,
    point.node()!,
    (event) => {
      const box = svgNode.getBoundingClientRect();
      const scale = VIEW / box.width;
      return [((event.clientX - box.left) * scale - PAD) / SIZE, ((event.clientY - box.top) * scale - PAD) / SIZE];
    },
    () => [state.values.x, state.values.y],
    (x, y) => {
      state.set({ x: round(x), y: round(y) });
      void update();
    },
    { step: 0.05, shiftStep: 0.01 },
  );

  const showCorners = () => inputs.forEach((input, i) => (input.value = String(corners[i])));
  bindValueInputs(
    inputs,
    (i) => c.valueOf(c.corners[i]!),
    $('[data-values-error]'),
    (i, v) => {
      corners[i] = v;
      void update();
    },
  );
  $('[data-reroll]').addEventListener('click', () => {
    corners = randomCorners();
    showCorners();
    void update();
  });
  showCorners();

  return {
    compute: async ({ x, y }) => {
      const asked = [...corners] as Corners;
      return { corners: asked, ...(await (await api()).bilinearCell(asked, x, y)) };
    },
    draw({ corners: shown, weights, value, top, bottom }, { x: fx, y: fy }) {
      stepLine
        .attr('x1', px(fx))
        .attr('x2', px(fx))
        .attr('y1', PAD)
        .attr('y2', PAD + SIZE);
      edgeMarks.attr('cx', px(fx)).attr('cy', (i) => PAD + i * SIZE);
      edgeLabels
        .attr('x', Math.min(Math.max(px(fx), PAD + 40), PAD + SIZE - 40))
        .attr('y', (i) => (i ? PAD + SIZE + 20 : PAD - 9))
        .text((i) => `${i ? c.bottom : c.top} ${fmt(i ? bottom : top, 1)}`);
      rects
        .attr('x', (i) => (i % 2 ? PAD : px(fx)))
        .attr('y', (i) => (i < 2 ? px(fy) : PAD))
        .attr('width', (i) => (i % 2 ? fx : 1 - fx) * SIZE)
        .attr('height', (i) => (i < 2 ? 1 - fy : fy) * SIZE)
        .attr('fill', (i) => CORNER_COLORS[i]!);
      cornerLabels.text((i) => shown[i]!);
      point
        .attr('cx', px(fx))
        .attr('cy', px(fy))
        .attr('aria-valuenow', fmt(fx))
        .attr('aria-valuetext', c.pointText(fmt(fx), fmt(fy)));
      valueLabel
        .attr('x', px(fx))
        .attr('y', px(fy) + (fy > 0.85 ? -18 : 30))
        .text(fmt(value, 1));
      weightCells.forEach((cell, i) => (cell.textContent = fmt(weights[i]!, 3)));
      $('[data-weight-sum]').textContent = fmt(
        weights.reduce((s, w) => s + w, 0),
        3,
      );
      $('[data-value]').textContent = fmt(value, 3);
      const terms = shown.map((v, i) => `${fmt(weights[i]!, 3)}·${v}`).join(' + ');
      $('[data-formula]').textContent = `f = ${terms} = ${fmt(value, 3)}`;
      const [tl, tr, bl, br] = shown;
      const lerp = (a: string, b: string, f: number, r: number) => `${a} + (${b} − ${a})·${fmt(f)} = ${fmt(r, 3)}`;
      $('[data-steps]').textContent = [
        `${c.top} = ${lerp(String(tl), String(tr), fx, top)}`,
        `${c.bottom} = ${lerp(String(bl), String(br), fx, bottom)}`,
        `f = ${lerp(fmt(top, 3), fmt(bottom, 3), fy, value)}`,
      ].join('; ');
    },
  };
});
