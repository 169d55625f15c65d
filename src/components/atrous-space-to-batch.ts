/**
 * Atrous convolution the way TensorFlow first computed it: the photo split into rate×rate
 * interleaved sub-maps (spaceToBatchND), an ordinary 3x3 conv on each, and the results
 * interleaved back (batchToSpaceND), with the largest difference from tf.conv2d with dilations.
 * Computes in the worker: atrousSpaceToBatch (src/lib/ops/space-to-batch.ts).
 */
import { interpolateRdBu } from 'd3';
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { SpaceToBatchResult } from '../lib/runtime/worker/tasks/atrous.ts';
import { fmtDiff } from '../lib/viz/format.ts';
import { loadGreyPhoto } from '../lib/viz/grey-photo.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { mosaic } from '../lib/viz/mosaic.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';

// 128 is divisible by every rate offered, so the sub-maps need no extra padding.
const SIDE = 128;
const GAP = 2;

const SETTINGS = {
  rate: { kind: 'enum', values: ['2', '4', '8'], default: '4' },
  kernel: { kind: 'enum', values: ['edges', 'vertical', 'blur'], default: 'vertical' },
} as const;

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const s = t.atrousSpaceToBatch;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const state = urlState('atrous-space-to-batch', SETTINGS);
  const { levels: image } = await loadGreyPhoto(root.dataset.src!, SIDE, t.atrousDilation.failed);

  const draw = (r: SpaceToBatchResult, rate: number) => {
    const sub = SIDE / rate;
    const signed = (values: Float32Array) => {
      let m = 0;
      for (const v of values) m = Math.max(m, Math.abs(v));
      return [-m, m] as [number, number];
    };
    // Grey photo tiles with white gaps; conv tiles on red–white–blue with white (zero) gaps.
    const split = mosaic(r.subMaps, rate, sub, GAP, 1);
    drawHeatmap($('[data-split]'), split.values, split.side, split.side, greyRamp, [0, 1]);
    const convolved = mosaic(r.convolved, rate, sub, GAP, 0);
    const range = signed(r.output);
    const blur = state.values.kernel === 'blur';
    drawHeatmap($('[data-convolved]'), convolved.values, convolved.side, convolved.side, blur ? greyRamp : interpolateRdBu, blur ? [0, 1] : range);
    drawHeatmap($('[data-output]'), r.output, SIDE, SIDE, blur ? greyRamp : interpolateRdBu, blur ? [0, 1] : range);
    $('[data-title-split]').textContent = s.split(rate, sub);
    $('[data-split]').setAttribute('aria-label', s.splitAlt(rate, sub));
    $('[data-convolved]').setAttribute('aria-label', s.convolvedAlt(rate));
    $('[data-output]').setAttribute('aria-label', s.outputAlt(rate));
    $('[data-diff]').textContent = s.diff(rate, fmtDiff(r.maxDiff));
  };

  const update = liveUpdate(
    'atrous-space-to-batch',
    async () => {
      const rate = Number(state.values.rate);
      draw(await api.atrousSpaceToBatch(image, SIDE, state.values.kernel, 0, rate), rate);
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  bindControls(root, state, () => void update(undefined));
  await update(undefined);
}
