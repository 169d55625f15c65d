import { describe, expect, it } from 'vitest';
import { type GpuProbe, planBackends, softwareSkips } from '../../src/lib/runtime/backend-types.ts';

const none: GpuProbe = { available: false, software: false, detail: 'missing' };
const real = (detail: string): GpuProbe => ({ available: true, software: false, detail });
const soft = (detail: string): GpuProbe => ({ available: true, software: true, detail });

describe('backend plan', () => {
  it('ranks a real GPU first, then wasm, then cpu, then software GPUs', () => {
    expect(planBackends({ webgpu: real('Apple M2'), webgl: real('Apple M2') }).order).toEqual([
      'webgpu',
      'webgl',
      'wasm',
      'cpu',
    ]);
    expect(planBackends({ webgpu: none, webgl: real('GeForce') }).order).toEqual(['webgl', 'wasm', 'cpu']);
    const swift = planBackends({ webgpu: soft('SwiftShader'), webgl: soft('SwiftShader') });
    expect(swift.order).toEqual(['wasm', 'cpu', 'webgpu', 'webgl']);
    expect(planBackends({ webgpu: none, webgl: none }).skipped.map((s) => [s.backend, s.reason])).toEqual([
      ['webgpu', 'unavailable'],
      ['webgl', 'unavailable'],
    ]);
  });

  it('tries the asked-for backend first, even a software GPU, and never one that is missing', () => {
    const gpus = { webgpu: none, webgl: soft('SwiftShader') };
    expect(planBackends(gpus, 'cpu').order).toEqual(['cpu', 'wasm', 'webgl']);
    expect(planBackends(gpus, 'webgl').order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(planBackends(gpus, 'webgpu').order).toEqual(['wasm', 'cpu', 'webgl']);
  });

  it('says a software GPU was slow only when speed chose, and that it was not asked for otherwise', () => {
    const gpus = { webgpu: none, webgl: soft('SwiftShader') };
    expect(softwareSkips(planBackends(gpus), 'wasm')).toEqual([
      { backend: 'webgl', reason: 'software', detail: 'SwiftShader' },
    ]);
    expect(softwareSkips(planBackends(gpus, 'cpu'), 'cpu', 'cpu')).toEqual([
      { backend: 'webgl', reason: 'asked', detail: 'cpu' },
    ]);
    expect(softwareSkips(planBackends(gpus, 'webgl'), 'webgl', 'webgl')).toEqual([]);
  });
});
