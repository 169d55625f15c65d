// Pixel conversions between a decoded image (RGBA bytes) and what the models take, and the
// overlay of a class map on the image. Plain loops over typed arrays, no DOM: unit-tested in Node.

/** RGBA bytes → RGB floats in [0, 1] (the selfie model's input), alpha dropped (already composited). */
export function rgbaToRgb(rgba: ArrayLike<number>): Float32Array {
  const n = rgba.length / 4;
  const rgb = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) rgb[3 * i + c] = rgba[4 * i + c]! / 255;
  return rgb;
}

/**
 * RGBA bytes of a side × side image → grey floats in [0, 1] at outSide × outSide (outSide divides
 * side), each output pixel the mean luma (Rec. 601 weights) of its factor × factor block.
 */
export function rgbaToGrey(rgba: ArrayLike<number>, side: number, outSide: number): Float32Array {
  if (side % outSide !== 0) throw new Error(`${outSide} does not divide ${side}`);
  const f = side / outSide;
  const grey = new Float32Array(outSide * outSide);
  for (let r = 0; r < outSide; r++) {
    for (let c = 0; c < outSide; c++) {
      let sum = 0;
      for (let dr = 0; dr < f; dr++) {
        for (let dc = 0; dc < f; dc++) {
          const i = 4 * ((r * f + dr) * side + c * f + dc);
          sum += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
        }
      }
      grey[r * outSide + c] = sum / (f * f * 255);
    }
  }
  return grey;
}

/** Grey floats in [0, 1] → RGBA bytes (a scene or drawing shown, and given to the photo model). */
export function greyToRgba(grey: ArrayLike<number>): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(grey.length * 4);
  for (let i = 0; i < grey.length; i++) {
    const v = Math.round(grey[i]! * 255);
    rgba.set([v, v, v, 255], 4 * i);
  }
  return rgba;
}

/**
 * A class map (mapSide × mapSide) over an image (imageSide × imageSide RGBA; the map's pixel takes
 * the image pixel under its centre): each class with a colour is mixed in at `opacity`, a class
 * whose colour is null (background) leaves the image as it is.
 */
export function overlayClasses(
  image: ArrayLike<number>,
  imageSide: number,
  classMap: ArrayLike<number>,
  mapSide: number,
  colours: readonly (readonly [number, number, number] | null)[],
  opacity: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(mapSide * mapSide * 4);
  for (let r = 0; r < mapSide; r++) {
    const ir = Math.floor(((r + 0.5) * imageSide) / mapSide);
    for (let c = 0; c < mapSide; c++) {
      const ic = Math.floor(((c + 0.5) * imageSide) / mapSide);
      const src = 4 * (ir * imageSide + ic);
      const dst = 4 * (r * mapSide + c);
      const colour = colours[classMap[r * mapSide + c]!] ?? null;
      for (let k = 0; k < 3; k++) {
        const v = image[src + k]!;
        out[dst + k] = colour === null ? v : Math.round(v + (colour[k]! - v) * opacity);
      }
      out[dst + 3] = 255;
    }
  }
  return out;
}
