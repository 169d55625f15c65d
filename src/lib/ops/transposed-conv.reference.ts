/**
 * Loop references for transposed-conv (tests only). Images are row-major Float32Arrays with
 * explicit sizes; single channel.
 */
export interface Image {
  data: Float32Array;
  h: number;
  w: number;
}

/** Forward conv: out[o] = Σ_t in[o·s − p + t]·W[t], zeros outside the input. */
export function conv2dLoop(x: Image, k: Image, stride: number, pad: number): Image {
  const h = Math.floor((x.h + 2 * pad - k.h) / stride) + 1;
  const w = Math.floor((x.w + 2 * pad - k.w) / stride) + 1;
  const out = new Float32Array(h * w);
  for (let oy = 0; oy < h; oy++) {
    for (let ox = 0; ox < w; ox++) {
      let acc = 0;
      for (let ty = 0; ty < k.h; ty++) {
        for (let tx = 0; tx < k.w; tx++) {
          const iy = oy * stride - pad + ty;
          const ix = ox * stride - pad + tx;
          if (iy >= 0 && iy < x.h && ix >= 0 && ix < x.w) acc += x.data[iy * x.w + ix]! * k.data[ty * k.w + tx]!;
        }
      }
      out[oy * w + ox] = acc;
    }
  }
  return { data: out, h, w };
}

/**
 * Transposed conv as scatter: every input pixel adds x·W at (r·sh − p, c·sw − p); a = extra
 * rows/cols. Stride and a may differ per axis ([rows, cols]).
 */
export function transposedConvLoop(
  x: Image,
  k: Image,
  stride: number | readonly [number, number],
  pad: number,
  outputPadding: number | readonly [number, number] = 0,
): Image {
  const [sh, sw] = typeof stride === 'number' ? [stride, stride] : stride;
  const [ah, aw] = typeof outputPadding === 'number' ? [outputPadding, outputPadding] : outputPadding;
  const h = sh * (x.h - 1) + ah + k.h - 2 * pad;
  const w = sw * (x.w - 1) + aw + k.w - 2 * pad;
  const out = new Float32Array(h * w);
  for (let r = 0; r < x.h; r++) {
    for (let c = 0; c < x.w; c++) {
      for (let ty = 0; ty < k.h; ty++) {
        for (let tx = 0; tx < k.w; tx++) {
          const oy = r * sh - pad + ty;
          const ox = c * sw - pad + tx;
          if (oy >= 0 && oy < h && ox >= 0 && ox < w)
            out[oy * w + ox]! += x.data[r * x.w + c]! * k.data[ty * k.w + tx]!;
        }
      }
    }
  }
  return { data: out, h, w };
}

/** Nearest-neighbour upsampling by an integer factor, then a stride-1 conv with tf 'same' padding. */
export function resizeConvLoop(x: Image, k: Image, factor: number): Image {
  const up = new Float32Array(x.h * factor * x.w * factor);
  const uw = x.w * factor;
  for (let y = 0; y < x.h * factor; y++) {
    for (let xx = 0; xx < uw; xx++) up[y * uw + xx] = x.data[Math.floor(y / factor) * x.w + Math.floor(xx / factor)]!;
  }
  const uh = x.h * factor;
  const out = new Float32Array(uh * uw);
  const top = Math.floor((k.h - 1) / 2);
  const left = Math.floor((k.w - 1) / 2);
  for (let oy = 0; oy < uh; oy++) {
    for (let ox = 0; ox < uw; ox++) {
      let acc = 0;
      for (let ty = 0; ty < k.h; ty++) {
        for (let tx = 0; tx < k.w; tx++) {
          const iy = oy - top + ty;
          const ix = ox - left + tx;
          if (iy >= 0 && iy < uh && ix >= 0 && ix < uw) acc += up[iy * uw + ix]! * k.data[ty * k.w + tx]!;
        }
      }
      out[oy * uw + ox] = acc;
    }
  }
  return { data: out, h: uh, w: uw };
}
