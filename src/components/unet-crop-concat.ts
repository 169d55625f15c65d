/**
 * Crop-and-concatenate on the trained U-Net's real feature maps: for one skip connection, the
 * contracting-path map with the window its crop keeps, the crop, the up-convolved map from below,
 * and the two halves of the concatenation, one channel at a time. Computes in the worker: one
 * modelRun asking for the four layers' outputs (src/lib/runtime/worker/tasks/models.ts).
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { type SizeWalk, sizeWalk } from '../lib/ops/size-walk.ts';
import type { Activation, ModelRunResult } from '../lib/runtime/worker/tasks/models.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { settings } from './unet-crop-concat.settings.ts';

const s = t.unetCropConcat;
const SIDE = 64;
/** The model's input layer: the scene with its mirrored border, as the network reads it. */
const INPUT = 'image';
const layersOf = (level: string) => ({
  skip: `enc${level}_conv2`,
  crop: `crop${level}`,
  up: `up${level}`,
  concat: `concat${level}`,
});

/** One channel of an [1, h, w, c] activation, row-major. */
function channel(a: Activation, c: number): Float32Array {
  const [, h, w, channels] = a.shape as [number, number, number, number];
  return Float32Array.from({ length: h * w }, (_, i) => a.data[i * channels + c]!);
}

function range(values: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

export default defineFigure(settings, ({ $, root, state, api, status, update }) => {
  let walk: SizeWalk | undefined;
  let border = 0;
  let shown: { seed: number; run: ModelRunResult } | undefined;
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed % settings.fields.seed.max) + 1 });
    void update();
  });

  const paint = (selector: string, values: Float32Array, shape: number[], span: [number, number], alt: string) => {
    const canvas = $<HTMLCanvasElement>(selector);
    drawHeatmap(canvas, values, shape[2]!, shape[1]!, greyRamp, span);
    canvas.setAttribute('aria-label', alt);
  };

  return {
    async compute({ seed }) {
      const worker = await api();
      const [info] = await loadModels(worker, ['unet'], status);
      border = info!.border;
      walk ??= sizeWalk(await worker.unetSizeNodes(), SIDE + 2 * border);
      if (shown?.seed === seed) return shown;
      const scene = await worker.sceneForPage(seed, SIDE);
      const layers = [INPUT, ...['1', '2'].flatMap((l) => Object.values(layersOf(l)))];
      const run = await worker.modelRun('unet', scene.image, SIDE, SIDE, { activations: layers });
      return { seed, run };
    },
    draw(result, values) {
      const { level, channel: c } = values;
      shown = result;
      const names = layersOf(level);
      const a = result.run.activations;
      const skip = a[names.skip]!;
      const crop = a[names.crop]!;
      const up = a[names.up]!;
      const concat = a[names.concat]!;
      const skipC = skip.shape[3]!;
      const input = a[INPUT]!;
      drawHeatmap($<HTMLCanvasElement>('[data-scene]'), input.data, input.shape[2]!, input.shape[1]!, greyRamp, [0, 1]);
      $('[data-scene]').setAttribute('aria-label', s.sceneAlt(SIDE, border));
      const skipValues = channel(skip, c);
      const upValues = channel(up, c);
      const skipSpan = range(skipValues);
      const upSpan = range(upValues);
      paint('[data-skip]', skipValues, skip.shape, skipSpan, s.mapAlt(names.skip, c));
      paint('[data-crop]', channel(crop, c), crop.shape, skipSpan, s.mapAlt(names.crop, c));
      paint('[data-up]', upValues, up.shape, upSpan, s.mapAlt(names.up, c));
      paint('[data-concat-a]', channel(concat, c), concat.shape, skipSpan, s.mapAlt(names.concat, c));
      paint('[data-concat-b]', channel(concat, skipC + c), concat.shape, upSpan, s.mapAlt(names.concat, skipC + c));
      $('[data-title-skip]').textContent = s.skip(names.skip, skip.shape.slice(1));
      $('[data-title-crop]').textContent = s.cropped(names.crop, crop.shape.slice(1));
      $('[data-title-up]').textContent = s.up(names.up, up.shape.slice(1));
      $('[data-title-concat]').textContent = s.concat(names.concat, concat.shape.slice(1));
      $('[data-concat-first]').textContent = s.concatFirst(c);
      $('[data-concat-second]').textContent = s.concatSecond(skipC + c);
      const cut = walk!.steps.find((step) => step.name === names.crop)!.crop!;
      const from = skip.shape[1]!;
      select($<SVGSVGElement>('[data-crop-window]'))
        .attr('viewBox', `0 0 ${from} ${from}`)
        .selectAll('rect')
        .data([
          ['#000', 1.2],
          ['#f0a500', 0.6],
        ])
        .join('rect')
        .attr('x', cut.before)
        .attr('y', cut.before)
        .attr('width', crop.shape[2]!)
        .attr('height', crop.shape[1]!)
        .attr('fill', 'none')
        .attr('stroke', (d) => d[0]!)
        .attr('stroke-width', (d) => d[1]!);
      $('[data-summary]').textContent = s.summary(from, crop.shape[1]!, cut.before, skipC, up.shape[3]!);
      root.dataset.shown = Object.values(values).join(',');
    },
  };
});
