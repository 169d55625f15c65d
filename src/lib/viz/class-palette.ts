import { rgb, schemeTableau10 } from 'd3';

/**
 * One colour per digit class 0–9 (Tableau 10: distinct, and readable with textColor on top).
 * Segmentation maps add background as class 0 in front of these (scene.ts: class d + 1 = digit d).
 */
export const DIGIT_COLORS: readonly string[] = schemeTableau10;

const DIGIT_RGB = DIGIT_COLORS.map((c) => rgb(c));

/**
 * Per-cell argmax class of a [cells, classes] probability array, drawn as RGBA: the winning
 * class's colour, faded toward white as its probability drops, so unsure cells look pale.
 */
export function argmaxRgba(probs: ArrayLike<number>, cells: number, classes: number): { rgba: Uint8ClampedArray; argmax: Uint8Array } {
  const rgba = new Uint8ClampedArray(cells * 4);
  const argmax = new Uint8Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (probs[cell * classes + k] > probs[cell * classes + best]) best = k;
    const p = probs[cell * classes + best];
    const c = DIGIT_RGB[best];
    argmax[cell] = best;
    rgba.set([255 - (255 - c.r) * p, 255 - (255 - c.g) * p, 255 - (255 - c.b) * p, 255], cell * 4);
  }
  return { rgba, argmax };
}
