/**
 * DeepLab v3 Fig. 4 recomputed: on an n×n feature map with zero 'same' padding, the share of
 * output positions where all 9, exactly 4 or exactly 1 of a 3x3 filter's taps land on the map, as
 * the rate grows from 1 to 80; the count map for one rate; the numbers at the rates DeepLab uses,
 * and DeepLab's own pairings of rates with map sizes. Computes in the worker: atrousValidTaps (the
 * curves, fetched again only when the size changes), atrousValidTapCounts (the map of the chosen
 * rate) and, once, atrousAllValidShares for the pairings.
 */
import { axisBottom, axisLeft, interpolateYlGnBu, line, scaleLinear, select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { ValidTapsResult } from '../lib/runtime/worker/tasks/atrous.ts';
import { fmt } from '../lib/viz/format.ts';
import { SERIES_COLORS } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { FACT_RATES, MAX_RATE, settings } from './atrous-valid-taps.settings.ts';

const v = t.atrousValidTaps;
const TAPS = 9;
const SERIES = [9, 4, 1] as const;
const W = 560;
const H = 300;
const M = { top: 10, right: 14, bottom: 46, left: 56 };

export default defineFigure(settings, ({ $, root, state, api, update }) => {
  const x = scaleLinear()
    .domain([1, MAX_RATE])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([H - M.bottom, M.top]);
  const chart = select($<SVGSVGElement>('[data-chart]')).attr('viewBox', `0 0 ${W} ${H}`);
  chart
    .append('g')
    .attr('transform', `translate(0,${H - M.bottom})`)
    .call(axisBottom(x).ticks(8))
    .attr('font-size', 14);
  chart.append('g').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(5)).attr('font-size', 14);
  chart
    .append('text')
    .attr('x', (M.left + W - M.right) / 2)
    .attr('y', H - 2)
    .attr('text-anchor', 'middle')
    .attr('font-size', 15)
    .text(v.axisRate);
  chart
    .append('text')
    .attr('transform', `translate(14,${(H - M.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', 15)
    .text(v.axisShare);
  const cursor = chart
    .append('line')
    .attr('y1', M.top)
    .attr('y2', H - M.bottom)
    .attr('stroke', '#5a6470')
    .attr('stroke-dasharray', '3 3');
  const paths = [...SERIES.map((_, i) => SERIES_COLORS[i]!), '#5a6470'].map((color, i) =>
    chart
      .append('path')
      .attr('fill', 'none')
      .attr('stroke', color)
      .attr('stroke-width', 2.5)
      .attr('stroke-dasharray', i === SERIES.length ? '6 4' : null),
  );
  const legendItems = [...SERIES.map((j, i) => [v.series[j], SERIES_COLORS[i]!]), [v.mean, '#5a6470']];
  $('[data-legend]').replaceChildren(
    ...legendItems.map(([label, color]) => {
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.style.background = color!;
      li.append(swatch, label!);
      return li;
    }),
  );

  // DeepLab's pairings: shares from the tensor beside ((n − 2r)/n)², computed once; each row can
  // put its map size and rate on the chart.
  const pairings = [...root.querySelectorAll<HTMLElement>('[data-pairing]')].map((tr) => ({
    tr,
    side: Number(tr.dataset.side),
    rate: Number(tr.dataset.pairingRate),
  }));
  for (const { tr, side, rate } of pairings) {
    tr.querySelector('[data-show]')!.addEventListener('click', () => {
      state.set({ size: side, rate });
      void update();
    });
  }
  let pairingsShown = false;
  const showPairings = async () => {
    pairingsShown = true;
    const runtime = await api();
    for (const { tr, side, rate } of pairings) {
      const [share] = await runtime.atrousAllValidShares(side, [rate]);
      tr.querySelector('[data-all]')!.textContent = fmt(share!, 3);
      tr.querySelector('[data-closed]')!.textContent = fmt((Math.max(0, side - 2 * rate) / side) ** 2, 3);
    }
  };

  const drawCurves = (size: number, r: ValidTapsResult) => {
    const at = (i: number) => x(r.rates[i]!);
    SERIES.forEach((j, s) =>
      paths[s]!.attr(
        'd',
        line<number[]>()
          .x((_, i) => at(i))
          .y((h) => y(h[j]!))(r.histograms),
      ),
    );
    paths[SERIES.length]!.attr(
      'd',
      line<number>()
        .x((_, i) => at(i))
        .y((m) => y(m))(r.meanValid),
    );
    $('[data-chart-title]').textContent = v.chartTitle(size);
    chart.attr('aria-label', v.chartAlt(size));
    $('[data-table-caption]').textContent = v.tableCaption(size);
  };

  const drawRate = (size: number, rate: number, r: ValidTapsResult, counts: Float32Array) => {
    cursor.attr('x1', x(rate)).attr('x2', x(rate));
    const canvas = $<HTMLCanvasElement>('[data-map]');
    drawHeatmap(canvas, counts, size, size, interpolateYlGnBu, [0, TAPS]);
    canvas.setAttribute('aria-label', v.mapAlt(rate));
    $('[data-map-title]').textContent = v.mapTitle(rate);
    $('[data-rate-cell]').textContent = v.selectedRow(rate);
    const rows = [
      ...FACT_RATES.map((fact) => [fact, $(`[data-fact-rate="${fact}"]`)] as const),
      [rate, $('[data-selected-rate]')] as const,
    ];
    for (const [fact, tr] of rows) {
      const h = r.histograms[fact - 1]!;
      tr.querySelector('[data-all]')!.textContent = fmt(h[TAPS]!, 3);
      tr.querySelector('[data-one]')!.textContent = fmt(h[1]!, 3);
      tr.querySelector('[data-mean]')!.textContent = fmt(r.meanValid[fact - 1]!, 3);
    }
  };

  // The curves depend only on the size, so moving the rate fetches and draws just the map.
  let curves: { size: number; result: ValidTapsResult } | undefined;
  return {
    async compute({ size, rate }) {
      const runtime = await api();
      const [result, counts] = await Promise.all([
        curves?.size === size ? curves.result : runtime.atrousValidTaps(size, MAX_RATE),
        runtime.atrousValidTapCounts(size, rate),
      ]);
      return { size, rate, result, counts };
    },
    draw({ size, rate, result, counts }) {
      if (curves?.size !== size) {
        curves = { size, result };
        drawCurves(size, result);
      }
      drawRate(size, rate, result, counts);
      if (!pairingsShown) {
        void showPairings().catch((e: Error) => {
          $('[data-pairings] caption').textContent = t.figure.error(e.message);
        });
      }
    },
  };
});
