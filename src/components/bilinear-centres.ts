/**
 * A number line in input pixels: the input pixel centres, and where each output pixel samples
 * them under half-pixel centres, align corners and TF.js's default, for the reader's n_in → n_out.
 * Pure index arithmetic (ops/bilinear-coordinates.ts): it never starts TensorFlow.js.
 */
import { scaleLinear, select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { CONVENTIONS, defaultShift, samplePositions } from '../lib/ops/bilinear-coordinates.ts';
import { fmt } from '../lib/viz/format.ts';
import { SERIES_COLORS } from '../lib/viz/palette.ts';
import { settings } from './bilinear-centres.settings.ts';

const c = t.bilinearCentres;
const WIDTH = 760;
const LEFT = 170;
const RIGHT = 20;
const INPUT_Y = 50;
const ROW_Y = [120, 170, 220];

/** The distinct steps between neighbouring samples, as printed (one value when they are even). */
const steps = (xs: number[]) => [...new Set(xs.slice(1).map((x, d) => fmt(x - xs[d]!)))].join(' / ');

export default defineFigure(settings, ({ $ }) => {
  const svgNode = $<SVGSVGElement>('[data-line]');
  const svg = select(svgNode);
  const guides = svg.append('g').attr('stroke', '#9aa4b0').attr('stroke-dasharray', '2 3');
  const pixels = svg.append('g');
  const rows = svg.append('g');
  svg
    .append('text')
    .attr('x', 0)
    .attr('y', INPUT_Y + 5)
    .attr('font-size', 13)
    .attr('font-weight', 700)
    .text(c.inputRow);

  return {
    compute: ({ nIn, nOut }) => ({
      samples: CONVENTIONS.map((k) => ({ convention: k, xs: samplePositions(nIn, nOut, k) })),
      shift: defaultShift(nIn, nOut),
    }),
    draw({ samples, shift }, { nIn, nOut }) {
      const all = samples.flatMap((s) => s.xs);
      const x = scaleLinear()
        .domain([Math.min(-0.5, ...all), Math.max(nIn - 0.5, ...all)])
        .range([LEFT, WIDTH - RIGHT]);
      const centres = Array.from({ length: nIn }, (_, i) => i);
      guides
        .selectAll('line')
        .data(centres)
        .join('line')
        .attr('x1', (i) => x(i))
        .attr('x2', (i) => x(i))
        .attr('y1', INPUT_Y)
        .attr('y2', ROW_Y.at(-1)! + 10);
      const pixel = pixels
        .selectAll('g')
        .data(centres)
        .join((enter) => {
          const g = enter.append('g');
          g.append('rect').attr('fill', '#fff').attr('stroke', '#555');
          g.append('circle').attr('r', 4).attr('fill', '#222');
          g.append('text').attr('font-size', 12).attr('text-anchor', 'middle');
          return g;
        });
      pixel
        .select('rect')
        .attr('x', (i) => x(i - 0.5))
        .attr('width', (i) => x(i + 0.5) - x(i - 0.5))
        .attr('y', INPUT_Y - 14)
        .attr('height', 28);
      pixel
        .select('circle')
        .attr('cx', (i) => x(i))
        .attr('cy', INPUT_Y);
      pixel
        .select('text')
        .attr('x', (i) => x(i))
        .attr('y', INPUT_Y - 20)
        .text((i) => i);

      const row = rows
        .selectAll<SVGGElement, (typeof samples)[number]>('g.row')
        .data(samples)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'row');
          g.append('text').attr('class', 'name').attr('x', 0).attr('font-size', 13).attr('font-weight', 700);
          g.append('line').attr('stroke', '#555');
          g.append('g').attr('class', 'dots');
          return g;
        });
      row.each(function ({ convention, xs }, r) {
        const g = select(this);
        const y = ROW_Y[r]!;
        const color = SERIES_COLORS[r + 1]!;
        g.select('.name')
          .attr('y', y + 5)
          .attr('fill', color)
          .text(c.conventions[convention]);
        g.select('line')
          .attr('x1', LEFT)
          .attr('x2', WIDTH - RIGHT)
          .attr('y1', y)
          .attr('y2', y);
        const dot = g
          .select('.dots')
          .selectAll('g')
          .data(xs)
          .join((enter) => {
            const d = enter.append('g');
            d.append('circle').attr('r', 5).attr('stroke-width', 2);
            d.append('text').attr('font-size', 11).attr('text-anchor', 'middle');
            return d;
          });
        // Hollow where the sample falls outside the first or last centre and is clamped.
        const outside = (v: number) => v < -1e-9 || v > nIn - 1 + 1e-9;
        dot
          .select('circle')
          .attr('cx', (v) => x(v))
          .attr('cy', y)
          .attr('stroke', color)
          .attr('fill', (v) => (outside(v) ? '#fff' : color));
        dot
          .select('text')
          .attr('x', (v) => x(v))
          .attr('y', (_, d) => y - (d % 2 ? 18 : 10))
          .text((_, d) => d);
      });
      svgNode.setAttribute(
        'aria-label',
        `${c.lineAlt(nIn, nOut)}. ${samples
          .map(({ convention, xs }) => c.samples(c.conventions[convention], xs.map((v) => fmt(v)).join(', ')))
          .join('. ')}`,
      );

      for (const { convention, xs } of samples) {
        const name = c.conventions[convention];
        $(`[data-samples="${convention}"]`).textContent =
          `${c.samples(name, xs.map((v) => fmt(v)).join(', '))}; ${c.step(steps(xs))}`;
      }
      $('[data-ratios]').textContent = c.ratios(nIn, nOut, fmt(nIn / nOut, 3), fmt((nIn - 1) / (nOut - 1), 3));
      const inputPx = [...new Set(shift.map((v) => fmt(v)))].join(' / ');
      const outputPx = [...new Set(shift.map((v) => fmt((v * nOut) / nIn)))].join(' / ');
      $('[data-shift]').textContent = c.shift(inputPx, outputPx);
    },
  };
});
