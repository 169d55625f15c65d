import { nextSeed } from './seg-scene.settings.ts';

interface Seeded {
  $(selector: string): HTMLElement;
  state: { readonly values: { readonly seed: number }; set(changes: { seed: number }): void };
  update(): Promise<void>;
}

/** The "New scene" button of a model figure: steps the seed on from `from()` (the state's, unless told) and redraws. */
export function bindNewScene({ $, state, update }: Seeded, from = () => state.values.seed): void {
  $('[data-new-scene]').addEventListener('click', () => {
    state.set({ seed: nextSeed(from()) });
    void update();
  });
}
