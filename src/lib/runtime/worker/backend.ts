import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

import { planBackends, softwareSkips, type BackendName, type BackendReport, type GpuProbe } from '../backend-types.ts';

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

/**
 * Picks the fastest backend that initialises; `preferred` (from ?backend= in the page URL) is
 * tried first. Every backend passed over is reported, so the page can say why.
 */
export async function initBackend(preferred?: BackendName): Promise<BackendReport> {
  const plan = planBackends({ webgpu: await probeWebGpu(), webgl: probeWebGl() }, preferred);
  const skipped = [...plan.skipped];
  for (const name of plan.order) {
    try {
      await activate(name);
      return { backend: name, detail: await describe(name), skipped: [...skipped, ...softwareSkips(plan, name, preferred)] };
    } catch (error) {
      skipped.push({ backend: name, reason: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error('No TensorFlow.js backend could start in this browser.');
}
