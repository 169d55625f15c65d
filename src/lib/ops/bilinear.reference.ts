import type { Convention } from './bilinear-coordinates.ts';

/**
 * Plain-loop bilinear resize of one [H, W] channel, written independently of the tf version:
 * used only by tests.
 */
export function resizeBilinearLoop(
  src: Float32Array,
  inH: number,
  inW: number,
  outH: number,
  outW: number,
  convention: Convention,
): Float32Array {
  const out = new Float32Array(outH * outW);
  const coord = (d: number, inSize: number, outSize: number) => {
    let scale = inSize / outSize;
    if (convention === 'align-corners' && outSize > 1) scale = (inSize - 1) / (outSize - 1);
    let s = convention === 'half-pixel' ? (d + 0.5) * scale - 0.5 : d * scale;
    if (s < 0) s = 0;
    if (s > inSize - 1) s = inSize - 1;
    return s;
  };
  for (let oy = 0; oy < outH; oy++) {
    const sy = coord(oy, inH, outH);
    const y0 = Math.floor(sy);
    const y1 = y0 + 1 < inH ? y0 + 1 : y0;
    const wy = sy - y0;
    for (let ox = 0; ox < outW; ox++) {
      const sx = coord(ox, inW, outW);
      const x0 = Math.floor(sx);
      const x1 = x0 + 1 < inW ? x0 + 1 : x0;
      const wx = sx - x0;
      const tl = src[y0 * inW + x0];
      const tr = src[y0 * inW + x1];
      const bl = src[y1 * inW + x0];
      const br = src[y1 * inW + x1];
      out[oy * outW + ox] = tl * (1 - wx) * (1 - wy) + tr * wx * (1 - wy) + bl * (1 - wx) * wy + br * wx * wy;
    }
  }
  return out;
}
