/**
 * The effective receptive field (Luo et al. 2016): how strongly each input pixel moves the centre
 * output of a stack of 3x3 layers, measured as |∂y/∂x| with tf.grad, with the theoretical field
 * outlined and the centre row as a profile. Computes in the worker: atrousErf.
 */
import { interpolateInferno, line, scaleLinear, select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { fmt } from '../lib/viz/format.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { settings } from './atrous-erf.settings.ts';

const e = t.atrousErf;
const PROFILE = { width: 360, height: 140, left: 32, bottom: 22 };

export default defineFigure(settings, ({ $, state, api, update }) => {
  const heatCanvas = $<HTMLCanvasElement>('[data-heat]');
  const box = select($<SVGSVGElement>('[data-box]'));
  const outline = box.append('rect').attr('fill', 'none').attr('stroke', '#4fc3f7').attr('stroke-dasharray', '1.5 1');
  const centre = box.append('rect').attr('width', 1).attr('height', 1).attr('fill', 'none').attr('stroke', '#fff');

  const profile = select($<SVGSVGElement>('[data-profile]')).attr('viewBox', `0 0 ${PROFILE.width} ${PROFILE.height}`);
  const fieldBand = profile.append('rect').attr('fill', '#4fc3f7').attr('fill-opacity', 0.2);
  const curve = profile.append('path').attr('fill', 'none').attr('stroke', '#b3361b').attr('stroke-width', 2);
  const axis = profile.append('g').attr('font-size', 13).attr('fill', '#333');

  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed + 1) % (settings.fields.seed.max + 1) });
    void update();
  });

  return {
    compute: async ({ depth, dilation, weights, activation, seed }) =>
      (await api()).atrousErf(depth, Number(dilation), weights, activation, seed),
    draw(r) {
      drawHeatmap(heatCanvas, r.heat, r.size, r.size, interpolateInferno, [0, 1]);
      heatCanvas.setAttribute('aria-label', e.heatAlt(r.theoretical));
      box.attr('viewBox', `0 0 ${r.size} ${r.size}`);
      const stroke = r.size / 160;
      const c = (r.size - 1) / 2;
      centre.attr('x', c).attr('y', c).attr('stroke-width', stroke);

      const row = Array.from(r.heat.subarray(c * r.size, (c + 1) * r.size));
      const x = scaleLinear()
        .domain([0, r.size - 1])
        .range([PROFILE.left, PROFILE.width - 8]);
      const y = scaleLinear()
        .domain([0, 1])
        .range([PROFILE.height - PROFILE.bottom, 8]);
      curve.attr(
        'd',
        line<number>()
          .x((_, i) => x(i))
          .y((v) => y(v))(row),
      );
      // No box when no input pixel reaches the output (cannot happen at stride 1, but the op allows it).
      const b = r.box;
      outline.attr('display', b ? null : 'none');
      fieldBand.attr('display', b ? null : 'none');
      if (b) {
        outline
          .attr('x', b.left)
          .attr('y', b.top)
          .attr('stroke-width', stroke * 1.5)
          .attr('width', b.right - b.left + 1)
          .attr('height', b.bottom - b.top + 1);
        fieldBand
          .attr('x', x(b.left - 0.5))
          .attr('width', x(b.right + 0.5) - x(b.left - 0.5))
          .attr('y', 8)
          .attr('height', PROFILE.height - PROFILE.bottom - 8);
      }
      const ends = b
        ? [
            { x: x(b.left), y: PROFILE.height - 6, text: String(b.left - c), anchor: 'middle' },
            { x: x(b.right), y: PROFILE.height - 6, text: `+${b.right - c}`, anchor: 'middle' },
          ]
        : [];
      axis
        .selectAll('text')
        .data([
          { x: PROFILE.left - 4, y: y(1), text: '1', anchor: 'end' },
          { x: PROFILE.left - 4, y: y(0), text: '0', anchor: 'end' },
          ...ends,
        ])
        .join('text')
        .attr('x', (d) => d.x)
        .attr('y', (d) => d.y)
        .attr('dy', '0.35em')
        .attr('text-anchor', (d) => d.anchor)
        .text((d) => d.text);

      const dead = r.reached === 0;
      $('[data-theoretical]').textContent = b ? e.theoretical(r.theoretical) : e.unreached;
      $('[data-sigma]').textContent = e.sigma(dead ? '–' : fmt(r.sigma, 1));
      $('[data-strong]').textContent = e.strong(fmt(100 * r.strongShare, 1));
      $<HTMLElement>('[data-dead]').hidden = !dead;
    },
  };
});
