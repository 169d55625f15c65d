/**
 * One scaffold for every figure: it finds the figure's elements, binds its settings both ways,
 * runs its updates (latest wins, one in flight), shows loading, errors and recovery in one live
 * status line, and starts TensorFlow.js only when the figure first asks for it. The figure module
 * says only what is its own: what to compute and how to draw it.
 */
import { siteWords as t } from '../../i18n/en/site.ts';
import { type Runtime, runtime } from '../runtime/page/client.ts';
import { liveUpdate } from './live-update.ts';
import type { Fields, Settings, Values } from './settings.ts';
import { type FigureState, figureState } from './state.ts';

export interface FigureContext<T extends Fields> {
  root: HTMLElement;
  /** The element for `selector` inside the figure; a missing one is a markup bug, thrown at mount. */
  $<E extends Element = HTMLElement>(selector: string): E;
  state: FigureState<T>;
  /** The TensorFlow.js worker, started on the first call from any figure on the page. */
  api(): Promise<Runtime>;
  /** Asks for a new compute and draw; while one runs, only the newest request follows it. */
  update(): Promise<void>;
  /**
   * A line in the figure's status region (announced), e.g. a model's download progress, shown
   * while the figure sets up or updates; one that arrives after the update has finished is dropped.
   */
  status(message: string): void;
}

export interface FigureParts<T extends Fields, R> {
  compute(values: Readonly<Values<T>>): Promise<R> | R;
  /**
   * `latest` is false when the reader changed something after this result was asked for: the
   * figure may draw it, but must not write it back into the state (newer input would be lost).
   */
  draw(result: R, values: Readonly<Values<T>>, latest: boolean): void;
}

export interface FigureModule {
  mount(root: HTMLElement): Promise<void>;
}

export type FigurePhase = 'loading' | 'ready' | 'error';

/** Shows a figure's phase in its status line; tests wait for data-state="ready". */
export function setPhase(root: HTMLElement, phase: FigurePhase, message = ''): void {
  root.dataset.state = phase;
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (!status) return;
  status.textContent = message;
  status.classList.toggle('error', phase === 'error');
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function defineFigure<T extends Fields, R>(
  settings: Settings<T>,
  setup: (ctx: FigureContext<T>) => Promise<FigureParts<T, R>> | FigureParts<T, R>,
): FigureModule {
  return {
    async mount(root) {
      const name = settings.figure;
      let parts: FigureParts<T, R> | undefined;
      // Progress travels on its own channel (a Comlink callback) and may arrive after the work it
      // reports has finished: shown then, it would leave a drawn figure saying "loading" for good.
      let working = 0;
      const busy = async <V>(work: () => Promise<V>): Promise<V> => {
        working += 1;
        try {
          return await work();
        } finally {
          working -= 1;
        }
      };
      const run = liveUpdate(
        name,
        () =>
          busy(async () => {
            if (!parts) return;
            const asked = { ...state.values };
            const version = state.version;
            const result = await parts.compute(asked);
            parts.draw(result, asked, state.version === version);
            // A success clears whatever error an earlier update left on screen.
            if (root.dataset.state !== 'ready') setPhase(root, 'ready', state.urlNotes.join(' '));
          }),
        (e) => setPhase(root, 'error', t.figure.error(e.message)),
      );
      const state = figureState(settings, root, () => void run(undefined));
      const ctx: FigureContext<T> = {
        root,
        $: <E extends Element>(selector: string) => {
          const el = root.querySelector<E>(selector);
          if (!el) throw new Error(`figure ${name} has no ${selector}`);
          return el;
        },
        state,
        api: async () => {
          try {
            return (await runtime()).api;
          } catch (e) {
            throw new Error(t.runtime.notStarted(messageOf(e)));
          }
        },
        update: () => run(undefined),
        status: (message) => {
          if (working > 0) setPhase(root, 'loading', message);
        },
      };
      parts = await busy(async () => setup(ctx));
      await run(undefined);
      if (root.dataset.state === 'ready') performance.mark(`figure-ready:${name}`);
    },
  };
}

/**
 * Mounts every `[data-figure]` on the page once it comes within a screen of the viewport: its
 * code (and TensorFlow.js, if it asks) is fetched then, never before.
 */
export function mountFigures(registry: Record<string, () => Promise<{ default: FigureModule }>>): void {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries.filter((e) => e.isIntersecting)) {
        observer.unobserve(entry.target);
        void mountOne(entry.target as HTMLElement);
      }
    },
    { rootMargin: '100% 0px' },
  );
  const mountOne = async (root: HTMLElement) => {
    setPhase(root, 'loading', t.figure.loading);
    try {
      await (await registry[root.dataset.figure!]!()).default.mount(root);
    } catch (e) {
      setPhase(root, 'error', t.figure.error(messageOf(e)));
    }
  };
  for (const root of document.querySelectorAll<HTMLElement>('[data-figure]')) {
    if (root.dataset.figure! in registry) observer.observe(root);
  }
}
