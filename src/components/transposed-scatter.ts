/**
 * The scatter view of a transposed convolution: each pixel of a 3×3 input stamps the kernel,
 * scaled by its value, onto the output at (r·s − p, c·s − p); the output is the sum of the
 * stamps. The reader steps or plays through the stamps and sees the running sum end at
 * tf.conv2dTranspose. Computes in the worker: transposedScatter.
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { ScatterResult } from '../lib/runtime/worker/tasks/transposed.ts';
import { digitsFor, fmt, fmtDiff } from '../lib/viz/format.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { buildNumberInputs, paintNumberInputs } from '../lib/viz/number-inputs.ts';
import { valueScale } from '../lib/viz/palette.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';

const SIDE = 3;
const CELL = 44;
const PLAY_MS = 700;
/** Widest the running-sum panel gets, padding band included (matches the CSS). */
const OUTPUT_REM = 26;

const SETTINGS = {
  stride: { kind: 'int', min: 1, max: 3, default: 2 },
  k: { kind: 'int', min: 2, max: 4, default: 3 },
  p: { kind: 'int', min: 0, max: 3, default: 0 },
} as const;

/** Largest padding that leaves at least one output pixel and cuts less than a whole kernel. */
const maxPadding = (stride: number, k: number) => Math.min(k - 1, Math.floor((stride * (SIDE - 1) + k - 1) / 2));
// A diagonal of 2s on 1s: the stamps show the kernel's shape, and sums stay easy to check.
const defaultKernel = (k: number) => Float32Array.from({ length: k * k }, (_, i) => (Math.floor(i / k) === i % k ? 2 : 1));
const randomInts = (n: number, lo: number, hi: number) => Float32Array.from({ length: n }, () => lo + Math.floor(Math.random() * (hi - lo + 1)));
const gridText = (values: ArrayLike<number>, digits: number) => Array.from(values, (v) => fmt(v, digits)).join(', ');

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const s = t.transposedScatter;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const state = urlState('transposed-scatter', SETTINGS);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  const x = Float32Array.from({ length: SIDE * SIDE }, (_, i) => i + 1);
  let kernel = defaultKernel(state.values.k);
  let inputs: HTMLInputElement[] = [];
  let kernelInputs: HTMLInputElement[] = [];
  let result: ScatterResult | undefined;
  let step = SIDE * SIDE;
  // Settings and values changed since the last worker call (steps only redraw).
  let stale = true;
  let timer: ReturnType<typeof setInterval> | undefined;

  // The output panel: a dashed band for the padding around a value grid, and the stamp's outline.
  const partialSvg = select($<SVGSVGElement>('[data-partial]'));
  const band = partialSvg.append('rect').attr('fill', '#e4e8ec').attr('stroke', '#5a6470').attr('stroke-dasharray', '6 5').attr('stroke-width', 2);
  const partialGrid = partialSvg.append('svg');
  const outline = partialSvg.append('rect').attr('class', 'stamp-outline').attr('fill', 'none')
    .attr('stroke', '#d55e00').attr('stroke-width', 4).attr('rx', 3);

  const buildInputs = () => {
    inputs = buildNumberInputs($('[data-input]'), x, SIDE, s.inputLabel, () => void recompute());
    kernelInputs = buildNumberInputs($('[data-kernel]'), kernel, state.values.k, s.kernelLabel, () => void recompute());
    $('[data-kernel-title]').textContent = s.kernelTitle(state.values.k);
  };

  const draw = () => {
    if (!result) return;
    const { out, stamps, contributions, partial, conv, maxDiff } = result;
    const { stride, k, p } = state.values;
    const total = stamps.length;
    const all = [...contributions, ...conv, ...x, ...kernel];
    const color = valueScale(Math.min(0, ...all), Math.max(...all));
    const digits = digitsFor(all);
    paintNumberInputs(inputs, x, color);
    paintNumberInputs(kernelInputs, kernel, color);
    inputs.forEach((input, i) => input.classList.toggle('current', i === step - 1));

    const current = stamps[step - 1];
    const stampValues = current ? contributions.subarray((step - 1) * k * k, step * k * k) : new Float32Array(k * k);
    const stampSvg = $<SVGSVGElement>('[data-stamp]');
    drawValueGrid(stampSvg, stampValues, k, k, { color, digits });
    stampSvg.setAttribute('aria-label', current ? s.grid(s.stamp, k, gridText(stampValues, digits)) : s.noStamp);

    const sum = step > 0 ? partial.subarray((step - 1) * out * out, step * out * out) : new Float32Array(out * out);
    const outer = (out + 2 * p) * CELL;
    partialSvg.attr('viewBox', `0 0 ${outer} ${outer}`)
      .attr('aria-label', s.grid(s.partial, out, gridText(sum, digits)));
    band.attr('x', 1).attr('y', 1).attr('width', outer - 2).attr('height', outer - 2).attr('visibility', p > 0 ? 'visible' : 'hidden');
    partialGrid.attr('x', p * CELL).attr('y', p * CELL).attr('width', out * CELL).attr('height', out * CELL);
    drawValueGrid(partialGrid.node()!, sum, out, out, { color, digits });
    outline.attr('visibility', current ? 'visible' : 'hidden');
    if (current) {
      outline.attr('x', (current.left + p) * CELL + 2).attr('y', (current.top + p) * CELL + 2)
        .attr('width', k * CELL - 4).attr('height', k * CELL - 4);
    }

    const convSvg = $<SVGSVGElement>('[data-conv]');
    // Same cell size as the running sum, which also draws the padding band around its grid.
    convSvg.style.maxWidth = `${(OUTPUT_REM * out) / (out + 2 * p)}rem`;
    drawValueGrid(convSvg, conv, out, out, { color, digits });
    convSvg.setAttribute('aria-label', s.grid(s.conv, out, gridText(conv, digits)));

    const cropped = current && (current.top < 0 || current.left < 0 || current.top + k > out || current.left + k > out);
    $('[data-step]').textContent = current
      ? s.step(step, total, current.row, current.col, fmt(x[step - 1], digits), current.top, current.left) + (cropped ? s.cropped : '')
      : s.stepNone(total);
    $<HTMLElement>('[data-pad-legend]').hidden = p === 0;
    $('[data-size]').textContent = `o′ = s(i − 1) + k − 2p = ${stride}·(${SIDE} − 1) + ${k} − 2·${p} = ${out}`;
    $('[data-maxdiff]').textContent = fmtDiff(maxDiff);
  };

  const recompute = () => {
    stale = true;
    return update(undefined);
  };
  const update = liveUpdate(
    'transposed-scatter',
    async () => {
      if (stale) {
        stale = false;
        const { stride, k, p } = state.values;
        result = await api.transposedScatter(x, SIDE, kernel, k, stride, p);
      }
      draw();
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  // ---- the player: steps redraw from the stamps already computed ----
  const playButton = $<HTMLButtonElement>('[data-play]');
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    playButton.textContent = s.play;
    playButton.setAttribute('aria-pressed', 'false');
  };
  const goTo = (j: number) => {
    step = Math.min(Math.max(j, 0), SIDE * SIDE);
    void update(undefined);
  };
  playButton.addEventListener('click', () => {
    if (timer) return stop();
    // Without motion, playing means showing every stamp placed at once.
    if (reducedMotion.matches) return goTo(SIDE * SIDE);
    if (step >= SIDE * SIDE) goTo(0);
    playButton.textContent = s.pause;
    playButton.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      goTo(step + 1);
      if (step >= SIDE * SIDE) stop();
    }, PLAY_MS);
  });
  const stepButtons: Array<[string, () => number]> = [
    ['[data-first]', () => 0],
    ['[data-prev]', () => step - 1],
    ['[data-next]', () => step + 1],
    ['[data-all]', () => SIDE * SIDE],
  ];
  for (const [selector, target] of stepButtons) {
    $(selector).addEventListener('click', () => {
      stop();
      goTo(target());
    });
  }

  // ---- settings ----
  const paddingOptions = [...root.querySelectorAll<HTMLOptionElement>('[data-state="p"] option')];
  const limitPadding = () => {
    const max = maxPadding(state.values.stride, state.values.k);
    paddingOptions.forEach((o) => (o.disabled = Number(o.value) > max));
    if (state.values.p > max) state.set({ p: max });
    $<HTMLSelectElement>('[data-state="p"]').value = String(state.values.p);
  };
  let shownK = state.values.k;
  bindControls(root, state, () => {
    if (state.values.k !== shownK) {
      shownK = state.values.k;
      kernel = defaultKernel(shownK);
      buildInputs();
    }
    limitPadding();
    void recompute();
  });
  $('[data-reroll]').addEventListener('click', () => {
    x.set(randomInts(SIDE * SIDE, 0, 9));
    kernel = randomInts(state.values.k ** 2, 0, 3);
    buildInputs();
    void recompute();
  });

  limitPadding();
  buildInputs();
  await recompute();
}
