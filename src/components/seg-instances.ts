/**
 * Semantic vs instance segmentation on a scene where one digit occurs twice: the label map (the
 * U-Net's, or the ground truth) gives both copies one colour; its connected regions, computed
 * here on every draw (ops/connected-components.ts), give each its own id.
 * Worker: sceneForPage (with a repeated digit), modelRun (unet).
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { connectedComponents } from '../lib/ops/connected-components.ts';
import { classMapRgba, INSTANCE_COLORS, instanceRgba } from '../lib/viz/class-palette.ts';
import { loadModels, runModel } from '../lib/viz/model-load.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap, drawRgba } from '../lib/viz/pixels.ts';
import { bindNewScene } from './new-scene.ts';
import { settings } from './seg-instances.settings.ts';
import { SCENE_SIDE } from './seg-scene.settings.ts';

const s = t.segInstances;
const SEGMENTER = 'unet';

export default defineFigure(settings, async (ctx) => {
  const { $, root, state, api, status } = ctx;
  let shownSeed = state.values.seed;
  bindNewScene(ctx, () => shownSeed);

  return {
    async compute({ seed }) {
      const w = await api();
      await loadModels(w, [SEGMENTER], status);
      const scene = await w.sceneForPage(seed, SCENE_SIDE, { repeatedDigit: true });
      const run = await runModel(w, SEGMENTER, scene.image, SCENE_SIDE, SCENE_SIDE);
      return { scene, run };
    },
    draw({ scene, run }, { source }) {
      shownSeed = scene.seed;
      root.dataset.shown = `${scene.seed}:${source}`;
      const { height, width } = scene;
      const labels = source === 'truth' ? scene.label : run.classMap;
      const parts = connectedComponents(labels, height, width);
      const digits = scene.placements.map((p) => p.digit);
      const repeated = digits.find((d, i) => digits.indexOf(d) !== i)!;
      drawHeatmap($<HTMLCanvasElement>('[data-scene]'), scene.image, width, height, greyRamp, [0, 1]);
      $('[data-scene]').setAttribute('aria-label', t.modelView.sceneAlt(scene.width, t.modelView.digits(digits)));
      drawRgba($<HTMLCanvasElement>('[data-semantic]'), classMapRgba(labels), width, height);
      drawRgba($<HTMLCanvasElement>('[data-instances]'), instanceRgba(parts.ids), width, height);
      $('[data-instances]').setAttribute('aria-label', s.instancesAlt(parts.count));
      $('[data-repeated]').textContent = s.repeated(repeated, scene.seed);
      $('[data-count]').textContent = s.count(parts.count, new Set(parts.classes).size);
      $('[data-instance-list]').replaceChildren(
        ...parts.classes.map((cls, i) => {
          const item = document.createElement('li');
          const chip = document.createElement('span');
          chip.className = 'chip';
          chip.style.background = INSTANCE_COLORS[i % INSTANCE_COLORS.length]!;
          item.append(chip, s.instance(i + 1, t.modelView.className(cls), parts.areas[i]!));
          return item;
        }),
      );
    },
  };
});
