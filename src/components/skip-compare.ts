/**
 * FCN-32s, FCN-16s and FCN-8s on the same scene beside the ground truth, each with its mean IU on
 * this scene (src/lib/models/metrics.ts, as the evaluation computes it), in the shared
 * model-output view. Worker: sceneForPage, modelRun and modelReceptiveField per model.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { confusionMatrix, segmentationMetrics } from '../lib/models/metrics.ts';
import { CLASS_COLORS, classMapRgba } from '../lib/viz/class-palette.ts';
import { loadModels, runModel } from '../lib/viz/model-load.ts';
import { modelOutputView } from '../lib/viz/model-output.ts';
import { drawRgba } from '../lib/viz/pixels.ts';
import { bindNewScene } from './new-scene.ts';
import { SCENE_SIDE } from './seg-scene.settings.ts';
import { FCNS, settings } from './skip-compare.settings.ts';

const s = t.skipCompare;

export default defineFigure(settings, async (ctx) => {
  const { $, root, api, status } = ctx;
  const view = modelOutputView(
    root,
    FCNS.map((name) => t.modelView.titles[name]!),
  );
  bindNewScene(ctx);

  return {
    async compute({ seed }) {
      const w = await api();
      await loadModels(w, FCNS, status);
      const scene = await w.sceneForPage(seed, SCENE_SIDE);
      const outputs = await Promise.all(
        FCNS.map(async (name) => ({
          map: await runModel(w, name, scene.image, SCENE_SIDE, SCENE_SIDE),
          field: await w.modelReceptiveField(name, { height: SCENE_SIDE, width: SCENE_SIDE }),
        })),
      );
      return { scene, outputs };
    },
    draw({ scene, outputs }) {
      root.dataset.shown = String(scene.seed);
      const first = scene.placements[0];
      const centre = first ? ([first.top + 14, first.left + 14] as const) : undefined;
      view.show(scene.image, scene.height, scene.width, outputs, centre);
      const digits = t.modelView.digits(scene.placements.map((p) => p.digit));
      $('[data-mo-input]').setAttribute('aria-label', t.modelView.sceneAlt(scene.width, digits));
      drawRgba($<HTMLCanvasElement>('[data-truth]'), classMapRgba(scene.label), scene.width, scene.height);
      outputs.forEach(({ map }, i) => {
        const classes = CLASS_COLORS.length;
        const { meanIoU } = segmentationMetrics(confusionMatrix(scene.label, map.classMap, classes), classes);
        $(`[data-mo-below="${i}"]`).textContent = s.miou(s.value(meanIoU));
      });
    },
  };
});
