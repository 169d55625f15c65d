// Kept apart from backend.ts so the page can name backends without loading TensorFlow.js.
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Why a backend was passed over; the page words it from the i18n dictionary. */
export interface Skipped {
  backend: BackendName;
  /** 'unknown': ?backend= named no backend (detail: what it said); 'asked': not tried, another was asked for. */
  reason: 'unavailable' | 'software' | 'failed' | 'unknown' | 'asked';
  detail: string;
}

export interface BackendReport {
  backend: BackendName;
  /** The GPU's name for a GPU backend, 'SIMD' or 'no SIMD' for wasm. */
  detail: string;
  skipped: Skipped[];
}

export interface GpuProbe {
  available: boolean;
  software: boolean;
  detail: string;
}

export interface BackendPlan {
  /** Backends to try, in order. */
  order: BackendName[];
  /** Software GPUs (renderer names): tried only after the cpu backend. */
  software: Map<BackendName, string>;
  skipped: Skipped[];
}

/**
 * Candidates fastest first, as measured (docs/design.md): a real GPU beats wasm, which beats the cpu
 * backend, which beats a software GPU (SwiftShader WebGL is ~20x slower than wasm). `preferred`
 * (from ?backend=) goes first.
 */
export function planBackends(gpus: Record<'webgpu' | 'webgl', GpuProbe>, preferred?: BackendName): BackendPlan {
  const skipped: Skipped[] = [];
  const real: BackendName[] = [];
  const software = new Map<BackendName, string>();
  for (const name of ['webgpu', 'webgl'] as const) {
    const probe = gpus[name];
    if (!probe.available) skipped.push({ backend: name, reason: 'unavailable', detail: probe.detail });
    else if (probe.software) software.set(name, probe.detail);
    else real.push(name);
  }
  const ranked: BackendName[] = [...real, 'wasm', 'cpu', ...software.keys()];
  const usable = ranked.filter((b) => b !== preferred);
  return { order: preferred && ranked.includes(preferred) ? [preferred, ...usable] : ranked, software, skipped };
}

/** Why each software GPU was passed over once `chosen` runs: too slow, or another was asked for. */
export function softwareSkips(plan: BackendPlan, chosen: BackendName, preferred?: BackendName): Skipped[] {
  return [...plan.software]
    .filter(([gpu]) => gpu !== chosen)
    .map(([backend, detail]) =>
      preferred === chosen ? { backend, reason: 'asked', detail: chosen } : { backend, reason: 'software', detail },
    );
}
