/**
 * FCN's fusion opened up for one class: the score maps at stride 32, 16 and 8, each 2× upsampling
 * and each sum, as the trained model computed them (its named layers' outputs), on one colour
 * scale centred on zero. The sums are checked here against upsampled + skip.
 * Worker: sceneForPage, modelRun with activations.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { fmt, fmtDiff } from '../lib/viz/format.ts';
import { loadModels, runModel } from '../lib/viz/model-load.ts';
import { differenceRamp, greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { bindNewScene } from './new-scene.ts';
import { layersOf, SUMS, settings } from './skip-fusion.settings.ts';

const s = t.skipFusion;

interface Activation {
  shape: number[];
  data: Float32Array;
}

/**
 * Class k's score in a [1, h, w, c] map, minus the mean of the c scores at that position. Softmax
 * ignores such a shift, and it is linear, so the model's sums stay sums; raw scores of every class
 * are mostly negative and would hide where k wins.
 */
function relativeScore({ shape, data }: Activation, k: number): { rows: number; cols: number; values: Float32Array } {
  const [, rows, cols, classes] = shape as [number, number, number, number];
  const values = new Float32Array(rows * cols);
  for (let i = 0; i < values.length; i++) {
    let mean = 0;
    for (let c = 0; c < classes; c++) mean += data[i * classes + c]!;
    values[i] = data[i * classes + k]! - mean / classes;
  }
  return { rows, cols, values };
}

export default defineFigure(settings, async (ctx) => {
  const { $, root, api, status } = ctx;
  bindNewScene(ctx);
  const rows = Array.from(root.querySelectorAll<HTMLElement>('[data-row-model]'));

  return {
    async compute({ seed, model, size }) {
      const w = await api();
      await loadModels(w, [model], status);
      const side = Number(size);
      const scene = await w.sceneForPage(seed, side);
      const run = await runModel(w, model, scene.image, side, side, { activations: layersOf(model) });
      return { scene, run };
    },
    draw({ scene, run }, { model, cls, size }) {
      root.dataset.shown = `${scene.seed}:${model}:${cls}:${size}`;
      const k = Number(cls);
      const className = t.modelView.className(k);
      for (const row of rows) row.hidden = row.dataset.rowModel !== 'all' && row.dataset.rowModel !== model;
      drawHeatmap($<HTMLCanvasElement>('[data-scene]'), scene.image, scene.width, scene.height, greyRamp, [0, 1]);
      const digits = t.modelView.digits(scene.placements.map((p) => p.digit));
      $('[data-scene]').setAttribute('aria-label', t.modelView.sceneAlt(scene.width, digits));
      const maps = Object.fromEntries(Object.entries(run.activations).map(([name, a]) => [name, relativeScore(a, k)]));
      // One scale for every map, symmetric about zero, so sizes of scores compare across steps.
      let maxAbs = 0;
      for (const { values } of Object.values(maps)) for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
      // RdBu runs red → blue: scores above the mean draw blue.
      const domain: [number, number] = [-(maxAbs || 1), maxAbs || 1];
      for (const [name, { rows: h, cols: w, values }] of Object.entries(maps)) {
        for (const canvas of root.querySelectorAll<HTMLCanvasElement>(`[data-step="${name}"]`)) {
          drawHeatmap(canvas, values, w, h, differenceRamp, domain);
          canvas.setAttribute('aria-label', s.mapAlt(s.step[name]!, h, w, className));
        }
        const text = s.dims(h, w, scene.height / h);
        for (const dims of root.querySelectorAll(`[data-dims="${name}"]`)) dims.textContent = text;
      }
      $('[data-scale]').textContent = s.scale(fmt(maxAbs, 1));
      let diff = 0;
      for (const [up, skip, sum] of SUMS[model]) {
        const a = run.activations[up]!.data;
        const b = run.activations[skip]!.data;
        const c = run.activations[sum]!.data;
        for (let i = 0; i < c.length; i++) diff = Math.max(diff, Math.abs(a[i]! + b[i]! - c[i]!));
      }
      $('[data-sum-check]').textContent = s.sumCheck(fmtDiff(diff));
    },
  };
});
