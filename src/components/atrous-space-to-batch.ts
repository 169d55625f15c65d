/**
 * Atrous convolution the way TensorFlow first computed it: the photo split into rate×rate
 * interleaved sub-maps (spaceToBatchND), an ordinary 3x3 conv on each, and the results
 * interleaved back (batchToSpaceND), with the largest difference from tf.conv2d with dilations.
 * Computes in the worker: atrousSpaceToBatch (src/lib/ops/space-to-batch.ts, odd kernel sides only).
 */
import { interpolateRdBu } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { fmtDiff } from '../lib/viz/format.ts';
import { loadGreyPhoto } from '../lib/viz/grey-photo.ts';
import { mosaic } from '../lib/viz/mosaic.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { SIDE, settings } from './atrous-space-to-batch.settings.ts';

const s = t.atrousSpaceToBatch;
const GAP = 2;

const signedRange = (values: Float32Array): [number, number] => {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return [-m, m];
};

export default defineFigure(settings, async ({ $, root, api }) => {
  const { levels: image } = await loadGreyPhoto(root.dataset.src!, SIDE, t.atrousDilation.failed);
  return {
    compute: async ({ kernel, rate }) => (await api()).atrousSpaceToBatch(image, SIDE, kernel, 0, Number(rate)),
    draw(r, values) {
      const rate = Number(values.rate);
      const sub = SIDE / rate;
      // Grey photo tiles with white gaps; conv tiles on red–white–blue with white (zero) gaps.
      const split = mosaic(r.subMaps, rate, sub, GAP, 1);
      drawHeatmap($('[data-split]'), split.values, split.side, split.side, greyRamp, [0, 1]);
      const convolved = mosaic(r.convolved, rate, sub, GAP, 0);
      const blur = values.kernel === 'blur';
      const [ramp, range] = blur ? [greyRamp, [0, 1] as [number, number]] : [interpolateRdBu, signedRange(r.output)];
      drawHeatmap($('[data-convolved]'), convolved.values, convolved.side, convolved.side, ramp, range);
      drawHeatmap($('[data-output]'), r.output, SIDE, SIDE, ramp, range);
      $('[data-title-split]').textContent = s.split(rate, sub);
      $('[data-split]').setAttribute('aria-label', s.splitAlt(rate, sub));
      $('[data-convolved]').setAttribute('aria-label', s.convolvedAlt(rate));
      $('[data-output]').setAttribute('aria-label', s.outputAlt(rate));
      $('[data-diff]').textContent = s.diff(rate, fmtDiff(r.maxDiff));
    },
  };
});
