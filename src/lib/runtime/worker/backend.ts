import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

import { type BackendName, type BackendReport, type GpuProbe, planBackends, softwareSkips } from '../backend-types.ts';

// A software rasteriser (SwiftShader, llvmpipe) names itself in the renderer string.
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

interface WebGpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<WebGpuAdapterLike | null> } }).gpu;
  const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
  if (!adapter) return { available: false, software: false, detail: 'no WebGPU adapter' };
  const info = adapter.info ?? {};
  const detail = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'WebGPU';
  const software = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || SOFTWARE_RENDERER.test(detail);
  return { available: true, software, detail };
}

function probeWebGl(): GpuProbe {
  const gl = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return { available: false, software: false, detail: 'no WebGL 2 context' };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const detail = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, software: SOFTWARE_RENDERER.test(detail), detail };
}

async function activate(name: BackendName): Promise<void> {
  if (name === 'wasm') {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
  }
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`);
  // One tiny op proves the backend computes, not merely that it registered.
  const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
  const [value] = await probe.data();
  probe.dispose();
  if (value !== 3) throw new Error(`${name} computed 1 + 2 = ${value}`);
}

async function describe(name: BackendName): Promise<string> {
  if (name === 'webgpu') return (await probeWebGpu()).detail;
  if (name === 'webgl') return probeWebGl().detail;
  if (name === 'wasm') return (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
  return 'JavaScript';
}

const LOST_DETAIL = 'its context was lost earlier on this page';

let rejectLost: (e: Error) => void = () => undefined;
/** Rejects when the GPU backend in use loses its device: every task in flight then fails at once. */
export const gpuLost = new Promise<never>((_, reject) => {
  rejectLost = reject;
});
gpuLost.catch(() => undefined);
let lostError: Error | undefined;

/** Throws once the GPU is lost, so a task never starts on a dead context (it would wait forever). */
export function checkGpu(): void {
  if (lostError) throw lostError;
}

/**
 * Watches the running GPU backend for a lost context or device (a GPU reset, a driver update, too
 * many contexts): tasks in flight would otherwise wait forever on its fences, and later ones read
 * zeros. The page hears of it through `onLost` and starts a new worker without that backend.
 */
function watchGpu(name: BackendName, onLost?: (backend: BackendName) => void): void {
  const lose = () => {
    if (lostError) return;
    lostError = new Error(
      `the ${name === 'webgl' ? 'WebGL' : 'WebGPU'} context was lost; ` +
        'the next change restarts the computation on another backend',
    );
    rejectLost(lostError);
    // After the rejections of tasks in flight have been posted to the page, not before.
    setTimeout(() => onLost?.(name), 0);
  };
  const gpu = tf.backend() as unknown as {
    gpgpu?: { gl?: WebGL2RenderingContext };
    device?: { lost?: Promise<unknown> };
  };
  if (name === 'webgl') {
    const gl = gpu.gpgpu?.gl;
    (gl?.canvas as OffscreenCanvas | undefined)?.addEventListener('webglcontextlost', lose);
    if (gl?.isContextLost()) lose();
  }
  if (name === 'webgpu') void gpu.device?.lost?.then(lose);
}

/**
 * Picks the fastest backend that initialises; `preferred` (from ?backend= in the page URL) is
 * tried first, and `lost` (GPU backends whose context an earlier worker of this page lost) are
 * not tried again. Every backend passed over is reported, so the page can say why.
 */
export async function initBackend(
  preferred?: BackendName,
  lost: readonly BackendName[] = [],
  onLost?: (backend: BackendName) => void,
): Promise<BackendReport> {
  const gone: GpuProbe = { available: false, software: false, detail: LOST_DETAIL };
  const plan = planBackends(
    {
      webgpu: lost.includes('webgpu') ? gone : await probeWebGpu(),
      webgl: lost.includes('webgl') ? gone : probeWebGl(),
    },
    preferred,
  );
  const skipped = [...plan.skipped];
  for (const name of plan.order) {
    try {
      await activate(name);
      watchGpu(name, onLost);
      return {
        backend: name,
        detail: await describe(name),
        skipped: [...skipped, ...softwareSkips(plan, name, preferred)],
      };
    } catch (error) {
      skipped.push({ backend: name, reason: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error('No TensorFlow.js backend could start in this browser.');
}
