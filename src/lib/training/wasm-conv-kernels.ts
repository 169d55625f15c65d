// Convolution gradient kernels for the wasm backend, built on wasm's own XNNPACK Conv2D.
// tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, and its Conv2DBackpropInput is a naive loop
// that dominates a training step; both are expressed here as ordinary convolutions.
// Both kernels also honour a `dilations` attribute, which the Conv2D gradient in conv2d-grad.ts
// passes so atrous layers can be trained.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type Pair = [number, number];
type Info = tf.TensorInfo;
interface Geometry {
  stride: Pair;
  dilation: Pair;
  padTop: number;
  padLeft: number;
  outHeight: number;
  outWidth: number;
}

function geometry(inShape: number[], filterShape: number[], attrs: tf.NamedAttrMap): Geometry {
  const info = tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs['strides'] as number | Pair,
    (attrs['dilations'] as number | Pair | undefined) ?? 1,
    attrs['pad'] as 'same' | 'valid' | number,
    attrs['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
  );
  return {
    stride: [info.strideHeight, info.strideWidth],
    dilation: [info.dilationHeight, info.dilationWidth],
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
  };
}

function wasmKernel(name: string): tf.KernelFunc {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) throw new Error(`wasm backend has no ${name} kernel`);
  return config.kernelFunc;
}

function run(backend: BackendWasm, name: string, inputs: Record<string, Info>, attrs: tf.NamedAttrMap): Info {
  return wasmKernel(name)({ inputs, backend, attrs }) as Info;
}

function conv(backend: BackendWasm, x: Info, filter: Info, stride: Pair, dilation: Pair, pads: [Pair, Pair]): Info {
  return run(
    backend,
    'Conv2D',
    { x, filter },
    {
      strides: stride,
      dilations: dilation,
      pad: [[0, 0], pads[0], pads[1], [0, 0]],
      dataFormat: 'NHWC',
    },
  );
}

function slice4(backend: BackendWasm, x: Info, size: number[]): Info {
  return run(backend, 'Slice', { x }, { begin: [0, 0, 0, 0], size });
}

// dW[a,b,ci,co] = Σ x[n, i·s + a·d − p, ..., ci] · dy[n, i, j, co]: a convolution of x seen as
// [Cin, H, W, N] (channels become the batch) with dy seen as [Ho, Wo, N, Cout] (a kernel), where
// the layer's dilation becomes the stride and its stride the dilation.
function backpropFilter({
  inputs,
  backend,
  attrs,
}: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): Info {
  const wasm = backend as BackendWasm;
  const x = inputs['x'] as Info;
  const dy = inputs['dy'] as Info;
  const a = attrs ?? {};
  const filterShape = a['filterShape'] as number[];
  const [kh, kw] = filterShape as Pair;
  const g = geometry(x.shape, filterShape, a);
  const [h, w] = [x.shape[1] as number, x.shape[2] as number];
  const xT = run(wasm, 'Transpose', { x }, { perm: [3, 1, 2, 0] });
  const dyT = run(wasm, 'Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const padEnd = (k: number, d: number, out: number, s: number, size: number, start: number): number =>
    Math.max(0, (k - 1) * d + (out - 1) * s + 1 - size - start);
  const raw = conv(wasm, xT, dyT, g.dilation, g.stride, [
    [g.padTop, padEnd(kh, g.dilation[0], g.outHeight, g.stride[0], h, g.padTop)],
    [g.padLeft, padEnd(kw, g.dilation[1], g.outWidth, g.stride[1], w, g.padLeft)],
  ]);
  // Rows of x past the last window make the result larger than the kernel: drop them.
  const fitted = raw.shape[1] === kh && raw.shape[2] === kw ? raw : slice4(wasm, raw, [-1, kh, kw, -1]);
  const out = run(wasm, 'Transpose', { x: fitted }, { perm: [1, 2, 0, 3] });
  for (const t of new Set([xT, dyT, raw, fitted])) wasm.disposeData(t.dataId);
  return out;
}

// Spreads dy onto a grid with (stride − 1) zeros between samples.
function zeroInsert(backend: BackendWasm, dy: Info, stride: Pair): Info {
  const [n, h, w, c] = dy.shape as [number, number, number, number];
  const [sh, sw] = stride;
  const [oh, ow] = [(h - 1) * sh + 1, (w - 1) * sw + 1];
  const out = backend.makeOutput([n, oh, ow, c], 'float32');
  const src = backend.typedArrayFromHeap(dy) as Float32Array;
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  dst.fill(0);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const from = ((b * h + i) * w + j) * c;
        const to = ((b * oh + i * sh) * ow + j * sw) * c;
        dst.set(src.subarray(from, from + c), to);
      }
    }
  }
  return out;
}

// [kh, kw, Cin, Cout] → rotated 180° and transposed to [kh, kw, Cout, Cin].
function flipFilter(backend: BackendWasm, filter: Info): Info {
  const [kh, kw, ci, co] = filter.shape as [number, number, number, number];
  const out = backend.makeOutput([kh, kw, co, ci], 'float32');
  const src = backend.typedArrayFromHeap(filter) as Float32Array;
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const from = ((kh - 1 - a) * kw + (kw - 1 - b)) * ci * co;
      const to = (a * kw + b) * co * ci;
      for (let i = 0; i < ci; i++) {
        for (let o = 0; o < co; o++) dst[to + o * ci + i] = src[from + i * co + o] as number;
      }
    }
  }
  return out;
}

// Zero-insertion wastes stride² of the work, which XNNPACK's speed repays only for small strides;
// the stock kernel visits only the taps that hit, so it stays for FCN's large fixed upsamplers.
const MAX_ZERO_INSERT_STRIDE = 2;

function makeBackpropInput(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const wasm = backend as BackendWasm;
    const dy = inputs['dy'] as Info;
    const filter = inputs['filter'] as Info;
    const a = attrs ?? {};
    const inputShape = a['inputShape'] as number[];
    const g = geometry(inputShape, filter.shape, a);
    if (Math.max(...g.stride) > MAX_ZERO_INSERT_STRIDE && Math.max(...g.dilation) === 1) return stock(args);
    const [kh, kw] = filter.shape as Pair;
    const [h, w] = [inputShape[1] as number, inputShape[2] as number];
    const spread = g.stride[0] > 1 || g.stride[1] > 1 ? zeroInsert(wasm, dy, g.stride) : dy;
    const flipped = flipFilter(wasm, filter);
    const lead = (k: number, d: number, p: number): number => (k - 1) * d - p;
    const top = lead(kh, g.dilation[0], g.padTop);
    const left = lead(kw, g.dilation[1], g.padLeft);
    if (top < 0 || left < 0) throw new Error('Conv2DBackpropInput: padding larger than the kernel span');
    const bottom = h + (kh - 1) * g.dilation[0] - (spread.shape[1] as number) - top;
    const right = w + (kw - 1) * g.dilation[1] - (spread.shape[2] as number) - left;
    const raw = conv(wasm, spread, flipped, [1, 1], g.dilation, [
      [top, Math.max(0, bottom)],
      [left, Math.max(0, right)],
    ]);
    const out = raw.shape[1] === h && raw.shape[2] === w ? raw : slice4(wasm, raw, [-1, h, w, -1]);
    for (const t of [flipped, ...(spread === dy ? [] : [spread]), ...(out === raw ? [] : [raw])]) {
      wasm.disposeData(t.dataId);
    }
    return out;
  };
}

let registered = false;

/** Registers both kernels on the wasm backend (idempotent). */
export function registerWasmConvGradients(): void {
  if (registered) return;
  registered = true;
  const stock = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (stock !== undefined) tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  const fallback: tf.KernelFunc =
    stock?.kernelFunc ??
    (() => {
      throw new Error('no stock Conv2DBackpropInput on wasm');
    });
  tf.registerKernel({
    kernelName: 'Conv2DBackpropInput',
    backendName: 'wasm',
    kernelFunc: makeBackpropInput(fallback),
  });
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') === undefined) {
    tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: backpropFilter });
  }
}
