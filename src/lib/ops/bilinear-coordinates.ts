// Pure index arithmetic, free of TensorFlow.js so the page can use it before tfjs loads.

/**
 * The three ways libraries map an output pixel back onto the input grid (docs/sources.md):
 * - 'half-pixel': pixel centres line up (PyTorch align_corners=False, TF2 tf.image.resize);
 * - 'align-corners': the corner pixels of input and output coincide;
 * - 'tfjs-default': TF.js with both flags false: src = dst·in/out, shifted toward the top-left.
 */
export type Convention = 'half-pixel' | 'align-corners' | 'tfjs-default';
export const CONVENTIONS: readonly Convention[] = ['half-pixel', 'align-corners', 'tfjs-default'];

/** The flags tf.image.resizeBilinear takes for a convention. */
export function tfFlags(convention: Convention): { alignCorners: boolean; halfPixelCenters: boolean } {
  return {
    alignCorners: convention === 'align-corners',
    halfPixelCenters: convention === 'half-pixel',
  };
}

/** Where output index `dst` samples the input, before clamping. */
export function sourceCoordinate(dst: number, inSize: number, outSize: number, convention: Convention): number {
  const ratio = convention === 'align-corners' && outSize > 1 ? (inSize - 1) / (outSize - 1) : inSize / outSize;
  return convention === 'half-pixel' ? ratio * (dst + 0.5) - 0.5 : ratio * dst;
}

/** One axis of the interpolation: the two neighbours and the weight of the second. */
export interface AxisSample {
  lo: number;
  hi: number;
  frac: number;
}

/** Clamped neighbours for every output index along one axis. */
export function axisSamples(inSize: number, outSize: number, convention: Convention): AxisSample[] {
  return Array.from({ length: outSize }, (_, dst) => {
    const src = Math.min(Math.max(sourceCoordinate(dst, inSize, outSize, convention), 0), inSize - 1);
    const lo = Math.floor(src);
    return { lo, hi: Math.min(lo + 1, inSize - 1), frac: src - lo };
  });
}

/** Where each output index samples the input along one axis, before clamping. */
export function samplePositions(inSize: number, outSize: number, convention: Convention): number[] {
  return Array.from({ length: outSize }, (_, dst) => sourceCoordinate(dst, inSize, outSize, convention));
}

/** Per output index, how far the TF.js default samples past half-pixel centres, in input pixels. */
export function defaultShift(inSize: number, outSize: number): number[] {
  const half = samplePositions(inSize, outSize, 'half-pixel');
  return samplePositions(inSize, outSize, 'tfjs-default').map((x, dst) => x - half[dst]!);
}
