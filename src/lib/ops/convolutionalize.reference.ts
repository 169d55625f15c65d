/**
 * Loop reference for convolutionalize (tests only): slide the ORIGINAL dense classifier over
 * every h×w crop of a larger map, flattening each crop row-major (y, x, channel) by hand.
 */
export interface DenseLoop {
  kernel: Float32Array /* [in, out] row-major */;
  bias: Float32Array;
  inUnits: number;
  outUnits: number;
}

export function denseLoop(x: Float32Array, layers: readonly DenseLoop[], relu: boolean): Float32Array {
  let y = x;
  layers.forEach((l, i) => {
    const z = new Float32Array(l.outUnits);
    for (let o = 0; o < l.outUnits; o++) {
      let acc = l.bias[o]!;
      for (let u = 0; u < l.inUnits; u++) acc += y[u]! * l.kernel[u * l.outUnits + o]!;
      z[o] = relu && i < layers.length - 1 ? Math.max(0, acc) : acc;
    }
    y = z;
  });
  return y;
}

/** Output [H−h+1, W−w+1, out] of the dense stack applied at every crop of an H×W×c map. */
export function slidingDenseLoop(
  map: Float32Array,
  H: number,
  W: number,
  c: number,
  h: number,
  w: number,
  layers: readonly DenseLoop[],
  relu: boolean,
): Float32Array {
  const oh = H - h + 1;
  const ow = W - w + 1;
  const out = layers.at(-1)!.outUnits;
  const result = new Float32Array(oh * ow * out);
  const crop = new Float32Array(h * w * c);
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          for (let ch = 0; ch < c; ch++) crop[(y * w + x) * c + ch] = map[((oy + y) * W + (ox + x)) * c + ch]!;
        }
      }
      result.set(denseLoop(crop, layers, relu), (oy * ow + ox) * out);
    }
  }
  return result;
}
