import { rgb, select } from 'd3';
import { fmt } from './format.ts';

export interface ValueGridOptions {
  color: (v: number) => string;
  digits: number;
  /** Side of one cell in viewBox units. */
  cell?: number;
  /** Print the numbers (off for grids too dense to read; give the svg an aria-label instead). */
  text?: boolean;
}

/** Black or white, whichever contrasts more with the background (WCAG relative luminance). */
export function textColor(background: string): string {
  const { r, g, b } = rgb(background);
  const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05; equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000' : '#fff';
}

/** Sets an attribute only when it changes: rewriting an equal value still costs a repaint. */
function attr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Draws a rows×cols grid of numbers on coloured cells into an SVG, keyed by position. */
export function drawValueGrid(
  svg: SVGSVGElement,
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  { color, digits, cell = 44, text = true }: ValueGridOptions,
): void {
  attr(svg, 'viewBox', `0 0 ${cols * cell} ${rows * cell}`);
  const cells = select(svg)
    .selectAll<SVGGElement, number>('g.cell')
    .data(Array.from({ length: rows * cols }, (_, i) => i))
    .join((enter) => {
      const e = enter.append('g').attr('class', 'cell');
      e.append('rect')
        .attr('width', cell - 1)
        .attr('height', cell - 1);
      e.append('text')
        .attr('x', cell / 2)
        .attr('y', cell / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'middle');
      return e;
    })
    .nodes();
  const fontSize = String(cell * (digits > 1 ? 0.27 : 0.32));
  cells.forEach((g, i) => {
    const fill = color(values[i]);
    attr(g, 'transform', `translate(${(i % cols) * cell},${Math.floor(i / cols) * cell})`);
    attr(g.firstElementChild!, 'fill', fill);
    const label = g.lastElementChild!;
    attr(label, 'font-size', fontSize);
    attr(label, 'fill', textColor(fill));
    const content = text ? fmt(values[i], digits) : '';
    if (label.textContent !== content) label.textContent = content;
  });
}
