/**
 * Loop reference for effective-receptive-field (tests only): backpropagation through a LINEAR
 * stack of single-channel convs with tf 'same' padding, written as scatter loops. Each layer
 * reads input o·s − before + t·d for output o and tap t, so the gradient flows back the same way.
 */
export interface RefLayer {
  kernel: number;
  stride: number;
  dilation: number;
  weights: Float32Array /* k×k row-major */;
}

export function linearStackGradientLoop(
  layers: readonly RefLayer[],
  n: number,
  row: number,
  col: number,
): Float32Array {
  const sizes = [n];
  const befores: number[] = [];
  for (const { kernel, stride, dilation } of layers) {
    const size = sizes.at(-1)!;
    const out = Math.ceil(size / stride);
    const span = (kernel - 1) * dilation + 1;
    befores.push(Math.floor(Math.max(0, (out - 1) * stride + span - size) / 2));
    sizes.push(out);
  }
  let g = new Float32Array(sizes.at(-1)! ** 2);
  g[row * sizes.at(-1)! + col] = 1;
  for (let l = layers.length - 1; l >= 0; l--) {
    const { kernel, stride, dilation, weights } = layers[l]!;
    const m = sizes[l + 1]!;
    const size = sizes[l]!;
    const gin = new Float32Array(size * size);
    for (let oy = 0; oy < m; oy++) {
      for (let ox = 0; ox < m; ox++) {
        const go = g[oy * m + ox]!;
        if (go === 0) continue;
        for (let ty = 0; ty < kernel; ty++) {
          for (let tx = 0; tx < kernel; tx++) {
            const iy = oy * stride - befores[l]! + ty * dilation;
            const ix = ox * stride - befores[l]! + tx * dilation;
            if (iy >= 0 && iy < size && ix >= 0 && ix < size) gin[iy * size + ix]! += go * weights[ty * kernel + tx]!;
          }
        }
      }
    }
    g = gin;
  }
  return g;
}

/**
 * Reachability as a 2-D loop: mark output (row, col), then, last layer first, mark every input
 * pixel a marked output reads through a tap inside the map. Returns the bounding box of the
 * marked input pixels, or null when none is marked.
 */
export function reachableBoxLoop(
  layers: readonly Omit<RefLayer, 'weights'>[],
  n: number,
  row: number,
  col: number,
): { top: number; left: number; bottom: number; right: number } | null {
  const sizes = [n];
  const befores: number[] = [];
  for (const { kernel, stride, dilation } of layers) {
    const size = sizes.at(-1)!;
    const out = Math.ceil(size / stride);
    befores.push(Math.floor(Math.max(0, (out - 1) * stride + (kernel - 1) * dilation + 1 - size) / 2));
    sizes.push(out);
  }
  let marked = new Uint8Array(sizes.at(-1)! ** 2);
  marked[row * sizes.at(-1)! + col] = 1;
  for (let l = layers.length - 1; l >= 0; l--) {
    const { kernel, stride, dilation } = layers[l]!;
    const m = sizes[l + 1]!;
    const size = sizes[l]!;
    const below = new Uint8Array(size * size);
    for (let oy = 0; oy < m; oy++) {
      for (let ox = 0; ox < m; ox++) {
        if (!marked[oy * m + ox]) continue;
        for (let ty = 0; ty < kernel; ty++) {
          for (let tx = 0; tx < kernel; tx++) {
            const iy = oy * stride - befores[l]! + ty * dilation;
            const ix = ox * stride - befores[l]! + tx * dilation;
            if (iy >= 0 && iy < size && ix >= 0 && ix < size) below[iy * size + ix] = 1;
          }
        }
      }
    }
    marked = below;
  }
  let box: { top: number; left: number; bottom: number; right: number } | null = null;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!marked[y * n + x]) continue;
      box = box
        ? {
            top: Math.min(box.top, y),
            left: Math.min(box.left, x),
            bottom: Math.max(box.bottom, y),
            right: Math.max(box.right, x),
          }
        : { top: y, left: x, bottom: y, right: x };
    }
  }
  return box;
}
