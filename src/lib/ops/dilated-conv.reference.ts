/**
 * Loop references for dilated-conv (tests only).
 */

/**
 * Dilated conv, one image: x [h, w, cin] and filter [kh, kw, cin, cout] row-major (k = kh = kw
 * or [kh, kw]), stride 1, zero padding `before` rows/cols at the top/left; output size given by
 * the caller.
 */
export function dilatedConvLoop(
  x: Float32Array,
  h: number,
  w: number,
  cin: number,
  f: Float32Array,
  k: number | readonly [number, number],
  cout: number,
  rate: number,
  padTop: number,
  padLeft: number,
  outH: number,
  outW: number,
): Float32Array {
  const [kh, kw] = typeof k === 'number' ? [k, k] : k;
  const out = new Float32Array(outH * outW * cout);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      for (let co = 0; co < cout; co++) {
        let acc = 0;
        for (let ty = 0; ty < kh; ty++) {
          for (let tx = 0; tx < kw; tx++) {
            const iy = oy - padTop + ty * rate;
            const ix = ox - padLeft + tx * rate;
            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
            for (let ci = 0; ci < cin; ci++) {
              acc += x[(iy * w + ix) * cin + ci]! * f[((ty * kw + tx) * cin + ci) * cout + co]!;
            }
          }
        }
        out[(oy * outW + ox) * cout + co] = acc;
      }
    }
  }
  return out;
}

/** DeepLab v3 eq. 1 literally: y[i] = Σₖ x[i + r·k]·w[k]. */
export function atrous1dLoop(x: Float32Array, w: Float32Array, rate: number): Float32Array {
  const n = x.length - rate * (w.length - 1);
  const y = new Float32Array(Math.max(0, n));
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let k = 0; k < w.length; k++) acc += x[i + rate * k]! * w[k]!;
    y[i] = acc;
  }
  return y;
}
