/**
 * A small grid the reader edits, upsampled twice: by tf.image.resizeBilinear and by the lesson's
 * formula (ops/bilinear.ts), side by side with their largest difference, under a chosen
 * coordinate convention. Computes in the worker: bilinearUpsample.
 */
import { t } from '../i18n/en.ts';
import type { Convention } from '../lib/ops/bilinear-coordinates.ts';
import type { Runtime } from '../lib/runtime/client.ts';
import { fmt, fmtDiff } from '../lib/viz/format.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/viz/live-update.ts';
import { valueScale } from '../lib/viz/palette.ts';
import { drawValueGrid, textColor } from '../lib/viz/value-grid.ts';

const randomValues = (n: number) => Float32Array.from({ length: n * n }, () => Math.round(Math.random() * 100));
const stairs = (n: number) => Float32Array.from({ length: n * n }, (_, i) => 10 * (i + 1));

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const g = t.bilinearGrid;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const inSelect = $<HTMLSelectElement>('[data-in]');
  const scaleSelect = $<HTMLSelectElement>('[data-scale]');
  const custom = $<HTMLInputElement>('[data-custom]');
  const inputGrid = $<HTMLElement>('[data-input]');

  let n = Number(inSelect.value);
  let values = stairs(n);

  const outSide = () =>
    scaleSelect.value === 'custom' ? Math.min(Math.max(Math.round(custom.valueAsNumber) || 1, 1), 12) : n * Number(scaleSelect.value);
  const convention = () => $<HTMLInputElement>('input[type=radio]:checked').value as Convention;
  const color = () => valueScale(Math.min(...values), Math.max(...values));

  const buildInputs = () => {
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
      const c = convention();
      const result = await api.bilinearUpsample(values, [n, n], [side, side], c);
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

  inSelect.addEventListener('change', () => {
    n = Number(inSelect.value);
    values = stairs(n);
    buildInputs();
    void update(undefined);
  });
  scaleSelect.addEventListener('change', () => {
    $<HTMLElement>('[data-custom-label]').hidden = scaleSelect.value !== 'custom';
    void update(undefined);
  });
  custom.addEventListener('input', () => void update(undefined));
  root.querySelectorAll('input[type=radio]').forEach((r) => r.addEventListener('change', () => void update(undefined)));
  $('[data-reroll]').addEventListener('click', () => {
    values = randomValues(n);
    buildInputs();
    void update(undefined);
  });

  buildInputs();
  await update(undefined);
}
