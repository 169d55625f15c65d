import * as Comlink from 'comlink';
import { BACKENDS, type BackendName, type BackendReport, type Skipped } from '../backend-types.ts';
import type { WorkerApi } from '../worker/api.ts';

export type Runtime = Comlink.Remote<WorkerApi>;

export interface Started {
  api: Runtime;
  report: BackendReport;
}

type Listener = (s: Started | Error) => void;

// Long enough for a slow phone to compile the wasm binary; a worker that fails to load says so
// at once through its error event, so this only catches a worker that hangs.
const START_TIMEOUT_MS = 30_000;

// How long a worker whose GPU was lost lives on: it refuses every task at once, so a call that
// reached it just before the page started another still gets an answer, never silence.
const LOST_WORKER_GRACE_MS = 10_000;

let started: Promise<Started> | undefined;
const listeners: Listener[] = [];
/** GPU backends a worker of this page lost: a new worker does not try them again. */
const lost: BackendName[] = [];

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
    setTimeout(
      () => reject(new Error(`the worker did not answer within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
  });
  const api = Comlink.wrap<WorkerApi>(worker);
  const { preferred, unknown } = askedBackend();
  try {
    const onLost = Comlink.proxy((backend: BackendName) => {
      lost.push(backend);
      started = undefined;
      setTimeout(() => worker.terminate(), LOST_WORKER_GRACE_MS);
    });
    const report = await Promise.race([api.init(preferred, [...lost], onLost), failed]);
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

/**
 * Starts TensorFlow.js in its worker on first call; later calls share it. After a lost GPU the
 * next call starts a new worker on another backend.
 */
export function runtime(): Promise<Started> {
  if (!started) {
    started = start();
    for (const listener of listeners) notify(started, listener);
  }
  return started;
}

/** Calls `listener` each time the runtime has started (or failed), without starting it. */
export function onRuntime(listener: Listener): void {
  listeners.push(listener);
  if (started) notify(started, listener);
}
