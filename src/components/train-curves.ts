/**
 * A training curve in an SVG with a viewBox: one line over step, axes with a few ticks. Redrawn
 * whole each time (a few thousand points at most), at most once per animation frame by the caller.
 */
import { axisBottom, axisLeft, line, max, scaleLinear, select } from 'd3';

export type CurvePoint = [step: number, value: number];

interface CurveOptions {
  /** The y range; by default 0 to the largest value. */
  yDomain?: [number, number];
  yFormat: (v: number) => string;
  xLabel: string;
}

const MARGIN = { top: 8, right: 10, bottom: 26, left: 44 };

export function drawCurve(svgElement: SVGSVGElement, points: CurvePoint[], options: CurveOptions): void {
  const { width, height } = svgElement.viewBox.baseVal;
  const svg = select(svgElement);
  const lastStep = max(points, (p) => p[0]) ?? 0;
  const x = scaleLinear()
    .domain([0, Math.max(lastStep, 10)])
    .range([MARGIN.left, width - MARGIN.right]);
  const yDomain = options.yDomain ?? [0, Math.max(max(points, (p) => p[1]) ?? 1, 1e-6)];
  const y = scaleLinear()
    .domain(yDomain)
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const layer = (name: string) => {
    const found = svg.select<SVGGElement>(`g.${name}`);
    return found.empty() ? svg.append('g').attr('class', name) : found;
  };
  layer('x-axis')
    .attr('transform', `translate(0,${height - MARGIN.bottom})`)
    .call(axisBottom(x).ticks(5).tickSizeOuter(0));
  layer('y-axis')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(
      axisLeft(y)
        .ticks(4)
        .tickFormat((v) => options.yFormat(Number(v)))
        .tickSizeOuter(0),
    );
  layer('x-label')
    .selectAll('text')
    .data([options.xLabel])
    .join('text')
    .attr('x', width - MARGIN.right)
    .attr('y', height - 2)
    .attr('text-anchor', 'end')
    .attr('font-size', 10)
    .text((d) => d);
  layer('line')
    .selectAll('path')
    .data([points])
    .join('path')
    .attr('fill', 'none')
    .attr('stroke', '#1f5fa8')
    .attr('stroke-width', 1.5)
    .attr('stroke-linejoin', 'round')
    .attr(
      'd',
      line<CurvePoint>()
        .x((p) => x(p[0]))
        .y((p) => y(p[1])),
    );
}
