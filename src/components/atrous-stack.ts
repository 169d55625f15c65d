/**
 * A stack editor: kernel, stride and dilation per layer, with the receptive field after every
 * layer (closed form of Araujo et al., src/lib/ops/receptive-field.ts, pure arithmetic) as a
 * table and as bars centred on one input pixel. Presets: Yu & Koltun's context module and
 * 1-2-4 stack, and VGG-16 to pool5.
 */
import { scaleLinear, select } from 'd3';
import { t } from '../i18n/en.ts';
import {
  CONTEXT_MODULE, DILATED_1_2_4, VGG16, receptiveFields, type LayerField, type LayerSpec,
} from '../lib/ops/receptive-field.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { urlState } from '../lib/viz/url-state.ts';

const PRESETS: Record<string, readonly LayerSpec[]> = { context: CONTEXT_MODULE, doubling: DILATED_1_2_4, vgg: VGG16 };
const MAX_LAYERS = 24;
const LIMITS = { kernel: [1, 15], stride: [1, 4], dilation: [1, 32] } as const;

// A stack in the URL: kernel.stride.dilation per layer, layers joined by '_'.
const encode = (layers: readonly LayerSpec[]) => layers.map((l) => `${l.kernel}.${l.stride ?? 1}.${l.dilation ?? 1}`).join('_');
const decode = (text: string): LayerSpec[] =>
  text.split('_').map((part) => {
    const [kernel, stride, dilation] = part.split('.').map(Number);
    return { kernel: kernel!, stride: stride!, dilation: dilation! };
  });

const SETTINGS = {
  layers: { kind: 'text', pattern: /[1-9]\d?\.[1-4]\.[1-9]\d?(_[1-9]\d?\.[1-4]\.[1-9]\d?){0,23}/, default: encode(CONTEXT_MODULE) },
} as const;

const BAR = 22;
const LABEL = 64;
const WIDTH = 420;

export async function mount(root: HTMLElement, _api: Runtime): Promise<void> {
  const s = t.atrousStack;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const rows = $<HTMLTableSectionElement>('[data-rows]');
  const presetSelect = $<HTMLSelectElement>('[data-preset]');
  const state = urlState('atrous-stack', SETTINGS);
  let layers = decode(state.values.layers).map((l) => ({ ...l, kernel: Math.min(l.kernel, LIMITS.kernel[1]) }));

  const presetOf = () => Object.keys(PRESETS).find((p) => encode(PRESETS[p]!) === encode(layers)) ?? 'custom';
  // VGG's layer names say where the pools are; other stacks are numbered.
  const names = () => layers.map((_, i) => (presetOf() === 'vgg' ? VGG16[i]!.name! : String(i + 1)));

  const chart = select($<SVGSVGElement>('[data-chart]'));
  const drawChart = (fields: LayerField[], labels: string[]) => {
    const height = fields.length * BAR + 8;
    chart.attr('viewBox', `0 0 ${WIDTH} ${height}`);
    const max = Math.max(...fields.map((f) => f.receptiveField));
    const x = scaleLinear().domain([0, max]).range([0, WIDTH - LABEL - 40]);
    const centre = LABEL + x(max) / 2;
    const rowsG = chart.selectAll<SVGGElement, LayerField>('g.bar').data(fields).join((enter) => {
      const g = enter.append('g').attr('class', 'bar');
      g.append('text').attr('class', 'name').attr('x', LABEL - 6).attr('y', BAR / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 12).attr('fill', '#333');
      g.append('rect').attr('y', 3).attr('height', BAR - 6).attr('rx', 2).attr('fill', '#0b5cad').attr('fill-opacity', 0.8);
      g.append('text').attr('class', 'value').attr('y', BAR / 2).attr('dy', '0.35em').attr('font-size', 12).attr('font-weight', 700).attr('fill', '#1d232b');
      return g;
    });
    rowsG.attr('transform', (_, i) => `translate(0,${i * BAR + 4})`);
    rowsG.select('text.name').text((_, i) => labels[i]!);
    rowsG.select('rect').attr('x', (f) => centre - x(f.receptiveField) / 2).attr('width', (f) => Math.max(1, x(f.receptiveField)));
    rowsG.select('text.value').attr('x', (f) => centre + x(f.receptiveField) / 2 + 5).text((f) => f.receptiveField);
    chart.attr('aria-label', s.chart(fields.map((f, i) => `${labels[i]} ${f.receptiveField}`).join(', ')));
  };

  const numberInput = (value: number, [min, max]: readonly [number, number], label: string, key: 'kernel' | 'stride' | 'dilation', i: number) => {
    const input = document.createElement('input');
    Object.assign(input, { type: 'number', min: String(min), max: String(max), step: '1', value: String(value) });
    input.setAttribute('aria-label', label);
    input.addEventListener('input', () => {
      if (!Number.isInteger(input.valueAsNumber) || input.valueAsNumber < min || input.valueAsNumber > max) return;
      layers[i] = { ...layers[i]!, [key]: input.valueAsNumber };
      void update(undefined);
    });
    return input;
  };

  // Rows are rebuilt only when layers come or go, so an input keeps focus while it is edited.
  const buildRows = () => {
    rows.replaceChildren(...layers.map((l, i) => {
      const tr = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      name.dataset.name = '';
      const cells = [
        numberInput(l.kernel, LIMITS.kernel, s.kernelOf(i + 1), 'kernel', i),
        numberInput(l.stride ?? 1, LIMITS.stride, s.strideOf(i + 1), 'stride', i),
        numberInput(l.dilation ?? 1, LIMITS.dilation, s.dilationOf(i + 1), 'dilation', i),
      ].map((input) => {
        const td = document.createElement('td');
        td.append(input);
        return td;
      });
      const derived = ['span', 'jump', 'field'].map((key) => {
        const td = document.createElement('td');
        td.className = 'num';
        td.dataset[key] = '';
        return td;
      });
      const remove = document.createElement('button');
      Object.assign(remove, { type: 'button', textContent: '×' });
      remove.dataset.remove = '';
      remove.setAttribute('aria-label', s.remove(i + 1));
      remove.disabled = layers.length === 1;
      remove.addEventListener('click', () => {
        layers.splice(i, 1);
        buildRows();
        void update(undefined);
      });
      const last = document.createElement('td');
      last.append(remove);
      tr.append(name, ...cells, ...derived, last);
      return tr;
    }));
    $<HTMLButtonElement>('[data-add]').disabled = layers.length >= MAX_LAYERS;
  };

  const update = liveUpdate(
    'atrous-stack',
    async () => {
      state.set({ layers: encode(layers) });
      const fields = receptiveFields(layers);
      const labels = names();
      presetSelect.value = presetOf();
      rows.querySelectorAll('tr').forEach((tr, i) => {
        const f = fields[i]!;
        tr.querySelector('[data-name]')!.textContent = labels[i]!;
        tr.querySelector('[data-span]')!.textContent = String(f.effectiveKernel);
        tr.querySelector('[data-jump]')!.textContent = String(f.jump);
        tr.querySelector('[data-field]')!.textContent = String(f.receptiveField);
      });
      drawChart(fields, labels);
      const weights = layers.reduce((sum, l) => sum + l.kernel * l.kernel, 0);
      $('[data-total]').textContent = s.total(fields.at(-1)!.receptiveField, layers.length, weights);
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  presetSelect.addEventListener('change', () => {
    const preset = PRESETS[presetSelect.value];
    if (!preset) return;
    layers = preset.map(({ kernel, stride = 1, dilation = 1 }) => ({ kernel, stride, dilation }));
    buildRows();
    void update(undefined);
  });
  $('[data-add]').addEventListener('click', () => {
    const last = layers.at(-1)!;
    layers.push({ kernel: last.kernel, stride: 1, dilation: Math.min((last.dilation ?? 1) * 2, LIMITS.dilation[1]) });
    buildRows();
    void update(undefined);
  });

  buildRows();
  await update(undefined);
}
