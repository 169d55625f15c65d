/**
 * The trained DeepLab with a switch per ASPP branch: a branch switched off sends zeros into the
 * concatenation, the model re-runs, and the prediction and the scene's mean IoU change beside
 * the model with every branch on. Computes in the worker: asppInfo once per model, then
 * asppSwitch per update (src/lib/runtime/worker/tasks/aspp.ts says how a branch is switched off),
 * and the model's receptive field once, for the shared output view (pick a pixel: its field and
 * its class probabilities under both runs).
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { AsppInfo } from '../lib/runtime/worker/tasks/aspp.ts';
import type { PageScene, ReceptiveField } from '../lib/runtime/worker/tasks/models.ts';
import { classMapRgba } from '../lib/viz/class-palette.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { modelOutputView } from '../lib/viz/model-output.ts';
import { drawRgba } from '../lib/viz/pixels.ts';
import { BRANCH_KEYS, settings } from './aspp-switch.settings.ts';

const s = t.asppSwitch;
const SIDE = 64;
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export default defineFigure(settings, ({ $, root, state, api, status, update }) => {
  const infos = new Map<string, AsppInfo>();
  const fields = new Map<string, ReceptiveField>();
  let scene: PageScene | undefined;
  const view = modelOutputView(root, [s.full, s.switched]);
  let picked = false;
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed % settings.fields.seed.max) + 1 });
    void update();
  });

  return {
    async compute(values) {
      const worker = await api();
      const [loaded] = await loadModels(worker, [values.model], status);
      let info = infos.get(values.model);
      let field = fields.get(values.model);
      if (!info || !field) {
        [info, field] = await Promise.all([
          worker.asppInfo(values.model),
          worker.modelReceptiveField(values.model, { height: SIDE, width: SIDE }),
        ]);
        infos.set(values.model, info);
        fields.set(values.model, field);
      }
      if (scene?.seed !== values.seed) scene = await worker.sceneForPage(values.seed, SIDE, { minDigits: 2 });
      const off = info.branches.filter((_, i) => !values[BRANCH_KEYS[i]!]).map((b) => b.layer);
      const result = await worker.asppSwitch(values.model, scene.image, scene.label, SIDE, SIDE, off);
      return { info, field, classes: loaded!.classes.length, scene, result };
    },
    draw({ info, field, classes, scene: shownScene, result }, values) {
      drawRgba($<HTMLCanvasElement>('[data-map="truth"]'), classMapRgba(shownScene.label), SIDE, SIDE);
      const map = (classMap: Uint8Array, probabilities: Float32Array) => ({
        map: { height: SIDE, width: SIDE, classes, classMap, probabilities },
        field,
      });
      // The picked pixel starts at the centre and then stays where the reader put it.
      view.show(
        shownScene.image,
        SIDE,
        SIDE,
        [map(result.fullClassMap, result.fullProbabilities), map(result.classMap, result.probabilities)],
        picked ? undefined : [SIDE / 2, SIDE / 2],
      );
      picked = true;
      const f = t.asppFields;
      const names = info.branches.map((b) =>
        b.kind === 'pool' ? f.pool : b.kernel === 1 ? f.branch1x1 : f.branchRate(b.rate),
      );
      $('[data-branch-list]').textContent = s.branchList(names);
      $('[data-result]').textContent = s.result(
        pct(result.fullMeanIoU),
        pct(result.meanIoU),
        result.changed,
        SIDE * SIDE,
      );
      root.dataset.shown = Object.values(values).join(',');
    },
  };
});
