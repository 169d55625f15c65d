/**
 * Loads and runs models in the worker. Loads happen once per page, showing the download in the figure's status line
 * (bytes received of total, summed over the models a figure needs). A failed load is forgotten so
 * the figure's next update retries; its error (from src/lib/models/load.ts) names the model and
 * what the reader can do.
 */
import * as Comlink from 'comlink';
import { t } from '../../i18n/en.ts';
import type { Runtime } from '../runtime/page/client.ts';
import type { ModelInfo, ModelRunResult } from '../runtime/worker/tasks/models.ts';

const loads = new Map<string, Promise<ModelInfo>>();

export async function loadModels(
  api: Runtime,
  names: readonly string[],
  status: (message: string) => void,
): Promise<ModelInfo[]> {
  const progress = names.map(() => [0, 0]);
  // Progress messages travel on their own channel and may arrive after the loads have settled:
  // one that did would overwrite the figure's result or error with "Downloading…".
  let settled = false;
  const report = () => {
    if (settled) return;
    const received = progress.reduce((sum, [r]) => sum + r!, 0);
    const total = progress.reduce((sum, [, n]) => sum + n!, 0);
    status(t.modelView.loading(received, total));
  };
  const all = Promise.all(
    names.map((name, i) => {
      let load = loads.get(name);
      if (load === undefined) {
        const began = performance.now();
        load = api.modelLoad(
          name,
          Comlink.proxy((received: number, total: number) => {
            progress[i] = [received, total];
            report();
          }),
        );
        loads.set(name, load);
        // Download, hash check and build, for the bench (scripts/bench-model-figures.ts).
        void load.then(
          () => performance.measure(`model-load:${name}`, { start: began }),
          () => undefined,
        );
        load.catch(() => loads.delete(name));
      }
      return load;
    }),
  );
  try {
    return await all;
  } finally {
    settled = true;
  }
}

/**
 * One modelRun, recorded as a `performance.measure('model-run:<name>')` for the bench: the
 * worker's inference plus the round trip that brings the maps back.
 */
export async function runModel(
  api: Runtime,
  name: string,
  image: Float32Array,
  height: number,
  width: number,
  options?: { activations?: string[] },
): Promise<ModelRunResult> {
  const began = performance.now();
  const result = await api.modelRun(name, image, height, width, options);
  performance.measure(`model-run:${name}`, { start: began });
  return result;
}
