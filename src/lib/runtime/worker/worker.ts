/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { workerApi } from './api.ts';
import { checkGpu, gpuLost } from './backend.ts';

type Task = (...args: never[]) => unknown;

/** Every task fails at once, rather than waiting forever, when the GPU it runs on is lost. */
function guarded<T extends Record<string, Task>>(tasks: T): T {
  return Object.fromEntries(
    Object.entries(tasks).map(([name, task]) => [
      name,
      (...args: never[]) => {
        checkGpu();
        return Promise.race([task(...args), gpuLost]);
      },
    ]),
  ) as T;
}

Comlink.expose(guarded(workerApi));
