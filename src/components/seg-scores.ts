/**
 * How a segmentation is scored: the confusion matrix of one scene (truth against a model's
 * prediction) and FCN §5's four scores computed from it here, on every draw, by the same code
 * the evaluation uses (src/lib/models/metrics.ts). Worker: sceneForPage, modelRun.
 */
import { interpolateBlues } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { confusionMatrix, segmentationMetrics } from '../lib/models/metrics.ts';
import { CLASS_COLORS, classMapRgba } from '../lib/viz/class-palette.ts';
import { fmt } from '../lib/viz/format.ts';
import { loadModels, runModel } from '../lib/viz/model-load.ts';
import { drawRgba } from '../lib/viz/pixels.ts';
import { textColor } from '../lib/viz/value-grid.ts';
import { bindNewScene } from './new-scene.ts';
import { SCENE_SIDE } from './seg-scene.settings.ts';
import { settings } from './seg-scores.settings.ts';

const s = t.segScores;
const CLASSES = CLASS_COLORS.length;

const cell = (tag: 'th' | 'td', text: string, style = '') => {
  const el = document.createElement(tag);
  el.textContent = text;
  if (tag === 'th') el.scope = 'col';
  if (style) el.setAttribute('style', style);
  return el;
};

export default defineFigure(settings, async (ctx) => {
  const { $, root, api, status } = ctx;
  bindNewScene(ctx);

  return {
    async compute({ seed, model }) {
      const w = await api();
      await loadModels(w, [model], status);
      const scene = await w.sceneForPage(seed, SCENE_SIDE);
      const run = await runModel(w, model, scene.image, SCENE_SIDE, SCENE_SIDE);
      return { scene, run };
    },
    draw({ scene, run }, { model }) {
      root.dataset.shown = `${scene.seed}:${model}`;
      const { height, width, label } = scene;
      drawRgba($<HTMLCanvasElement>('[data-truth]'), classMapRgba(label), width, height);
      drawRgba($<HTMLCanvasElement>('[data-predicted]'), classMapRgba(run.classMap), width, height);
      $('[data-predicted]').setAttribute('aria-label', `${s.predicted}: ${s.models[model]}`);
      const matrix = confusionMatrix(label, run.classMap, CLASSES);
      const scores = segmentationMetrics(matrix, CLASSES);
      // Rows and columns only for the classes that occur in either map.
      const shown = Array.from({ length: CLASSES }, (_, k) => k).filter((k) => {
        let any = 0;
        for (let j = 0; j < CLASSES; j++) any += matrix[k * CLASSES + j]! + matrix[j * CLASSES + k]!;
        return any > 0;
      });
      let most = 1;
      for (const v of matrix) most = Math.max(most, v);
      const heads = shown.map((k) =>
        cell('th', t.modelView.className(k), `border-bottom: 4px solid ${CLASS_COLORS[k]}`),
      );
      $('[data-matrix-head]').replaceChildren(cell('th', s.trueClass), ...heads);
      $('[data-matrix-body]').replaceChildren(
        ...shown.map((i) => {
          const row = document.createElement('tr');
          const head = cell('th', t.modelView.className(i), `border-left: 4px solid ${CLASS_COLORS[i]}`);
          head.scope = 'row';
          row.append(
            head,
            ...shown.map((j) => {
              const n = matrix[i * CLASSES + j]!;
              // Counts on a log scale: background's thousands would wash out the digits' tens.
              const fill = n === 0 ? '#ffffff' : interpolateBlues(0.15 + (0.85 * Math.log1p(n)) / Math.log1p(most));
              const td = cell('td', String(n), `background:${fill};color:${textColor(fill)}`);
              td.dataset.n = `${i},${j}`;
              return td;
            }),
          );
          return row;
        }),
      );
      let hit = 0;
      for (let k = 0; k < CLASSES; k++) hit += matrix[k * CLASSES + k]!;
      const inTruth = new Set(label).size;
      const inEither = scores.classIoU.filter((iou) => iou !== null).length;
      $('[data-score="pixelAccuracy"]').textContent = s.pixelFraction(hit, label.length, scores.pixelAccuracy);
      $('[data-score="meanAccuracy"]').textContent = s.valueWith(scores.meanAccuracy, inTruth, 'truth');
      $('[data-score="meanIoU"]').textContent = s.valueWith(scores.meanIoU, inEither, 'either');
      $('[data-score="frequencyWeightedIoU"]').textContent = s.value(scores.frequencyWeightedIoU);
      $('[data-class-iou]').textContent = `${s.classIoU}: ${shown
        .map((k) =>
          s.iou(t.modelView.className(k), scores.classIoU[k] === null ? s.absent : fmt(scores.classIoU[k]!, 3)),
        )
        .join('; ')}`;
    },
  };
});
