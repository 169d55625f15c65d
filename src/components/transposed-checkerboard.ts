/**
 * Checkerboard artifacts on a real photo: the cameraman, shrunk, upsampled ×2 by a stride-2
 * transposed conv with kernel 3 (uneven overlap), with kernel 4 (even overlap), and by
 * nearest-neighbour resize then a 3×3 conv (Odena, Dumoulin & Olah). Beside them, how many stamps
 * cover each output pixel, with the max:min ratio. Computes in the worker: transposedCheckerboard.
 */
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import { fmt } from '../lib/viz/format.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { greyRamp, valueScale } from '../lib/viz/palette.ts';
import { drawHeatmap, greyThumbnail, loadImagePixels } from '../lib/viz/pixels.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';

const SETTINGS = {
  weights: { kind: 'enum', values: ['uniform', 'random'], default: 'uniform' },
  seed: { kind: 'int', min: 0, max: 1_000_000, default: 1 },
} as const;

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const c = t.transposedCheckerboard;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const state = urlState('transposed-checkerboard', SETTINGS);
  // The photo's side after shrinking (64: the cameraman stays recognisable, and three transposed
  // convs and three canvases of 128×128 fit in a frame on the wasm backend).
  const side = Number(root.dataset.side);

  const photo = await loadImagePixels(root.dataset.src!).catch((e: Error) => {
    throw new Error(`${c.failed} (${e.message})`);
  });
  const grey = await greyThumbnail(photo, side);
  drawHeatmap($('[data-photo]'), grey, side, side, greyRamp, [0, 255]);

  const update = liveUpdate(
    'transposed-checkerboard',
    async () => {
      const r = await api.transposedCheckerboard(grey, side, state.values.weights, state.values.seed);
      // One fixed grey scale for all three, so a brighter pixel is brighter in the numbers too.
      for (const key of ['k3', 'k4', 'resize'] as const) {
        drawHeatmap($(`[data-out="${key}"]`), r[key], 2 * side, 2 * side, greyRamp, [0, 255]);
        $(`[data-flat="${key}"]`).textContent = c.flat(Array.from(r.flat[key], (v) => fmt(v, 2)).join(', '));
      }
      const color = valueScale(0, 4);
      for (const [k, counts, side, ratio] of [[3, r.overlap3, r.overlapSide3, r.ratio3], [4, r.overlap4, r.overlapSide4, r.ratio4]] as const) {
        const svg = $<SVGSVGElement>(`[data-overlap="${k}"]`);
        drawValueGrid(svg, counts, side, side, { color, digits: 0 });
        svg.setAttribute('aria-label', `${c.overlap(k)}: ${Array.from(counts, (v) => fmt(v, 0)).join(', ')}`);
        $(`[data-ratio="${k}"]`).textContent = c.ratio(k, fmt(ratio, ratio % 1 ? 2 : 0));
      }
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  bindControls(root, state, () => void update(undefined));
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ weights: 'random', seed: Math.floor(Math.random() * 1_000_000) });
    $<HTMLInputElement>('input[value="random"]').checked = true;
    void update(undefined);
  });

  await update(undefined);
}
