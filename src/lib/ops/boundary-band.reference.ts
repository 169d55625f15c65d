/** Loop reference for boundary-band (tests only): compare each pixel with its window, one by one. */
export function boundaryBandLoop(labels: ArrayLike<number>, height: number, width: number, band: number): Uint8Array {
  const out = new Uint8Array(height * width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const own = labels[y * width + x];
      for (let dy = -band; dy <= band && !out[y * width + x]; dy++) {
        for (let dx = -band; dx <= band; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < height && xx >= 0 && xx < width && labels[yy * width + xx] !== own) {
            out[y * width + x] = 1;
            break;
          }
        }
      }
    }
  }
  return out;
}
