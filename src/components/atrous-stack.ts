/**
 * A stack editor: kernel, stride and dilation per layer, with the receptive field after every
 * layer (closed form of Araujo et al., src/lib/ops/receptive-field.ts, pure arithmetic: this
 * figure never starts TensorFlow.js) as a table and as bars centred on one input pixel. Presets:
 * Yu & Koltun's context module and 1-2-4 stack, and VGG-16 to pool5.
 */
import { scaleLinear, select } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { parseField } from '../lib/figure/settings.ts';
import {
  CONTEXT_MODULE,
  DILATED_1_2_4,
  type LayerField,
  type LayerSpec,
  receptiveFields,
  VGG16,
} from '../lib/ops/receptive-field.ts';
import { fmtCount } from '../lib/viz/format.ts';
import { typedNumberInput } from '../lib/viz/typed-input.ts';
import {
  encodeLayers,
  LAYER_FIELDS,
  LAYER_KEYS,
  type LayerKey,
  MAX_LAYERS,
  settings,
} from './atrous-stack.settings.ts';

const s = t.atrousStack;
type Preset = (typeof settings.fields.preset.values)[number];
const PRESETS: Partial<Record<Preset, readonly LayerSpec[]>> = {
  context: CONTEXT_MODULE,
  doubling: DILATED_1_2_4,
  vgg: VGG16,
};
type Layer = Record<LayerKey, number>;

/** The stack a URL value names, each number clamped into its field's limits. */
const decodeLayers = (text: string): Layer[] =>
  text.split('_').map((part) => {
    const numbers = part.split('.');
    return Object.fromEntries(LAYER_KEYS.map((key, i) => [key, parseField(LAYER_FIELDS[key], numbers[i]!)])) as Layer;
  });
const presetOf = (layers: readonly LayerSpec[]): Preset =>
  (Object.keys(PRESETS) as Preset[]).find((p) => encodeLayers(PRESETS[p]!) === encodeLayers(layers)) ?? 'custom';
const labelOf = { kernel: s.kernelOf, stride: s.strideOf, dilation: s.dilationOf };

const BAR = 22;
const LABEL = 64;
const WIDTH = 420;

export default defineFigure(settings, ({ $, state, update }) => {
  const rows = $<HTMLTableSectionElement>('[data-rows]');
  const rowError = $('[data-row-error]');
  const addButton = $<HTMLButtonElement>('[data-add]');

  // A link may ask for more than the inputs allow (dilation 99): clamp it and say so.
  const asked = state.values.layers;
  const clamped = encodeLayers(decodeLayers(asked));
  if (clamped !== asked) state.urlNotes.push(s.urlClamped(asked.slice(0, 60), clamped));
  state.set({ layers: clamped, preset: presetOf(decodeLayers(clamped)) });

  const commit = (layers: Layer[]) => {
    state.set({ layers: encodeLayers(layers), preset: presetOf(layers) });
    void update();
  };

  // Rows are rebuilt only when layers come or go or a preset replaces them, so an input keeps
  // focus while it is edited.
  let rowsShow = '';
  const buildRows = (layers: Layer[]) => {
    rowsShow = encodeLayers(layers);
    rows.replaceChildren(
      ...layers.map((layer, i) => {
        const tr = document.createElement('tr');
        const name = document.createElement('th');
        name.scope = 'row';
        name.dataset.name = '';
        const inputs = LAYER_KEYS.map((key) => {
          const td = document.createElement('td');
          td.append(
            typedNumberInput(LAYER_FIELDS[key], layer[key], labelOf[key](i + 1), rowError, (value) => {
              const next = decodeLayers(state.values.layers);
              next[i] = { ...next[i]!, [key]: value };
              rowsShow = encodeLayers(next);
              commit(next);
            }),
          );
          return td;
        });
        const derived = ['span', 'adds', 'jump', 'field'].map((key) => {
          const td = document.createElement('td');
          td.className = 'num';
          td.dataset[key] = '';
          return td;
        });
        const remove = document.createElement('button');
        Object.assign(remove, { type: 'button', textContent: '×', disabled: layers.length === 1 });
        remove.dataset.remove = '';
        remove.setAttribute('aria-label', s.remove(i + 1));
        remove.addEventListener('click', () => commit(decodeLayers(state.values.layers).filter((_, j) => j !== i)));
        const last = document.createElement('td');
        last.append(remove);
        tr.append(name, ...inputs, ...derived, last);
        return tr;
      }),
    );
    addButton.disabled = layers.length >= MAX_LAYERS;
  };
  addButton.addEventListener('click', () => {
    const layers = decodeLayers(state.values.layers);
    const last = layers.at(-1)!;
    const dilation = Math.min(last.dilation * 2, LAYER_FIELDS.dilation.max);
    commit([...layers, { kernel: last.kernel, stride: 1, dilation }]);
  });

  const chart = select($<SVGSVGElement>('[data-chart]'));
  const drawChart = (fields: LayerField[], labels: string[]) => {
    const height = fields.length * BAR + 8;
    chart.attr('viewBox', `0 0 ${WIDTH} ${height}`);
    const max = Math.max(...fields.map((f) => f.receptiveField));
    const x = scaleLinear()
      .domain([0, max])
      .range([0, WIDTH - LABEL - 40]);
    const centre = LABEL + x(max) / 2;
    const bars = chart
      .selectAll<SVGGElement, LayerField>('g.bar')
      .data(fields)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'bar');
        g.append('text')
          .attr('class', 'name')
          .attr('x', LABEL - 6)
          .attr('y', BAR / 2)
          .attr('dy', '0.35em')
          .attr('text-anchor', 'end')
          .attr('font-size', 12)
          .attr('fill', '#333');
        g.append('rect')
          .attr('y', 3)
          .attr('height', BAR - 6)
          .attr('rx', 2)
          .attr('fill', '#0b5cad')
          .attr('fill-opacity', 0.8);
        g.append('text')
          .attr('class', 'value')
          .attr('y', BAR / 2)
          .attr('dy', '0.35em')
          .attr('font-size', 12)
          .attr('font-weight', 700)
          .attr('fill', '#1d232b');
        return g;
      });
    bars.attr('transform', (_, i) => `translate(0,${i * BAR + 4})`);
    bars.select('text.name').text((_, i) => labels[i]!);
    bars
      .select('rect')
      .attr('x', (f) => centre - x(f.receptiveField) / 2)
      .attr('width', (f) => Math.max(1, x(f.receptiveField)));
    bars
      .select('text.value')
      .attr('x', (f) => centre + x(f.receptiveField) / 2 + 5)
      .text((f) => fmtCount(f.receptiveField));
    chart.attr('aria-label', s.chart(fields.map((f, i) => `${labels[i]} ${fmtCount(f.receptiveField)}`).join(', ')));
  };

  return {
    compute(values) {
      const named = PRESETS[values.preset];
      const decoded = decodeLayers(values.layers);
      // A preset that does not match the layers was just picked: it replaces them.
      const layers =
        named && presetOf(decoded) !== values.preset
          ? named.map(({ kernel, stride = 1, dilation = 1 }) => ({ kernel, stride, dilation }))
          : decoded;
      return { layers, fields: receptiveFields(layers) };
    },
    draw({ layers, fields }, _, latest) {
      if (encodeLayers(layers) !== rowsShow) buildRows(layers);
      const preset = presetOf(layers);
      // VGG's layer names say where the pools are; other stacks are numbered.
      const labels = layers.map((_, i) => (preset === 'vgg' ? VGG16[i]!.name! : String(i + 1)));
      // The span this layer adds: (k̂ − 1) times the jump of the layer before it.
      const before = [1, ...fields.map((f) => f.jump)];
      rows.querySelectorAll('tr').forEach((tr, i) => {
        const f = fields[i]!;
        tr.querySelector('[data-name]')!.textContent = labels[i]!;
        tr.querySelector('[data-span]')!.textContent = fmtCount(f.effectiveKernel);
        tr.querySelector('[data-adds]')!.textContent = fmtCount((f.effectiveKernel - 1) * before[i]!);
        tr.querySelector('[data-jump]')!.textContent = fmtCount(f.jump);
        tr.querySelector('[data-field]')!.textContent = fmtCount(f.receptiveField);
      });
      drawChart(fields, labels);
      const weights = layers.reduce((sum, l) => sum + l.kernel * l.kernel, 0);
      const field = fmtCount(fields.at(-1)!.receptiveField);
      $('[data-total]').textContent = s.total(field, layers.length, fmtCount(weights));
      if (latest && (state.values.layers !== encodeLayers(layers) || state.values.preset !== preset)) {
        state.set({ layers: encodeLayers(layers), preset });
      }
    },
  };
});
