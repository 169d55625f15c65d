/**
 * The trained DeepLab with a switch per ASPP branch: a branch switched off sends zeros into the
 * concatenation, the model re-runs, and the prediction and the scene's mean IoU change beside
 * the model with every branch on. Computes in the worker: asppInfo once per model, then
 * asppSwitch per update (src/lib/runtime/worker/tasks/aspp.ts says how a branch is switched off).
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { AsppInfo } from '../lib/runtime/worker/tasks/aspp.ts';
import type { PageScene } from '../lib/runtime/worker/tasks/models.ts';
import { classMapRgba } from '../lib/viz/class-palette.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap, drawRgba } from '../lib/viz/pixels.ts';
import { BRANCH_KEYS, settings } from './aspp-switch.settings.ts';

const s = t.asppSwitch;
const SIDE = 64;
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export default defineFigure(settings, ({ $, root, state, api, status, update }) => {
  const infos = new Map<string, AsppInfo>();
  let scene: PageScene | undefined;
  const canvas = (key: string) => $<HTMLCanvasElement>(`[data-map="${key}"]`);
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed % settings.fields.seed.max) + 1 });
    void update();
  });

  return {
    async compute(values) {
      const worker = await api();
      await loadModels(worker, [values.model], status);
      let info = infos.get(values.model);
      if (!info) {
        info = await worker.asppInfo(values.model);
        infos.set(values.model, info);
      }
      if (scene?.seed !== values.seed) scene = await worker.sceneForPage(values.seed, SIDE, { minDigits: 2 });
      const off = info.branches.filter((_, i) => !values[BRANCH_KEYS[i]!]).map((b) => b.layer);
      const result = await worker.asppSwitch(values.model, scene.image, scene.label, SIDE, SIDE, off);
      return { info, scene, result };
    },
    draw({ info, scene: shownScene, result }, values) {
      drawHeatmap(canvas('scene'), shownScene.image, SIDE, SIDE, greyRamp, [0, 1]);
      drawRgba(canvas('truth'), classMapRgba(shownScene.label), SIDE, SIDE);
      drawRgba(canvas('full'), classMapRgba(result.fullClassMap), SIDE, SIDE);
      drawRgba(canvas('switched'), classMapRgba(result.classMap), SIDE, SIDE);
      const f = t.asppFields;
      const names = info.branches.map((b) => (b.kind === 'pool' ? f.pool : b.kernel === 1 ? f.branch1x1
          : f.branchRate(b.rate)));
      $('[data-branch-list]').textContent = s.branchList(names);
      $('[data-result]').textContent = s.result(pct(result.fullMeanIoU), pct(result.meanIoU), result.changed,
          SIDE * SIDE);
      root.dataset.shown = Object.values(values).join(',');
    },
  };
});
