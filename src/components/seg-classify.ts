/**
 * One scene, three answers: the digit classifier on the whole scene shrunk to 28×28 (one label),
 * the same classifier convolutionalized and slid over the scene (a coarse map), and the U-Net
 * (a class per pixel, with the shared model-output view's receptive field and probabilities).
 * Worker: sceneForPage, modelRun (classifier, unet), modelReceptiveField, fullyConvScene.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { argmaxRgba } from '../lib/viz/class-palette.ts';
import { fmt } from '../lib/viz/format.ts';
import { loadModels, runModel } from '../lib/viz/model-load.ts';
import { modelOutputView } from '../lib/viz/model-output.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap, drawRgba, greyThumbnail } from '../lib/viz/pixels.ts';
import { drawProbabilityBars } from '../lib/viz/probability-bars.ts';
import { bindNewScene } from './new-scene.ts';
import { settings } from './seg-classify.settings.ts';
import { SCENE_SIDE } from './seg-scene.settings.ts';

const s = t.segClassify;
const SEGMENTER = 'unet';
const CLASSIFIER = 'classifier';
const DIGIT = 28;

export default defineFigure(settings, async (ctx) => {
  const { $, root, api, status } = ctx;
  const view = modelOutputView(root, [s.segmenter]);
  const coarse = $<HTMLCanvasElement>('[data-coarse]');
  bindNewScene(ctx);

  return {
    async compute({ seed }) {
      const w = await api();
      await loadModels(w, [CLASSIFIER, SEGMENTER], status);
      const scene = await w.sceneForPage(seed, SCENE_SIDE);
      // The classifier takes 28×28: the whole scene, shrunk by the browser's resampling.
      const rgba = new ImageData(SCENE_SIDE, SCENE_SIDE);
      scene.image.forEach((v, i) => rgba.data.set([v * 255, v * 255, v * 255, 255], i * 4));
      const thumb = Float32Array.from(await greyThumbnail(rgba, DIGIT), (v) => v / 255);
      // The classifier first and alone, so its recorded run time is its own (the bench reads it).
      const single = await runModel(w, CLASSIFIER, thumb, DIGIT, DIGIT);
      const [segmented, field, slid] = await Promise.all([
        runModel(w, SEGMENTER, scene.image, SCENE_SIDE, SCENE_SIDE),
        w.modelReceptiveField(SEGMENTER, { height: SCENE_SIDE, width: SCENE_SIDE }),
        w.fullyConvScene(seed, SCENE_SIDE),
      ]);
      return { scene, thumb, segmented, field, single, slid };
    },
    draw({ scene, thumb, segmented, field, single, slid }) {
      root.dataset.shown = String(scene.seed);
      const digits = scene.placements.map((p) => p.digit);
      const first = scene.placements[0];
      const centre = first ? ([first.top + DIGIT / 2, first.left + DIGIT / 2] as const) : undefined;
      view.show(scene.image, scene.height, scene.width, [{ map: segmented, field }], centre);
      $('[data-mo-input]').setAttribute('aria-label', t.modelView.sceneAlt(scene.width, t.modelView.digits(digits)));
      drawRgba(coarse, argmaxRgba(slid.probs, slid.rows * slid.cols, 10).rgba, slid.cols, slid.rows);
      // Each cell sits over the centre of the 28×28 window it judged.
      const percent = (px: number) => `${((100 * px) / slid.size).toFixed(3)}%`;
      coarse.style.left = coarse.style.top = percent((slid.window - slid.stride) / 2);
      coarse.style.width = percent(slid.cols * slid.stride);
      coarse.setAttribute('aria-label', s.coarseAlt(slid.rows, slid.cols));
      drawHeatmap($<HTMLCanvasElement>('[data-thumb]'), thumb, DIGIT, DIGIT, greyRamp, [0, 1]);
      const best = single.classMap[0]!;
      const p = fmt(single.probabilities[best]!, 3);
      $('[data-single]').textContent = s.singleAnswer(best, p, t.modelView.digits(digits));
      drawProbabilityBars($('[data-single-bars]'), single.probabilities);
    },
  };
});
