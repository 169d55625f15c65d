/**
 * U-Net's size walk: the side of every map from the input's, by sizeWalk over a layer list — the
 * paper's network (built from its Fig. 1) or our trained U-Net's own layers, read in the worker.
 * For ours, the trained model also runs at the chosen size and its real shapes stand beside the walk.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { nearestFits, paperUnet, type SizeNode, type SizeStep, sizeWalk } from '../lib/ops/size-walk.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { settings } from './unet-size-walk.settings.ts';

const s = t.unetSizeWalk;

function note(step: SizeStep): string {
  switch (step.op.kind) {
    case 'input':
      return s.input;
    case 'conv':
      return s.conv(step.op.kernel);
    case 'pool':
      return s.pool;
    case 'upconv':
      return s.upconv;
    case 'crop':
      return s.crop(step.crop!.from, step.crop!.before, step.crop!.after);
    case 'concat':
      return s.concat;
    case 'same-size':
      return s.activation;
  }
}

export default defineFigure(settings, ({ $, root, state, api, status, update }) => {
  const paper = paperUnet();
  let ours: SizeNode[] | undefined;
  const body = $('[data-walk] tbody');

  return {
    async compute({ network, side }) {
      if (network === 'paper') return { nodes: paper, shapes: undefined };
      const worker = await api();
      await loadModels(worker, ['unet'], status);
      ours ??= await worker.unetSizeNodes();
      const fits = sizeWalk(ours, side).misfit === undefined;
      return { nodes: ours, shapes: fits ? await worker.unetShapes(side) : undefined };
    },
    draw({ nodes, shapes }, values) {
      const { network, side } = values;
      const walk = sizeWalk(nodes, side);
      $('[data-walk-caption]').textContent = s.tableCaption(side);
      $<HTMLElement>('[data-measured-head]').hidden = network === 'paper';
      const rows = walk.steps.map((step) => {
        const tr = document.createElement('tr');
        const real = shapes?.find((r) => r.name === step.name)?.shape;
        const size = `${step.side}×${step.side}×${step.channels}`;
        const cells = [step.name, size, note(step), real ? real.join('×') : ''];
        cells.forEach((text, i) => {
          const td = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) td.setAttribute('scope', 'row');
          td.textContent = text;
          if (i === 3) td.hidden = network === 'paper';
          tr.append(td);
        });
        tr.dataset.layer = step.name;
        return tr;
      });
      body.replaceChildren(...rows);
      const verdict = $('[data-verdict]');
      verdict.textContent = walk.misfit ? s.misfit(walk.misfit) : s.output(side, walk.output!);
      verdict.classList.toggle('error', walk.misfit !== undefined);
      const nearest = $('[data-nearest]');
      nearest.replaceChildren();
      if (walk.misfit) {
        const { min, max } = settings.fields.side;
        const { below, above } = nearestFits(nodes, side, min, max);
        nearest.append(s.nearest);
        const fits = [below, above].filter((n): n is number => n !== undefined);
        if (fits.length === 0) nearest.append(` ${s.none}`);
        for (const n of fits) {
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = s.try(n);
          button.dataset.side = String(n);
          button.addEventListener('click', () => {
            state.set({ side: n });
            void update();
          });
          nearest.append(button);
        }
      }
      const check = $('[data-check]');
      if (network === 'paper') check.textContent = '';
      else if (!shapes) check.textContent = s.notRun;
      else {
        const wrong = walk.steps.filter((step) => {
          const real = shapes.find((r) => r.name === step.name)?.shape;
          return !real || real[0] !== step.side || real[1] !== step.side || real[2] !== step.channels;
        });
        const names = wrong.map((w) => w.name).join(', ');
        check.textContent = wrong.length === 0 ? s.agree(walk.steps.length) : s.disagree(names);
      }
      root.dataset.shown = Object.values(values).join(',');
    },
  };
});
