/**
 * The scatter view of a transposed convolution: each pixel of a 3×3 input stamps the kernel,
 * scaled by its value, onto the output at (r·s − p, c·s − p); the output is the sum of the
 * stamps. The reader steps or plays through the stamps and sees the running sum end at
 * tf.conv2dTranspose. Computes in the worker: transposedScatter.
 */
import { select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { ScatterResult } from '../lib/runtime/worker/tasks/transposed.ts';
import { digitsFor, fmt, fmtDiff } from '../lib/viz/format.ts';
import { buildNumberInputs, paintNumberInputs } from '../lib/viz/number-inputs.ts';
import { valueScale } from '../lib/viz/palette.ts';
import { drawValueGrid } from '../lib/viz/value-grid.ts';
import { maxPadding, SIDE, settings } from './transposed-scatter.settings.ts';

const s = t.transposedScatter;
const CELL = 44;
const PLAY_MS = 700;
/** Widest the running-sum panel gets, padding band included (matches the CSS). */
const OUTPUT_REM = 26;

// A diagonal of 2s on 1s: the stamps show the kernel's shape, and sums stay easy to check.
const defaultKernel = (k: number) =>
  Float32Array.from({ length: k * k }, (_, i) => (Math.floor(i / k) === i % k ? 2 : 1));
const randomInts = (n: number, lo: number, hi: number) =>
  Float32Array.from({ length: n }, () => lo + Math.floor(Math.random() * (hi - lo + 1)));
const gridText = (values: ArrayLike<number>, digits: number) => Array.from(values, (v) => fmt(v, digits)).join(', ');

interface Shown extends ScatterResult {
  /** The settings and values the result was computed for. */
  stride: number;
  k: number;
  p: number;
  x: Float32Array;
  kernel: Float32Array;
}

export default defineFigure(settings, ({ $, state, api, update }) => {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const x = Float32Array.from({ length: SIDE * SIDE }, (_, i) => i + 1);
  let kernelSide = state.values.k;
  let kernel = defaultKernel(kernelSide);
  let inputs: HTMLInputElement[] = [];
  let kernelInputs: HTMLInputElement[] = [];
  let shown: Shown | undefined;
  let step = SIDE * SIDE;
  let timer: ReturnType<typeof setInterval> | undefined;

  // The output panel: a dashed band for the padding around a value grid, and the stamp's outline.
  const partialSvg = select($<SVGSVGElement>('[data-partial]'));
  const band = partialSvg
    .append('rect')
    .attr('fill', '#e4e8ec')
    .attr('stroke', '#5a6470')
    .attr('stroke-dasharray', '6 5')
    .attr('stroke-width', 2);
  const partialGrid = partialSvg.append('svg');
  const outline = partialSvg
    .append('rect')
    .attr('class', 'stamp-outline')
    .attr('fill', 'none')
    .attr('stroke', '#d55e00')
    .attr('stroke-width', 4)
    .attr('rx', 3);

  const message = $('[data-values-error]');
  const buildInputs = () => {
    inputs = buildNumberInputs($('[data-input]'), x, SIDE, s.inputLabel, () => void update(), message);
    kernelInputs = buildNumberInputs(
      $('[data-kernel]'),
      kernel,
      kernelSide,
      s.kernelLabel,
      () => void update(),
      message,
    );
    $('[data-kernel-title]').textContent = s.kernelTitle(kernelSide);
  };

  /** Draws the result with the first `step` stamps placed; the player redraws without the worker. */
  const drawStep = () => {
    if (!shown) return;
    const { out, stamps, contributions, partial, conv, maxDiff, stride, k, p } = shown;
    const total = stamps.length;
    const all = [...contributions, ...conv, ...shown.x, ...shown.kernel];
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
    partialSvg
      .attr('viewBox', `0 0 ${outer} ${outer}`)
      .attr('aria-label', s.grid(s.partial, out, gridText(sum, digits)));
    band
      .attr('x', 1)
      .attr('y', 1)
      .attr('width', outer - 2)
      .attr('height', outer - 2)
      .attr('visibility', p > 0 ? 'visible' : 'hidden');
    partialGrid
      .attr('x', p * CELL)
      .attr('y', p * CELL)
      .attr('width', out * CELL)
      .attr('height', out * CELL);
    drawValueGrid(partialGrid.node()!, sum, out, out, { color, digits });
    outline.attr('visibility', current ? 'visible' : 'hidden');
    if (current) {
      outline
        .attr('x', (current.left + p) * CELL + 2)
        .attr('y', (current.top + p) * CELL + 2)
        .attr('width', k * CELL - 4)
        .attr('height', k * CELL - 4);
    }

    const convSvg = $<SVGSVGElement>('[data-conv]');
    // Same cell size as the running sum, which also draws the padding band around its grid.
    convSvg.style.maxWidth = `${(OUTPUT_REM * out) / (out + 2 * p)}rem`;
    drawValueGrid(convSvg, conv, out, out, { color, digits });
    convSvg.setAttribute('aria-label', s.grid(s.conv, out, gridText(conv, digits)));

    const cropped = current && (current.top < 0 || current.left < 0 || current.top + k > out || current.left + k > out);
    $('[data-step]').textContent = current
      ? s.step(step, total, current.row, current.col, fmt(shown.x[step - 1]!, digits), current.top, current.left) +
        (cropped ? s.cropped : '')
      : s.stepNone(total);
    $('[data-pad-legend]').hidden = p === 0;
    $('[data-size]').textContent = `o′ = s(i − 1) + k − 2p = ${stride}·(${SIDE} − 1) + ${k} − 2·${p} = ${out}`;
    $('[data-maxdiff]').textContent = fmtDiff(maxDiff);
  };

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
    drawStep();
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
  $('[data-reroll]').addEventListener('click', () => {
    x.set(randomInts(SIDE * SIDE, 0, 9));
    kernel = randomInts(kernelSide ** 2, 0, 3);
    buildInputs();
    void update();
  });
  buildInputs();

  return {
    async compute({ stride, k, p: asked }) {
      if (k !== kernelSide) {
        kernelSide = k;
        kernel = defaultKernel(k);
        buildInputs();
      }
      // A padding that would cut the whole output is computed at the largest one that does not.
      const p = Math.min(asked, maxPadding(stride, k));
      const r = await (await api()).transposedScatter(x, SIDE, kernel, k, stride, p);
      return { ...r, stride, k, p, x: x.slice(), kernel: kernel.slice() };
    },
    draw(r, { p: asked }, latest) {
      shown = r;
      drawStep();
      $('[data-pad-limit]').textContent = asked > r.p ? s.padLimit(asked, r.p, r.stride, r.k) : '';
      if (latest && asked > r.p) state.set({ p: r.p });
    },
  };
});
