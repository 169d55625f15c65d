/**
 * Loop references for bilinear-kernel (tests only), single channel, row-major Float32Array.
 */

/** w(x, y) = (1 − |x − c|/f)(1 − |y − c|/f), written out for every (x, y). */
export function bilinearKernelLoop(k: number): Float32Array {
  const f = Math.ceil(k / 2);
  const c = k % 2 === 1 ? f - 1 : f - 0.5;
  const out = new Float32Array(k * k);
  for (let y = 0; y < k; y++) {
    for (let x = 0; x < k; x++) out[y * k + x] = (1 - Math.abs(x - c) / f) * (1 - Math.abs(y - c) / f);
  }
  return out;
}

/** [k, k, c, c] filter, row-major: w(x, y) where input and output channel agree, 0 elsewhere. */
export function bilinearUpsampleFilterLoop(k: number, channels: number): Float32Array {
  const w = bilinearKernelLoop(k);
  const out = new Float32Array(k * k * channels * channels);
  for (let p = 0; p < k * k; p++) {
    for (let c = 0; c < channels; c++) out[(p * channels + c) * channels + c] = w[p] as number;
  }
  return out;
}

/** Half-pixel bilinear resize by an integer factor: src = (dst + 0.5)/s − 0.5, clamped to the edge. */
export function resizeHalfPixelLoop(x: Float32Array, h: number, w: number, s: number): Float32Array {
  const out = new Float32Array(h * s * w * s);
  const clampIdx = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
  for (let oy = 0; oy < h * s; oy++) {
    const sy = Math.min(h - 1, Math.max(0, (oy + 0.5) / s - 0.5));
    const y0 = Math.floor(sy);
    const y1 = clampIdx(y0 + 1, h);
    const fy = sy - y0;
    for (let ox = 0; ox < w * s; ox++) {
      const sx = Math.min(w - 1, Math.max(0, (ox + 0.5) / s - 0.5));
      const x0 = Math.floor(sx);
      const x1 = clampIdx(x0 + 1, w);
      const fx = sx - x0;
      const top = x[y0 * w + x0]! + (x[y0 * w + x1]! - x[y0 * w + x0]!) * fx;
      const bottom = x[y1 * w + x0]! + (x[y1 * w + x1]! - x[y1 * w + x0]!) * fx;
      out[oy * w * s + ox] = top + (bottom - top) * fy;
    }
  }
  return out;
}
