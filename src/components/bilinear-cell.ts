/**
 * A unit cell with four corner values and a sample point the reader drags. Shows each corner's
 * weight as the area of the rectangle opposite it, and the interpolated value with the formula's
 * numbers filled in. Computes in the worker: bilinearCell (ops/bilinear.ts cellWeights, cellValue).
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { CellResult } from '../lib/runtime/worker/tasks/bilinear.ts';
import { fmt } from '../lib/viz/format.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { CORNER_COLORS } from '../lib/viz/palette.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { urlState } from '../lib/viz/url-state.ts';

type Corners = [number, number, number, number];

const SIZE = 280;
const PAD = 40;
const STEP = 0.05;
const FINE_STEP = 0.01;

const SETTINGS = {
  x: { kind: 'number', min: 0, max: 1, default: 0.3 },
  y: { kind: 'number', min: 0, max: 1, default: 0.6 },
} as const;

const randomCorners = (): Corners => [0, 1, 2, 3].map(() => Math.round(Math.random() * 100)) as Corners;

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const c = t.bilinearCell;
  const svg = select(root.querySelector<SVGSVGElement>('[data-cell]')!);
  const inputs = [...root.querySelectorAll<HTMLInputElement>('[data-corner-value]')];
  const weightCells = [...root.querySelectorAll<HTMLElement>('[data-weight]')];
  root.querySelectorAll<HTMLElement>('[data-corner]').forEach((s, i) => (s.style.background = CORNER_COLORS[i]));

  const position = urlState('bilinear-cell', SETTINGS);
  const state = { fx: position.values.x, fy: position.values.y, corners: [10, 20, 30, 40] as Corners };

  // Corner i sits at (i % 2, ⌊i / 2⌋); its weight is the rectangle between the point and the
  // opposite corner.
  const px = (f: number) => PAD + f * SIZE;
  const rects = svg.append('g').selectAll('rect').data([0, 1, 2, 3]).join('rect').attr('fill-opacity', 0.35);
  svg.append('rect').attr('x', PAD).attr('y', PAD).attr('width', SIZE).attr('height', SIZE)
    .attr('fill', 'none').attr('stroke', '#333');
  const cornerLabels = svg.append('g').selectAll('text').data([0, 1, 2, 3]).join('text')
    .attr('x', (i) => px(i % 2) + (i % 2 ? 6 : -6)).attr('y', (i) => px(Math.floor(i / 2)) + (i < 2 ? -10 : 22))
    .attr('text-anchor', (i) => (i % 2 ? 'start' : 'end')).attr('font-size', 16).attr('font-weight', 700)
    .attr('fill', (i) => CORNER_COLORS[i]);
  svg.append('g').selectAll('circle').data([0, 1, 2, 3]).join('circle')
    .attr('cx', (i) => px(i % 2)).attr('cy', (i) => px(Math.floor(i / 2))).attr('r', 6)
    .attr('fill', (i) => CORNER_COLORS[i]);
  const point = svg.append('circle').attr('r', 11).attr('fill', '#111').attr('stroke', 'white')
    .attr('stroke-width', 3).attr('tabindex', 0).attr('role', 'slider').attr('aria-label', c.label)
    .attr('aria-valuemin', 0).attr('aria-valuemax', 1).style('cursor', 'grab');
  // The two 1-D steps: a mark on the top and bottom edges at fx, joined through the point.
  const stepLine = svg.append('line').attr('stroke', '#333').attr('stroke-dasharray', '4 3');
  const edgeMarks = svg.append('g').selectAll('circle').data([0, 1]).join('circle').attr('r', 5)
    .attr('fill', 'white').attr('stroke', '#333').attr('stroke-width', 2);
  const edgeLabels = svg.append('g').selectAll('text').data([0, 1]).join('text').attr('font-size', 13)
    .attr('text-anchor', 'middle').attr('fill', '#333');
  const valueLabel = svg.append('text').attr('font-size', 15).attr('font-weight', 700).attr('text-anchor', 'middle');

  const draw = ({ weights, value, top, bottom }: CellResult) => {
    const { fx, fy } = state;
    stepLine.attr('x1', px(fx)).attr('x2', px(fx)).attr('y1', PAD).attr('y2', PAD + SIZE);
    edgeMarks.attr('cx', px(fx)).attr('cy', (i) => PAD + i * SIZE);
    edgeLabels.attr('x', Math.min(Math.max(px(fx), PAD + 40), PAD + SIZE - 40)).attr('y', (i) => (i ? PAD + SIZE + 20 : PAD - 9))
      .text((i) => `${i ? c.bottom : c.top} ${fmt(i ? bottom : top, 1)}`);
    rects
      .attr('x', (i) => (i % 2 ? PAD : px(fx)))
      .attr('y', (i) => (i < 2 ? px(fy) : PAD))
      .attr('width', (i) => (i % 2 ? fx : 1 - fx) * SIZE)
      .attr('height', (i) => (i < 2 ? 1 - fy : fy) * SIZE)
      .attr('fill', (i) => CORNER_COLORS[i]);
    cornerLabels.text((i) => state.corners[i]);
    point.attr('cx', px(fx)).attr('cy', px(fy))
      .attr('aria-valuenow', fmt(fx)).attr('aria-valuetext', c.pointText(fmt(fx), fmt(fy)));
    valueLabel.attr('x', px(fx)).attr('y', px(fy) + (fy > 0.85 ? -18 : 30)).text(fmt(value, 1));
    weightCells.forEach((cell, i) => (cell.textContent = fmt(weights[i], 3)));
    root.querySelector('[data-weight-sum]')!.textContent = fmt(weights.reduce((s, w) => s + w, 0), 3);
    root.querySelector('[data-value]')!.textContent = fmt(value, 3);
    const terms = state.corners.map((v, i) => `${fmt(weights[i], 3)}·${v}`).join(' + ');
    root.querySelector('[data-formula]')!.textContent = `f = ${terms} = ${fmt(value, 3)}`;
    const [tl, tr, bl, br] = state.corners;
    const lerp = (a: string, b: string, t: number, r: number) => `${a} + (${b} − ${a})·${fmt(t)} = ${fmt(r, 3)}`;
    root.querySelector('[data-steps]')!.textContent = [
      `${c.top} = ${lerp(String(tl), String(tr), fx, top)}`,
      `${c.bottom} = ${lerp(String(bl), String(br), fx, bottom)}`,
      `f = ${lerp(fmt(top, 3), fmt(bottom, 3), fy, value)}`,
    ].join('; ');
  };

  const update = liveUpdate(
    'bilinear-cell',
    async () => {
      draw(await api.bilinearCell(state.corners, state.fx, state.fy));
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  const moveTo = (fx: number, fy: number) => {
    // Two decimals: what the reader sees, and a tidy URL.
    position.set({ x: Math.round(fx * 100) / 100, y: Math.round(fy * 100) / 100 });
    state.fx = position.values.x;
    state.fy = position.values.y;
    return update(undefined);
  };

  const svgNode = svg.node()!;
  const toCell = (event: PointerEvent) => {
    const box = svgNode.getBoundingClientRect();
    const scale = 360 / box.width;
    return [((event.clientX - box.left) * scale - PAD) / SIZE, ((event.clientY - box.top) * scale - PAD) / SIZE];
  };
  svgNode.addEventListener('pointerdown', (event) => {
    svgNode.setPointerCapture(event.pointerId);
    void moveTo(...(toCell(event) as [number, number]));
  });
  svgNode.addEventListener('pointermove', (event) => {
    if (svgNode.hasPointerCapture(event.pointerId)) void moveTo(...(toCell(event) as [number, number]));
  });
  point.on('keydown', (event: KeyboardEvent) => {
    const step = event.shiftKey ? FINE_STEP : STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    void moveTo(state.fx + move[0], state.fy + move[1]);
  });

  const showCorners = () => inputs.forEach((input, i) => (input.value = String(state.corners[i])));
  inputs.forEach((input, i) =>
    input.addEventListener('input', () => {
      if (!Number.isFinite(input.valueAsNumber)) return;
      state.corners[i] = input.valueAsNumber;
      void update(undefined);
    }),
  );
  root.querySelector('[data-reroll]')!.addEventListener('click', () => {
    state.corners = randomCorners();
    showCorners();
    void update(undefined);
  });

  showCorners();
  await update(undefined);
}
