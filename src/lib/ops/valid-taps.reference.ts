/**
 * Loop reference for valid-taps (tests only): for each output position p, count the taps
 * p − before + r·t (t = 0 … k−1, per axis) that land inside the n×n map, where tf's 'same'
 * padding puts before = ⌊(k̂ − 1)/2⌋ zeros first.
 */
export function validTapCountsLoop(n: number, rate: number, k = 3): Float32Array {
  const before = Math.floor(((k - 1) * rate) / 2);
  const out = new Float32Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let valid = 0;
      for (let ty = 0; ty < k; ty++) {
        for (let tx = 0; tx < k; tx++) {
          const iy = y - before + ty * rate;
          const ix = x - before + tx * rate;
          if (iy >= 0 && iy < n && ix >= 0 && ix < n) valid++;
        }
      }
      out[y * n + x] = valid;
    }
  }
  return out;
}
