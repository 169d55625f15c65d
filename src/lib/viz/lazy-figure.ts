import { t } from '../../i18n/en.ts';
import { runtime, type Runtime } from '../runtime/page/client.ts';
import { whenNear } from '../runtime/page/when-near.ts';

export interface FigureModule {
  mount(root: HTMLElement, api: Runtime): Promise<void>;
}

/** Shows a figure's state in its status line; tests wait for data-state="ready". */
export function setFigureState(root: HTMLElement, state: 'loading' | 'ready' | 'error', message = ''): void {
  root.dataset.state = state;
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (!status) return;
  status.textContent = message;
  status.classList.toggle('error', state === 'error');
}

/**
 * Mounts every `[data-figure=name]` once it comes near the viewport: the figure's code and
 * TensorFlow.js are fetched then, never before. A failure is shown in the figure, not thrown.
 */
export function lazyFigure(name: string, load: () => Promise<FigureModule>): void {
  for (const root of document.querySelectorAll<HTMLElement>(`[data-figure="${name}"]`)) {
    whenNear(root, async () => {
      setFigureState(root, 'loading', t.figure.loading);
      try {
        const [figure, { api }] = await Promise.all([load(), runtime()]);
        await figure.mount(root, api);
        if (root.dataset.state !== 'error') {
          setFigureState(root, 'ready');
          performance.mark(`figure-ready:${name}`);
        }
      } catch (e) {
        setFigureState(root, 'error', t.figure.error(e instanceof Error ? e.message : String(e)));
      }
    });
  }
}
