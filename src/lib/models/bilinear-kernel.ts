// FCN/d2l bilinear upsampling kernel: factor = ⌈k/2⌉, centre = factor − 1 (k odd) or
// factor − 0.5 (k even), w(x, y) = (1 − |x − c|/factor)(1 − |y − c|/factor).
// Laid out as a conv2dTranspose kernel [k, k, C, C] that maps channel c to channel c only.
export function bilinearTaps(k: number): Float32Array {
  const factor = Math.ceil(k / 2);
  const centre = k % 2 === 1 ? factor - 1 : factor - 0.5;
  return Float32Array.from({ length: k }, (_, i) => 1 - Math.abs(i - centre) / factor);
}

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
