import * as Comlink from 'comlink';
import type { WorkerApi } from '../worker/api.ts';
import { BACKENDS, type BackendName, type BackendReport } from '../backend-types.ts';

export type Runtime = Comlink.Remote<WorkerApi>;

export interface Started {
  api: Runtime;
  report: BackendReport;
}

type Listener = (s: Started | Error) => void;

let started: Promise<Started> | undefined;
const waiting: Listener[] = [];

function preferredBackend(): BackendName | undefined {
  const asked = new URLSearchParams(location.search).get('backend');
  return BACKENDS.find((b) => b === asked);
}

async function start(): Promise<Started> {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'tfjs' });
  const api = Comlink.wrap<WorkerApi>(worker);
  const report = await api.init(preferredBackend());
  return { api, report };
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
