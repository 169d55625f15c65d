/**
 * Loop reference for crop-and-concat (tests only): one image, [H, W, c] row-major.
 */
export function cropAndConcatLoop(
  skip: Float32Array,
  H: number,
  W: number,
  cs: number,
  up: Float32Array,
  h: number,
  w: number,
  cu: number,
): Float32Array {
  const top = Math.floor((H - h) / 2);
  const left = Math.floor((W - w) / 2);
  const out = new Float32Array(h * w * (cs + cu));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * (cs + cu);
      for (let c = 0; c < cs; c++) out[o + c] = skip[((y + top) * W + (x + left)) * cs + c]!;
      for (let c = 0; c < cu; c++) out[o + cs + c] = up[(y * w + x) * cu + c]!;
    }
  }
  return out;
}
