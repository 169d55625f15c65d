/** Loop reference for aspp-fields (tests only): count the taps of every position one by one. */
import { validTapCountsLoop } from './valid-taps.reference.ts';

export function validSharesLoop(size: number, rate: number, kernel = 3): [number, number] {
  const counts = validTapCountsLoop(size, rate, kernel);
  const taps = kernel * kernel;
  let all = 0;
  let mean = 0;
  for (const c of counts) {
    if (c === taps) all++;
    mean += c / taps;
  }
  return [all / counts.length, mean / counts.length];
}
