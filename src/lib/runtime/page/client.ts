import * as Comlink from 'comlink';
import type { WorkerApi } from '../worker/api.ts';
import { BACKENDS, type BackendName, type BackendReport, type Skipped } from '../backend-types.ts';

export type Runtime = Comlink.Remote<WorkerApi>;

export interface Started {
  api: Runtime;
  report: BackendReport;
}

type Listener = (s: Started | Error) => void;

// Long enough for a slow phone to compile the wasm binary; a worker that fails to load says so
// at once through its error event, so this only catches a worker that hangs.
const START_TIMEOUT_MS = 30_000;

let started: Promise<Started> | undefined;
const waiting: Listener[] = [];

/** `?backend=` as asked, and a notice when it names no backend. */
function askedBackend(): { preferred?: BackendName; unknown?: Skipped } {
  const asked = new URLSearchParams(location.search).get('backend');
  if (asked === null) return {};
  const preferred = BACKENDS.find((b) => b === asked);
  return preferred ? { preferred } : { unknown: { backend: 'cpu', reason: 'unknown', detail: asked.slice(0, 40) } };
}

async function start(): Promise<Started> {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'tfjs' });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      reject(new Error(e.message || 'the worker script could not be loaded (blocked or missing)'));
    });
    setTimeout(() => reject(new Error(`the worker did not answer within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  const api = Comlink.wrap<WorkerApi>(worker);
  const { preferred, unknown } = askedBackend();
  try {
    const report = await Promise.race([api.init(preferred), failed]);
    if (unknown) report.skipped.unshift(unknown);
    return { api, report };
  } catch (e) {
    worker.terminate();
    throw e;
  }
}

function notify(promise: Promise<Started>, listener: Listener): void {
  promise.then(listener, (e: unknown) => listener(e instanceof Error ? e : new Error(String(e))));
}

/** Starts TensorFlow.js in its worker on first call; later calls share it. */
export function runtime(): Promise<Started> {
  if (!started) {
    started = start();
    for (const listener of waiting.splice(0)) notify(started, listener);
  }
  return started;
}

/** Calls `listener` once the runtime has started (or failed), without starting it. */
export function onRuntime(listener: Listener): void {
  if (started) notify(started, listener);
  else waiting.push(listener);
}
