// Pure index arithmetic, free of TensorFlow.js so the page can draw taps before tfjs loads.
import { effectiveKernelSize } from './conv-arithmetic.ts';

export interface Tap {
  /** tap position in the map */
  row: number;
  col: number;
  /** offset from the centre pixel */
  dRow: number;
  dCol: number;
  /** false when the tap falls on zero padding (only known when the map size is given) */
  inside: boolean;
}

/**
 * Where a k×k kernel at `rate` reads when it produces output (row, col) under tf 'same'
 * padding: offsets t·rate − ⌊(k̂ − 1)/2⌋, k̂ the effective size (centred for odd k).
 */
export function atrousTaps(
  row: number,
  col: number,
  rate: number,
  kernel = 3,
  height = Infinity,
  width = Infinity,
): Tap[] {
  const before = Math.floor((effectiveKernelSize(kernel, rate) - 1) / 2);
  const taps: Tap[] = [];
  for (let ty = 0; ty < kernel; ty++) {
    for (let tx = 0; tx < kernel; tx++) {
      const dRow = ty * rate - before;
      const dCol = tx * rate - before;
      const r = row + dRow;
      const c = col + dCol;
      taps.push({ row: r, col: c, dRow, dCol, inside: r >= 0 && r < height && c >= 0 && c < width });
    }
  }
  return taps;
}
