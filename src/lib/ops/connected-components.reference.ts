/**
 * Flood fill (tests only): scan pixels in raster order; each unlabelled non-background pixel
 * starts a new id, spread with an explicit stack to its four neighbours of the same class.
 */
export function componentsLoop(labels: ArrayLike<number>, height: number, width: number, background = 0): Int32Array {
  const ids = new Int32Array(height * width);
  let count = 0;
  for (let start = 0; start < ids.length; start++) {
    if (labels[start] === background || ids[start] !== 0) continue;
    ids[start] = ++count;
    const stack = [start];
    while (stack.length > 0) {
      const at = stack.pop()!;
      const y = Math.floor(at / width);
      const x = at % width;
      const neighbours = [
        y > 0 ? at - width : -1,
        y < height - 1 ? at + width : -1,
        x > 0 ? at - 1 : -1,
        x < width - 1 ? at + 1 : -1,
      ];
      for (const n of neighbours) {
        if (n >= 0 && ids[n] === 0 && labels[n] === labels[start]) {
          ids[n] = count;
          stack.push(n);
        }
      }
    }
  }
  return ids;
}
