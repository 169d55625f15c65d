/**
 * Each ASPP branch's field of view: on the input, the nine taps of every branch at the cursor
 * (each tap one output stride wide); on the feature map, how many taps of each 3×3 branch land on
 * the map at every position, with the shares of positions where all nine do. Our rates and map
 * come from the trained DeepLab's layers; the paper's from its 513-pixel crops. Computes in the
 * worker: asppInfo, asppValidShares, asppValidCounts (ops/aspp-fields.ts, ops/valid-taps-by-rate.ts).
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { greyRamp, SERIES_COLORS } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { arrowStep, pixelAt } from '../lib/viz/pointer.ts';
import { PAPER, settings } from './aspp-fields.settings.ts';

const s = t.asppFields;
const SCENE_SEED = 21;
const OFFSETS = [-1, 0, 1];
const FAST_STEP = 4;
/** Valid-tap counts from white (none) to dark grey (all nine), so the taps' colours stay visible. */
const countRamp = (v: number) => greyRamp(1 - 0.85 * v);

interface Setup {
  size: number;
  stride: number;
  input: number;
  rates: number[];
  scene?: Float32Array;
  shares: [number, number][];
  counts: Float32Array;
}

export default defineFigure(settings, ({ $, root, state, api, status }) => {
  let shown: Setup | undefined;
  let ours: { size: number; stride: number; input: number; rates: number[]; scene: Float32Array } | undefined;
  const canvases = [0, 1, 2].map((i) => $<HTMLCanvasElement>(`[data-branch="${i}"]`));
  const clampToMap = (v: number) => Math.min(Math.max(v, 0), (shown?.size ?? 1) - 1);

  const drawCursor = () => {
    if (!shown) return;
    const { size, stride, input, rates } = shown;
    const row = clampToMap(state.values.row);
    const col = clampToMap(state.values.col);
    const branches = [1, ...rates];
    // On the input: each tap covers the stride × stride block of input pixels its map pixel stands for.
    const grid = OFFSETS.flatMap((dy) => OFFSETS.map((dx) => [dy, dx]));
    const taps = branches.flatMap((rate, b) =>
      (b === 0 ? [[0, 0]] : grid).map(([dy, dx]) => ({
        b,
        y: (row + dy! * rate) * stride,
        x: (col + dx! * rate) * stride,
      })),
    );
    select($<SVGSVGElement>('[data-input-taps]'))
      .attr('viewBox', `0 0 ${input} ${input}`)
      .selectAll('rect')
      .data(taps)
      .join('rect')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('width', stride)
      .attr('height', stride)
      .attr('fill', (d) => SERIES_COLORS[d.b]!)
      .attr('fill-opacity', 0.55)
      .attr('stroke', (d) => SERIES_COLORS[d.b]!)
      .attr('stroke-width', stride / 6);
    rates.forEach((rate, i) => {
      const marks = OFFSETS.flatMap((dy) => OFFSETS.map((dx) => ({ y: row + dy * rate, x: col + dx * rate }))).map(
        (p) => ({ ...p, inside: p.y >= 0 && p.y < size && p.x >= 0 && p.x < size }),
      );
      select($<SVGSVGElement>(`[data-branch-taps="${i}"]`))
        .attr('viewBox', `0 0 ${size} ${size}`)
        .selectAll('rect')
        .data(marks)
        .join('rect')
        .attr('x', (d) => d.x)
        .attr('y', (d) => d.y)
        .attr('width', 1)
        .attr('height', 1)
        .attr('fill', (d) => (d.inside ? SERIES_COLORS[i + 1]! : 'none'))
        .attr('stroke', SERIES_COLORS[i + 1]!)
        .attr('stroke-width', Math.max(size / 80, 0.15));
    });
    $('[data-cursor]').textContent = s.cursor(row, col);
  };

  // The map's side changes with the setting, so pointer and keys read it at each event.
  for (const canvas of canvases) {
    const move = (row: number, col: number) => {
      state.set({ row: clampToMap(row), col: clampToMap(col) });
      drawCursor();
    };
    const onPointer = (event: PointerEvent) => move(...pixelAt(canvas, event, shown?.size ?? 1, shown?.size ?? 1));
    canvas.addEventListener('pointermove', onPointer);
    canvas.addEventListener('pointerdown', onPointer);
    canvas.addEventListener('keydown', (event) => {
      const step = arrowStep(event, event.shiftKey ? FAST_STEP : 1);
      if (!step) return;
      event.preventDefault();
      move(clampToMap(state.values.row) + step[0], clampToMap(state.values.col) + step[1]);
    });
  }

  return {
    async compute({ map }): Promise<Setup> {
      const worker = await api();
      let setup: Omit<Setup, 'shares' | 'counts'>;
      if (map === 'ours') {
        if (!ours) {
          await loadModels(worker, ['deeplabv3'], status);
          const info = await worker.asppInfo('deeplabv3');
          const scene = await worker.sceneForPage(SCENE_SEED, info.inputSize);
          const rates = info.branches.filter((b) => b.kind === 'conv' && b.kernel === 3).map((b) => b.rate);
          ours = { size: info.mapSize, stride: info.outputStride, input: info.inputSize, rates, scene: scene.image };
        }
        setup = ours;
      } else {
        const { stride, rates } = PAPER[map];
        setup = { size: (PAPER.crop - 1) / stride + 1, stride, input: PAPER.crop, rates: [...rates] };
      }
      const [shares, counts] = await Promise.all([
        worker.asppValidShares(setup.size, setup.rates),
        worker.asppValidCounts(setup.size, setup.rates),
      ]);
      return { ...setup, shares, counts };
    },
    draw(r, values) {
      shown = r;
      const { size, stride, input, rates } = r;
      $('[data-setting]').textContent = s.setting(size, input, stride, rates.join(' / '));
      $('[data-input-title]').textContent = s.input(input);
      const inputCanvas = $<HTMLCanvasElement>('[data-input]');
      if (r.scene) drawHeatmap(inputCanvas, r.scene, input, input, greyRamp, [0, 1]);
      else drawHeatmap(inputCanvas, new Float32Array(1).fill(0.15), 1, 1, greyRamp, [0, 1]);
      const names = [s.branch1x1, ...rates.map((rate) => s.branchRate(rate)), s.pool];
      const list = $('[data-branch-list]');
      list.replaceChildren(
        ...names.map((name, b) => {
          const li = document.createElement('li');
          li.textContent = b === names.length - 1 ? `${name}: ${s.poolNote}` : name;
          if (b < SERIES_COLORS.length) li.style.setProperty('--c', SERIES_COLORS[b]!);
          return li;
        }),
      );
      rates.forEach((rate, i) => {
        const span = 2 * rate + 1;
        // The map sits inside a frame of padding as wide as the rate, where the outer taps can fall.
        const pad = $<HTMLElement>(`[data-pad="${i}"]`);
        pad.style.padding = `${((100 * rate) / (size + 2 * rate)).toFixed(3)}%`;
        drawHeatmap(
          canvases[i]!,
          r.counts.subarray(i * size * size, (i + 1) * size * size),
          size,
          size,
          countRamp,
          [0, 9],
        );
        canvases[i]!.setAttribute('aria-label', s.branchAlt(names[i + 1]!, size));
        $(`[data-branch-title="${i}"]`).textContent = names[i + 1]!;
        $(`[data-branch-span="${i}"]`).textContent = s.span(span, span * stride);
        const [all, mean] = r.shares[i]!;
        $(`[data-branch-shares="${i}"]`).textContent = s.shares(all, mean);
      });
      drawCursor();
      root.dataset.shown = Object.values(values).join(',');
    },
  };
});
