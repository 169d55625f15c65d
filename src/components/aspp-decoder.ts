/**
 * DeepLab v3 against v3+ on one scene: both predictions, and each one's wrong pixels split into
 * those within a band along the ground truth's boundaries and the rest. The measured table under
 * it is written at build time from public/weights/metrics.json. Computes in the worker:
 * asppDecoder (ops/boundary-band.ts).
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { DecoderRun } from '../lib/runtime/worker/tasks/aspp.ts';
import type { PageScene } from '../lib/runtime/worker/tasks/models.ts';
import { classMapRgba } from '../lib/viz/class-palette.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap, drawRgba } from '../lib/viz/pixels.ts';
import { settings } from './aspp-decoder.settings.ts';

const s = t.asppDecoder;
const SIDE = 64;
const MODELS = ['deeplabv3', 'deeplabv3plus'] as const;
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
// Wrong in the band, wrong elsewhere, right (on the band, right elsewhere).
const IN_BAND = [213, 0, 0, 255];
const OUTSIDE = [230, 159, 0, 255];
const BAND = [215, 215, 215, 255];
const RIGHT = [255, 255, 255, 255];

function errorRgba(run: DecoderRun, band: Uint8Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(band.length * 4);
  band.forEach((b, i) => rgba.set(run.errors[i] ? (b ? IN_BAND : OUTSIDE) : b ? BAND : RIGHT, i * 4));
  return rgba;
}

export default defineFigure(settings, ({ $, root, state, api, status, update }) => {
  let scene: PageScene | undefined;
  const canvas = (key: string) => $<HTMLCanvasElement>(`[data-map="${key}"]`);
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ seed: (state.values.seed % settings.fields.seed.max) + 1 });
    void update();
  });

  return {
    async compute({ seed, band }) {
      const worker = await api();
      const infos = await loadModels(worker, MODELS, status);
      if (scene?.seed !== seed) scene = await worker.sceneForPage(seed, SIDE, { minDigits: 2 });
      const result = await worker.asppDecoder(scene.image, scene.label, SIDE, SIDE, band);
      return { titles: infos.map((i) => i.title), scene, result };
    },
    draw({ titles, scene: shown, result }, values) {
      drawHeatmap(canvas('scene'), shown.image, SIDE, SIDE, greyRamp, [0, 1]);
      drawRgba(canvas('truth'), classMapRgba(shown.label), SIDE, SIDE);
      const bandRgba = new Uint8ClampedArray(result.band.length * 4);
      result.band.forEach((b, i) => bandRgba.set(b ? [0, 0, 0, 70] : [0, 0, 0, 0], i * 4));
      drawRgba(canvas('band'), bandRgba, SIDE, SIDE);
      (
        [
          ['v3', result.v3],
          ['v3plus', result.v3plus],
        ] as const
      ).forEach(([key, run], i) => {
        drawRgba(canvas(`${key}-prediction`), classMapRgba(run.classMap), SIDE, SIDE);
        drawRgba(canvas(`${key}-errors`), errorRgba(run, result.band), SIDE, SIDE);
        $(`[data-counts="${key}"]`).textContent = s.counts(
          titles[i]!,
          pct(run.meanIoU),
          run.errorsInBand,
          run.errorsOutside,
        );
      });
      $('[data-band-size]').textContent = s.bandSize(values.band, result.bandPixels, SIDE * SIDE);
      root.dataset.shown = Object.values(values).join(',');
    },
  };
});
