/**
 * A small grid the reader edits, upsampled twice: by tf.image.resizeBilinear and by the lesson's
 * formula (ops/bilinear.ts), side by side with their largest difference, under a chosen
 * coordinate convention. Computes in the worker: bilinearUpsample.
 */
import { t } from '../i18n/en.ts';
import { CONVENTIONS } from '../lib/ops/bilinear-coordinates.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import { fmt, fmtDiff } from '../lib/viz/format.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { valueScale } from '../lib/viz/palette.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';
import { drawValueGrid, textColor } from '../lib/viz/value-grid.ts';

const SETTINGS = {
  n: { kind: 'enum', values: ['2', '3', '4'], default: '2' },
  scale: { kind: 'enum', values: ['2', '3', 'custom'], default: '2' },
  side: { kind: 'int', min: 1, max: 12, default: 5 },
  convention: { kind: 'enum', values: CONVENTIONS, default: 'align-corners' },
} as const;

const randomValues = (n: number) => Float32Array.from({ length: n * n }, () => Math.round(Math.random() * 100));
const stairs = (n: number) => Float32Array.from({ length: n * n }, (_, i) => 10 * (i + 1));

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const g = t.bilinearGrid;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const state = urlState('bilinear-grid', SETTINGS);
  const inputGrid = $<HTMLElement>('[data-input]');

  const size = () => Number(state.values.n);
  let values = stairs(size());
  const outSide = () => (state.values.scale === 'custom' ? state.values.side : size() * Number(state.values.scale));
  const color = () => valueScale(Math.min(...values), Math.max(...values));

  const buildInputs = () => {
    const n = size();
    inputGrid.style.gridTemplateColumns = `repeat(${n}, 1fr)`;
    inputGrid.replaceChildren(
      ...Array.from(values, (v, i) => {
        const input = document.createElement('input');
        input.type = 'number';
        input.value = String(v);
        input.setAttribute('aria-label', g.cellLabel(Math.floor(i / n), i % n));
        input.addEventListener('input', () => {
          if (!Number.isFinite(input.valueAsNumber)) return;
          values[i] = input.valueAsNumber;
          void update(undefined);
        });
        return input;
      }),
    );
  };

  const paintInputs = (scale: (v: number) => string) =>
    inputGrid.querySelectorAll('input').forEach((input, i) => {
      input.style.background = scale(values[i]);
      input.style.color = textColor(scale(values[i]));
    });

  const update = liveUpdate(
    'bilinear-grid',
    async () => {
      const side = outSide();
      const n = size();
      const result = await api.bilinearUpsample(values, [n, n], [side, side], state.values.convention);
      $<HTMLElement>('[data-custom-label]').hidden = state.values.scale !== 'custom';
      const scale = color();
      const digits = side > 8 ? 1 : 2;
      paintInputs(scale);
      for (const [key, data] of [['tfjs', result.tfjs], ['ours', result.ours]] as const) {
        const svg = $<SVGSVGElement>(`[data-${key}]`);
        drawValueGrid(svg, data, side, side, { color: scale, digits });
        svg.setAttribute('aria-label', `${side}×${side}: ${Array.from(data, (v) => fmt(v, digits)).join(', ')}`);
      }
      $('[data-maxdiff]').textContent = fmtDiff(result.maxDiff);
      $('[data-source-x]').textContent = result.sourceX.map((x) => fmt(x)).join(', ');
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  let shownSize = size();
  bindControls(root, state, () => {
    if (size() !== shownSize) {
      shownSize = size();
      values = stairs(shownSize);
      buildInputs();
    }
    void update(undefined);
  });
  $('[data-reroll]').addEventListener('click', () => {
    values = randomValues(size());
    buildInputs();
    void update(undefined);
  });

  buildInputs();
  await update(undefined);
}
