/**
 * Checkerboard artifacts on a real photo: the cameraman, shrunk, upsampled ×2 by a stride-2
 * transposed conv with kernel 3 (uneven overlap), with kernel 4 (even overlap), and by
 * nearest-neighbour resize then a 3×3 conv (Odena, Dumoulin & Olah). Beside them, how many stamps
 * cover each output pixel, with the max:min ratio. Computes in the worker: transposedCheckerboard.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { fmt } from '../lib/viz/format.ts';
import { loadGreyPhoto } from '../lib/viz/grey-photo.ts';
import { greyRamp, valueScale } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';
import { MAX_SEED, SIDE, settings } from './transposed-checkerboard.settings.ts';

const c = t.transposedCheckerboard;

export default defineFigure(settings, async ({ $, root, state, api, update }) => {
  const { grey } = await loadGreyPhoto(root.dataset.src!, SIDE, c.failed);
  drawHeatmap($('[data-photo]'), grey, SIDE, SIDE, greyRamp, [0, 255]);
  $('[data-reroll]').addEventListener('click', () => {
    state.set({ weights: 'random', seed: Math.floor(Math.random() * (MAX_SEED + 1)) });
    void update();
  });

  return {
    compute: async ({ weights, seed }) => (await api()).transposedCheckerboard(grey, SIDE, weights, seed),
    draw(r) {
      // One fixed grey scale for all three, so a brighter pixel is brighter in the numbers too.
      for (const key of ['k3', 'k4', 'resize'] as const) {
        drawHeatmap($(`[data-out="${key}"]`), r[key], 2 * SIDE, 2 * SIDE, greyRamp, [0, 255]);
        $(`[data-flat="${key}"]`).textContent = c.flat(Array.from(r.flat[key], (v) => fmt(v, 2)).join(', '));
      }
      const color = valueScale(0, 4);
      const grids = [
        [3, r.overlap3, r.overlapSide3, r.ratio3],
        [4, r.overlap4, r.overlapSide4, r.ratio4],
      ] as const;
      for (const [k, counts, side, ratio] of grids) {
        const svg = $<SVGSVGElement>(`[data-overlap="${k}"]`);
        drawValueGrid(svg, counts, side, side, { color, digits: 0 });
        svg.setAttribute('aria-label', `${c.overlap(k)}: ${Array.from(counts, (v) => fmt(v, 0)).join(', ')}`);
        $(`[data-ratio="${k}"]`).textContent = c.ratio(k, fmt(ratio, ratio % 1 ? 2 : 0));
      }
    },
  };
});
