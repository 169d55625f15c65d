/**
 * The effective receptive field (Luo et al. 2016): how strongly each input pixel moves the centre
 * output of a stack of 3x3 layers, measured as |∂y/∂x| with tf.grad, with the theoretical field
 * outlined and the centre row as a profile. Computes in the worker: atrousErf.
 */
import { interpolateInferno, line, scaleLinear, select } from 'd3';
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { ErfResult } from '../lib/runtime/worker/tasks/atrous.ts';
import { fmt } from '../lib/viz/format.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';

const SETTINGS = {
  depth: { kind: 'int', min: 1, max: 8, default: 5 },
  dilation: { kind: 'enum', values: ['1', '2', '3', '4'], default: '1' },
  weights: { kind: 'enum', values: ['uniform', 'random'], default: 'uniform' },
  activation: { kind: 'enum', values: ['linear', 'relu'], default: 'linear' },
  seed: { kind: 'int', min: 0, max: 9999, default: 0 },
} as const;

const PROFILE = { width: 360, height: 140, left: 32, bottom: 22 };

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const e = t.atrousErf;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const heatCanvas = $<HTMLCanvasElement>('[data-heat]');
  const state = urlState('atrous-erf', SETTINGS);

  const box = select($<SVGSVGElement>('[data-box]'));
  const outline = box.append('rect').attr('fill', 'none').attr('stroke', '#4fc3f7').attr('stroke-dasharray', '1.5 1');
  const centre = box.append('rect').attr('width', 1).attr('height', 1).attr('fill', 'none').attr('stroke', '#fff');

  const profile = select($<SVGSVGElement>('[data-profile]')).attr('viewBox', `0 0 ${PROFILE.width} ${PROFILE.height}`);
  const fieldBand = profile.append('rect').attr('fill', '#4fc3f7').attr('fill-opacity', 0.2);
  const curve = profile.append('path').attr('fill', 'none').attr('stroke', '#b3361b').attr('stroke-width', 2);
  const axis = profile.append('g').attr('font-size', 13).attr('fill', '#333');

  const draw = (r: ErfResult) => {
    drawHeatmap(heatCanvas, r.heat, r.size, r.size, interpolateInferno, [0, 1]);
    heatCanvas.setAttribute('aria-label', e.heatAlt(r.theoretical));
    box.attr('viewBox', `0 0 ${r.size} ${r.size}`);
    const stroke = r.size / 160;
    outline.attr('x', r.box.left).attr('y', r.box.top).attr('stroke-width', stroke * 1.5)
      .attr('width', r.box.right - r.box.left + 1).attr('height', r.box.bottom - r.box.top + 1);
    const c = (r.size - 1) / 2;
    centre.attr('x', c).attr('y', c).attr('stroke-width', stroke);

    const row = Array.from(r.heat.subarray(c * r.size, (c + 1) * r.size));
    const x = scaleLinear().domain([0, r.size - 1]).range([PROFILE.left, PROFILE.width - 8]);
    const y = scaleLinear().domain([0, 1]).range([PROFILE.height - PROFILE.bottom, 8]);
    fieldBand.attr('x', x(r.box.left - 0.5)).attr('width', x(r.box.right + 0.5) - x(r.box.left - 0.5))
      .attr('y', 8).attr('height', PROFILE.height - PROFILE.bottom - 8);
    curve.attr('d', line<number>().x((_, i) => x(i)).y((v) => y(v))(row));
    axis.selectAll('text').data([
      { x: PROFILE.left - 4, y: y(1), text: '1', anchor: 'end' },
      { x: PROFILE.left - 4, y: y(0), text: '0', anchor: 'end' },
      { x: x(r.box.left), y: PROFILE.height - 6, text: String(r.box.left - c), anchor: 'middle' },
      { x: x(r.box.right), y: PROFILE.height - 6, text: `+${r.box.right - c}`, anchor: 'middle' },
    ]).join('text').attr('x', (d) => d.x).attr('y', (d) => d.y).attr('dy', '0.35em')
      .attr('text-anchor', (d) => d.anchor).text((d) => d.text);

    const dead = r.reached === 0;
    $('[data-theoretical]').textContent = e.theoretical(r.theoretical);
    $('[data-sigma]').textContent = e.sigma(dead ? '–' : fmt(r.sigma, 1));
    $('[data-strong]').textContent = e.strong(fmt(100 * r.strongShare, 1));
    $<HTMLElement>('[data-dead]').hidden = !dead;
    $('[data-depth-value]').textContent = String(state.values.depth);
  };

  const update = liveUpdate(
    'atrous-erf',
    async () => {
      const { depth, dilation, weights, activation, seed } = state.values;
      draw(await api.atrousErf(depth, Number(dilation), weights, activation, seed));
    },
    (err) => setFigureState(root, 'error', t.figure.error(err.message)),
  );

  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed + 1) % 10000 });
    void update(undefined);
  });
  bindControls(root, state, () => void update(undefined));
  await update(undefined);
}
