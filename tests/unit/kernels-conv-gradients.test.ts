// The wasm Conv2D backprop kernels (src/lib/training/wasm-conv-kernels.ts) and the dilation-aware
// Conv2D gradient against the cpu backend's own gradients. For dilation > 1 (which tfjs cannot
// differentiate at all) the reference is a dilation-1 conv with the zero-inserted kernel.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmTraining } from '../../src/lib/training/backend.ts';

beforeAll(useWasmTraining);

const values = (n: number, phase: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 1.37 + phase));

interface Case {
  stride: number;
  dilation: number;
  pad: 'same' | 'valid';
  size: number;
}

function gradients(backend: string, c: Case, x: Float32Array, w: Float32Array, xShape: number[], wShape: number[]) {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const xt = tf.tensor4d(x, xShape as [number, number, number, number]);
    const wt = tf.tensor4d(w, wShape as [number, number, number, number]);
    const f = (a: tf.Tensor, b: tf.Tensor) => {
      const y = tf.conv2d(
        a as tf.Tensor4D,
        b as tf.Tensor4D,
        c.stride,
        c.pad,
        'NHWC',
        backend === 'cpu' ? 1 : c.dilation,
      );
      return tf.sum(tf.mul(y, tf.sin(tf.range(0, y.size).reshape(y.shape))));
    };
    const [gx, gw] = tf.grads(f)([xt, wt]) as [tf.Tensor, tf.Tensor];
    return [gx.dataSync().slice(), gw.dataSync().slice()] as [Float32Array, Float32Array];
  });
}

/** Kernel [k, k, ci, co] spread to the span of dilation d. */
function dilateKernel(w: Float32Array, k: number, ci: number, co: number, d: number): Float32Array {
  const span = (k - 1) * d + 1;
  const out = new Float32Array(span * span * ci * co);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      out.set(w.subarray((a * k + b) * ci * co, (a * k + b + 1) * ci * co), (a * d * span + b * d) * ci * co);
    }
  }
  return out;
}

function pickTaps(g: Float32Array, k: number, ci: number, co: number, d: number): Float32Array {
  const span = (k - 1) * d + 1;
  const out = new Float32Array(k * k * ci * co);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const from = (a * d * span + b * d) * ci * co;
      out.set(g.subarray(from, from + ci * co), (a * k + b) * ci * co);
    }
  }
  return out;
}

function relativeError(actual: Float32Array, expected: Float32Array): number {
  let diff = 0;
  let scale = 1e-6;
  expected.forEach((e, i) => {
    diff = Math.max(diff, Math.abs((actual[i] as number) - e));
    scale = Math.max(scale, Math.abs(e));
  });
  return diff / scale;
}

const cases: Case[] = [];
for (const stride of [1, 2])
  for (const pad of ['same', 'valid'] as const)
    for (const size of [9, 10]) cases.push({ stride, dilation: 1, pad, size });
for (const dilation of [2, 6])
  for (const pad of ['same', 'valid'] as const)
    for (const size of [15, 16]) cases.push({ stride: 1, dilation, pad, size });

describe('wasm Conv2D gradients match cpu', () => {
  it.each(cases)('stride $stride dilation $dilation $pad size $size', (c) => {
    const [k, ci, co] = [3, 3, 4];
    const xShape = [2, c.size, c.size + 1, ci];
    const x = values(
      xShape.reduce((a, b) => a * b, 1),
      0.3,
    );
    const w = values(k * k * ci * co, 1.1);
    const [gx, gw] = gradients('wasm', c, x, w, xShape, [k, k, ci, co]);
    const span = (k - 1) * c.dilation + 1;
    const [rx, rwd] = gradients('cpu', c, x, dilateKernel(w, k, ci, co, c.dilation), xShape, [span, span, ci, co]);
    expect(relativeError(gx, rx)).toBeLessThan(1e-4);
    expect(relativeError(gw, pickTaps(rwd, k, ci, co, c.dilation))).toBeLessThan(1e-4);
  });

  // Transposed convs run Conv2DBackpropInput forwards: stride 2 takes the XNNPACK path, stride 8
  // (FCN-8s's fixed upsampler) the stock kernel.
  it.each([2, 8])('conv2dTranspose stride %i, forward and gradients', (s) => {
    const k = 2 * s;
    const xShape: [number, number, number, number] = [2, 3, 4, 3];
    const x = values(2 * 3 * 4 * 3, 0.5);
    const w = values(k * k * 5 * 3, 2.0);
    const run = (backend: string) => {
      tf.setBackend(backend);
      return tf.tidy(() => {
        const f = (a: tf.Tensor, b: tf.Tensor) =>
          tf.conv2dTranspose(a as tf.Tensor4D, b as tf.Tensor4D, [2, 3 * s, 4 * s, 5], s, 'same');
        const y = f(tf.tensor4d(x, xShape), tf.tensor4d(w, [k, k, 5, 3]));
        const r = tf.sin(tf.range(0, y.size).reshape(y.shape));
        const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, b), r)))([
          tf.tensor4d(x, xShape),
          tf.tensor4d(w, [k, k, 5, 3]),
        ]) as [tf.Tensor, tf.Tensor];
        return [y, gx, gw].map((t) => t.dataSync().slice() as Float32Array);
      });
    };
    const got = run('wasm');
    const want = run('cpu');
    got.forEach((g, i) => expect(relativeError(g, want[i] as Float32Array)).toBeLessThan(1e-4));
  });
});
