/**
 * Brute-force receptive field (tests only): mark the one output pixel, walk the stack backwards
 * in 1-D, and mark every input position each marked output reads; the field is the span of the
 * marks at the input. No closed form involved.
 */
export interface LoopLayer {
  kernel: number;
  stride: number;
  dilation: number;
}

/** The 1-D reach map at the input (1 = can influence the output; positions relative to the field's start). */
export function reachLoop(layers: readonly LoopLayer[]): Float32Array {
  let marks = new Float32Array([1]); // one output of the last layer
  for (let l = layers.length - 1; l >= 0; l--) {
    const { kernel, stride, dilation } = layers[l]!;
    // an 'valid' layer with m outputs reads (m − 1)·s + span inputs
    const span = (kernel - 1) * dilation + 1;
    const inputs = new Float32Array((marks.length - 1) * stride + span);
    for (let o = 0; o < marks.length; o++) {
      if (marks[o] === 0) continue;
      for (let t = 0; t < kernel; t++) inputs[o * stride + t * dilation] = 1;
    }
    marks = inputs;
  }
  return marks;
}

export function receptiveFieldLoop(layers: readonly LoopLayer[]): number {
  const marks = reachLoop(layers);
  let first = -1;
  let last = -1;
  for (let i = 0; i < marks.length; i++) {
    if (marks[i] !== 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return last - first + 1;
}
