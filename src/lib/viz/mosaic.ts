/**
 * Lays out `tiles`×`tiles` square maps of side `side` (stored one after another, tile t at row
 * ⌊t / tiles⌋, column t mod tiles) as one image with `gap` cells of `fill` between them, ready for
 * drawHeatmap. Returns the values and the side of the mosaic.
 */
export function mosaic(
  values: ArrayLike<number>,
  tiles: number,
  side: number,
  gap: number,
  fill: number,
): { values: Float32Array; side: number } {
  const total = tiles * side + (tiles - 1) * gap;
  const out = new Float32Array(total * total).fill(fill);
  for (let t = 0; t < tiles * tiles; t++) {
    const top = Math.floor(t / tiles) * (side + gap);
    const left = (t % tiles) * (side + gap);
    for (let i = 0; i < side; i++) {
      for (let j = 0; j < side; j++) out[(top + i) * total + left + j] = values[(t * side + i) * side + j]!;
    }
  }
  return { values: out, side: total };
}
