// The FCN/d2l bilinear kernel (taps from lib/ops) as plain initial values for a layer: a
// conv2dTranspose kernel [k, k, C, C] that maps channel c to channel c only.
import { bilinearTaps } from '../ops/bilinear-kernel.ts';

export function bilinearKernel(k: number, channels: number): Float32Array {
  const taps = bilinearTaps(k);
  const out = new Float32Array(k * k * channels * channels);
  for (let y = 0; y < k; y++) {
    for (let x = 0; x < k; x++) {
      const w = (taps[y] as number) * (taps[x] as number);
      for (let c = 0; c < channels; c++) out[((y * k + x) * channels + c) * channels + c] = w;
    }
  }
  return out;
}
