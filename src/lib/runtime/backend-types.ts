// Kept apart from backend.ts so the page can name backends without loading TensorFlow.js.
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Why a backend was passed over; the page words it from the i18n dictionary. */
export interface Skipped {
  backend: BackendName;
  reason: 'unavailable' | 'software' | 'failed';
  detail: string;
}

export interface BackendReport {
  backend: BackendName;
  /** The GPU's name for a GPU backend, 'SIMD' or 'no SIMD' for wasm. */
  detail: string;
  skipped: Skipped[];
}
