/**
 * One MNIST test digit through the trained classifier twice: as trained (flatten → Dense → Dense)
 * and with the same Dense weights reshaped into convolution kernels. Shows both sets of ten
 * probabilities, their largest difference and the kernel shapes. Computes in the worker:
 * fullyConvDigit (ops/convolutionalize.ts).
 */
import { interpolateGreys } from 'd3';
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/client.ts';
import type { DigitResult } from '../lib/runtime/tasks/fully-convolutional.ts';
import { fmt, fmtDiff } from '../lib/viz/format.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/viz/live-update.ts';
import { drawHeatmap } from '../lib/viz/pixels.ts';
import { drawProbabilityBars } from '../lib/viz/probability-bars.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';

const SETTINGS = {
  digit: { kind: 'int', min: 0, max: 9999, default: 0 },
} as const;

/** MNIST polarity: 0 black, 255 white. */
const ink = (v: number) => interpolateGreys(1 - v);

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const d = t.fullyConvDigit;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const state = urlState('fully-conv-digit', SETTINGS);
  const indexInput = $<HTMLInputElement>('[data-state="digit"]');

  const draw = (r: DigitResult) => {
    const canvas = $<HTMLCanvasElement>('[data-digit]');
    drawHeatmap(canvas, r.pixels, 28, 28, ink, [0, 255]);
    canvas.setAttribute('aria-label', d.digitAlt(r.index, r.label));
    const units = r.featureShape.reduce((a, b) => a * b, 1);
    $('[data-flatten]').textContent = d.flatten(r.featureShape, units);
    r.denseKernels.forEach((s, i) => ($(`[data-dense-shape="${i}"]`).textContent = d.shape(s)));
    r.convKernels.forEach((s, i) => ($(`[data-conv-shape="${i}"]`).textContent = d.shape(s)));
    $('[data-conv-output]').textContent = d.convOutput(r.convOutputShape);
    drawProbabilityBars($('[data-dense]'), r.dense);
    drawProbabilityBars($('[data-conv]'), r.conv);
    $('[data-maxdiff]').textContent = fmtDiff(r.maxDiff);
    const predicted = r.conv.indexOf(Math.max(...r.conv));
    $('[data-verdict]').textContent = d.verdict(r.label, predicted, fmt(r.conv[predicted], 4));
  };

  const update = liveUpdate(
    'fully-conv-digit',
    async () => {
      const r = await api.fullyConvDigit(state.values.digit).catch((e: Error) => {
        throw new Error(t.fullyConv.modelFailed(e.message));
      });
      // The shipped set's size is known only now: wrap the index into it.
      indexInput.max = String(r.count - 1);
      if (r.index !== state.values.digit) state.set({ digit: r.index });
      indexInput.value = String(r.index);
      draw(r);
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  bindControls(root, state, () => void update(undefined));
  $('[data-reroll]').addEventListener('click', () => {
    const count = Number(indexInput.max) + 1;
    state.set({ digit: (state.values.digit + 1 + Math.floor(Math.random() * (count - 1))) % count });
    void update(undefined);
  });

  await update(undefined);
}
