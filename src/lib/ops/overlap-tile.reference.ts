/**
 * Loop reference for overlap-tile (tests only), one channel in and out: the source pixel of every
 * window pixel is found by reflecting its index into the image, then `run` labels the window.
 */
import type { Tile } from './overlap-tile.ts';

/** Index i reflected into 0 … n − 1 without repeating the edge (…, 2, 1, 0, 1, 2, …, n − 2, n − 1, n − 2, …). */
export function reflectIndex(i: number, n: number): number {
  let j = i;
  while (j < 0 || j >= n) j = j < 0 ? -j : 2 * (n - 1) - j;
  return j;
}

export function overlapTileLoop(
  image: Float32Array,
  height: number,
  width: number,
  border: number,
  tiles: readonly Tile[],
  run: (window: Float32Array, height: number, width: number) => Float32Array,
): Float32Array {
  const out = new Float32Array(height * width);
  for (const t of tiles) {
    const wh = t.height + 2 * border;
    const ww = t.width + 2 * border;
    const window = new Float32Array(wh * ww);
    for (let y = 0; y < wh; y++) {
      for (let x = 0; x < ww; x++) {
        const sy = reflectIndex(t.row - border + y, height);
        const sx = reflectIndex(t.col - border + x, width);
        window[y * ww + x] = image[sy * width + sx]!;
      }
    }
    const labelled = run(window, wh, ww);
    for (let y = 0; y < t.height; y++) {
      for (let x = 0; x < t.width; x++) out[(t.row + y) * width + t.col + x] = labelled[y * t.width + x]!;
    }
  }
  return out;
}
