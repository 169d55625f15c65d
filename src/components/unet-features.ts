/**
 * The trained U-Net's feature maps, level by level: pointing at or focusing a block of the U shows
 * every channel of that layer as a mosaic. Computes in the worker: one modelRun per scene asking
 * for the five layers (src/lib/runtime/worker/tasks/models.ts); moving between blocks only redraws.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { ModelRunResult } from '../lib/runtime/worker/tasks/models.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { mosaic } from '../lib/viz/mosaic.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { LAYERS, settings } from './unet-features.settings.ts';

const s = t.unetFeatures;
const SIDE = 64;

export default defineFigure(settings, ({ $, root, state, api, status, update }) => {
  let shown: { seed: number; run: ModelRunResult } | undefined;
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('[data-layer]'));
  const choose = (layer: string) => {
    if (layer === state.values.layer) return;
    state.set({ layer: layer as (typeof LAYERS)[number] });
    void update();
  };
  for (const button of buttons) {
    const layer = button.dataset.layer!;
    button.addEventListener('pointerenter', () => choose(layer));
    button.addEventListener('focus', () => choose(layer));
    button.addEventListener('click', () => choose(layer));
  }
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed % settings.fields.seed.max) + 1 });
    void update();
  });

  return {
    async compute({ seed }) {
      if (shown?.seed === seed) return shown;
      const worker = await api();
      await loadModels(worker, ['unet'], status);
      const scene = await worker.sceneForPage(seed, SIDE);
      return { seed, run: await worker.modelRun('unet', scene.image, SIDE, SIDE, { activations: [...LAYERS] }) };
    },
    draw(result, values) {
      const { layer } = values;
      shown = result;
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.layer === layer));
      const a = result.run.activations[layer]!;
      const [, h, w, c] = a.shape as [number, number, number, number];
      // Channel-major copies for the mosaic; the grid is the smallest square holding every channel.
      const tiles = Math.ceil(Math.sqrt(c));
      const planes = new Float32Array(tiles * tiles * h * w);
      let max = 0;
      let active = 0;
      for (let i = 0; i < h * w; i++) {
        for (let k = 0; k < c; k++) {
          const v = a.data[i * c + k]!;
          planes[k * h * w + i] = v;
          max = Math.max(max, v);
          if (v > 0) active++;
        }
      }
      const laid = mosaic(planes, tiles, h, 2, max);
      const canvas = $<HTMLCanvasElement>('[data-maps]');
      drawHeatmap(canvas, laid.values, laid.side, laid.side, greyRamp, [0, max]);
      canvas.setAttribute('aria-label', s.mapsAlt(layer, c, h));
      $('[data-summary]').textContent = s.summary(layer, h, c, `${((100 * active) / (h * w * c)).toFixed(0)}%`);
      root.dataset.shown = Object.values(values).join(',');
    },
  };
});
