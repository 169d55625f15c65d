/**
 * Loop reference for gridding (tests only): propagate path counts from the one output back
 * through the layers (last layer first), each output cell spreading to its k×k dilated taps.
 */
export function griddingCountsLoop(dilations: readonly number[], k = 3): { counts: Float32Array; size: number } {
  let size = 1;
  let counts = new Float32Array([1]);
  for (let l = dilations.length - 1; l >= 0; l--) {
    const d = dilations[l]!;
    const next = size + (k - 1) * d;
    const spread = new Float32Array(next * next);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const c = counts[y * size + x]!;
        if (c === 0) continue;
        for (let ty = 0; ty < k; ty++) {
          for (let tx = 0; tx < k; tx++) spread[(y + ty * d) * next + (x + tx * d)]! += c;
        }
      }
    }
    counts = spread;
    size = next;
  }
  return { counts, size };
}
