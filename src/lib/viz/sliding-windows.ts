import { type BaseType, type Selection, select } from 'd3';
import type { Window } from '../ops/conv-arithmetic.ts';
import { fmt } from './format.ts';
import { THEME } from './theme.ts';

const CELL = 22;
const { ink: INK, accent: TAP, cellPad: PAD_FILL, accentSoft: OUT_FILL, cell: CELL_FILL, cellLine: CELL_LINE } = THEME;
const SELECTED = '#f0a500';

export interface WindowDiagram {
  /** Input length along one axis, without padding. */
  input: number;
  padBefore: number;
  padAfter: number;
  windows: Window[];
  /** One value per output (row-major in 2-D), printed in the output cells. */
  values: ArrayLike<number>;
  /** Legend for the grey padding cells. */
  padLabel: string;
}

/** viewBox units to CSS pixels at most: small diagrams stay small instead of filling the figure. */
const MAX_SCALE = 1.3;

function frame(svg: SVGSVGElement, width: number, height: number) {
  const root = select(svg)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .style('max-width', `${width * MAX_SCALE}px`);
  root.selectAll('*').remove();
  return root;
}

const isInput = (tap: number, input: number) => tap >= 0 && tap < input;

/** Text in the ink colour, its middle at y. */
function label<E extends BaseType, D, P extends BaseType, PD>(
  parent: Selection<E, D, P, PD>,
  x: number,
  y: number,
  size: number,
  text: (d: D) => string,
) {
  return parent
    .append('text')
    .attr('x', x)
    .attr('y', y)
    .attr('dy', '0.35em')
    .attr('font-size', size)
    .style('fill', INK)
    .text(text);
}

/** Gives each cell group a square and the cell's number centred in it. */
function numberedCells<E extends BaseType, D, P extends BaseType, PD>(
  cells: Selection<E, D, P, PD>,
  fill: (d: D) => string,
  stroke: (d: D) => string,
  text: (d: D) => string,
) {
  cells
    .append('rect')
    .attr('width', CELL - 1)
    .attr('height', CELL - 1)
    .style('fill', fill)
    .style('stroke', stroke);
  label(cells, CELL / 2, CELL / 2, 10, text).attr('text-anchor', 'middle');
}

/**
 * 1-D: the padded input as a row of cells, every window below it as a row of taps joined by a
 * line (filled on the input, hollow on padding), and the outputs as a last row.
 */
export function drawWindows1d(
  svg: SVGSVGElement,
  { input, padBefore, padAfter, windows, values, padLabel }: WindowDiagram,
): void {
  const left = 2.2 * CELL;
  const n = input + padBefore + padAfter;
  const rowGap = 16;
  const windowsTop = CELL * 1.6;
  const outputTop = windowsTop + windows.length * rowGap + CELL * 0.6;
  const width = left + Math.max(n, windows.length) * CELL + 4;
  const root = frame(svg, width, outputTop + CELL * 2);
  const x = (tap: number) => left + (tap + padBefore) * CELL;

  label(root, 0, CELL / 2, 11, () => 'x');
  const cells = root
    .append('g')
    .selectAll('g')
    .data(Array.from({ length: n }, (_, j) => j - padBefore))
    .join('g')
    .attr('transform', (j) => `translate(${x(j)},0)`);
  numberedCells(
    cells,
    (j) => (isInput(j, input) ? CELL_FILL : PAD_FILL),
    () => CELL_LINE,
    (j) => (isInput(j, input) ? String(j) : ''),
  );

  const rows = root
    .append('g')
    .selectAll('g')
    .data(windows)
    .join('g')
    .attr('transform', (w) => `translate(0,${windowsTop + w.output * rowGap})`);
  label(rows, 0, 0, 10, (w) => `y${w.output}`);
  rows
    .append('line')
    .attr('x1', (w) => x(w.taps[0]) + CELL / 2)
    .attr('x2', (w) => x(w.taps.at(-1)!) + CELL / 2)
    .style('stroke', TAP)
    .attr('stroke-width', 1.5);
  rows
    .selectAll('rect')
    .data((w) => w.taps)
    .join('rect')
    .attr('x', (tap) => x(tap) + CELL / 2 - 5)
    .attr('y', -5)
    .attr('width', 10)
    .attr('height', 10)
    .style('fill', (tap) => (isInput(tap, input) ? TAP : CELL_FILL))
    .style('stroke', TAP);

  const outputs = root.append('g').attr('transform', `translate(0,${outputTop})`);
  label(outputs, 0, CELL / 2, 11, () => 'y');
  const out = outputs
    .selectAll('g')
    .data(windows)
    .join('g')
    .attr('transform', (w) => `translate(${left + w.output * CELL},0)`);
  numberedCells(
    out,
    () => OUT_FILL,
    () => TAP,
    (w) => fmt(values[w.output] ?? NaN, 0),
  );
  legend(root, outputTop + CELL * 1.5, padLabel);
}

function legend(root: ReturnType<typeof frame>, y: number, text: string): void {
  root
    .append('rect')
    .attr('x', 0)
    .attr('y', y - 5)
    .attr('width', 10)
    .attr('height', 10)
    .style('fill', PAD_FILL)
    .style('stroke', CELL_LINE);
  label(root, 14, y, 10, () => text);
}

/**
 * 2-D: the padded input grid and the output grid side by side; the taps of the selected output's
 * window are marked on the input. `onPick` runs with the output (row, col) under the pointer.
 */
export function drawWindow2d(
  svg: SVGSVGElement,
  { input, padBefore, padAfter, windows, values, padLabel }: WindowDiagram,
  selected: { row: number; col: number },
  onPick: (row: number, col: number) => void,
): void {
  const n = input + padBefore + padAfter;
  const o = windows.length;
  const gap = CELL * 1.5;
  const outLeft = n * CELL + gap;
  const height = Math.max(n, o) * CELL;
  const root = frame(svg, Math.max(outLeft + o * CELL, 8 * CELL), height + CELL);
  const taps = (w: Window | undefined) => new Set(w?.taps ?? []);
  const rowTaps = taps(windows[selected.row]);
  const colTaps = taps(windows[selected.col]);

  const grid = Array.from({ length: n * n }, (_, k) => ({ r: Math.floor(k / n) - padBefore, c: (k % n) - padBefore }));
  root
    .append('g')
    .selectAll('rect')
    .data(grid)
    .join('rect')
    .attr('x', (d) => (d.c + padBefore) * CELL)
    .attr('y', (d) => (d.r + padBefore) * CELL)
    .attr('width', CELL - 1)
    .attr('height', CELL - 1)
    .style('stroke', CELL_LINE)
    .style('fill', (d) => (isInput(d.r, input) && isInput(d.c, input) ? CELL_FILL : PAD_FILL));
  const marks = grid.filter((d) => rowTaps.has(d.r) && colTaps.has(d.c));
  root
    .append('g')
    .selectAll('rect')
    .data(marks)
    .join('rect')
    .attr('x', (d) => (d.c + padBefore) * CELL + 5)
    .attr('y', (d) => (d.r + padBefore) * CELL + 5)
    .attr('width', CELL - 11)
    .attr('height', CELL - 11)
    .style('stroke', TAP)
    .attr('stroke-width', 1.5)
    .style('fill', (d) => (isInput(d.r, input) && isInput(d.c, input) ? TAP : CELL_FILL));

  const outputs = Array.from({ length: o * o }, (_, k) => ({ row: Math.floor(k / o), col: k % o, v: values[k] }));
  const out = root
    .append('g')
    .selectAll('g')
    .data(outputs)
    .join('g')
    .attr('transform', (d) => `translate(${outLeft + d.col * CELL},${d.row * CELL})`)
    .style('cursor', 'pointer')
    .on('pointerenter', (_, d) => onPick(d.row, d.col));
  const picked = (d: { row: number; col: number }) => d.row === selected.row && d.col === selected.col;
  numberedCells(
    out,
    () => OUT_FILL,
    (d) => (picked(d) ? SELECTED : TAP),
    (d) => fmt(d.v ?? NaN, 0),
  );
  out.select('rect').attr('stroke-width', (d) => (picked(d) ? 3 : 1));
  legend(root, height + CELL / 2, padLabel);
}
