/**
 * Loop reference for conv-arithmetic (tests only): a literal 1-D convolution over a zero-padded
 * Float32Array, counting the windows that fit. Written without the closed-form size formula.
 */
export function conv1dLoop(
  x: Float32Array,
  w: Float32Array,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation: number,
): Float32Array {
  const padded = new Float32Array(x.length + padBefore + padAfter);
  padded.set(x, padBefore);
  const out: number[] = [];
  for (let start = 0; ; start += stride) {
    const last = start + (w.length - 1) * dilation;
    if (last >= padded.length) break;
    let acc = 0;
    for (let t = 0; t < w.length; t++) acc += padded[start + t * dilation]! * w[t]!;
    out.push(acc);
  }
  return Float32Array.from(out);
}
