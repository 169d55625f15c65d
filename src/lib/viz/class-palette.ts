import { rgb } from 'd3';

/**
 * One colour per segmentation class: background (white) then digits 0–9. Picked from Paul Tol's
 * and Okabe–Ito's colour-blind-safe sets so that every pair stays apart under simulated
 * protanopia, deuteranopia and tritanopia as well as normal vision (tests/unit/class-palette.test.ts
 * measures the smallest CIELAB distance). Scene classes: 0 background, d + 1 digit d.
 */
export const CLASS_COLORS: readonly string[] = [
  '#ffffff',
  '#332288',
  '#117733',
  '#e69f00',
  '#6699cc',
  '#ee6677',
  '#aa3377',
  '#99ddff',
  '#997700',
  '#eedd88',
  '#bbbbbb',
];

/** Digit d's colour (class d + 1), for a classifier's ten outputs. */
export const DIGIT_COLORS: readonly string[] = CLASS_COLORS.slice(1);

/**
 * Instance ids cycle through Okabe–Ito's colour-blind-safe hues (0, background, stays white):
 * neighbouring instances differ, far-apart ones may share a hue.
 */
export const INSTANCE_COLORS: readonly string[] = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#cc79a7',
];

const CLASS_RGB = CLASS_COLORS.map((c) => rgb(c));
const INSTANCE_RGB = INSTANCE_COLORS.map((c) => rgb(c));
const DIGIT_RGB = CLASS_RGB.slice(1);

/** A class map (one class index per pixel) as RGBA in the class colours, exact so tests can read it back. */
export function classMapRgba(classes: ArrayLike<number>): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(classes.length * 4);
  for (let i = 0; i < classes.length; i++) {
    const c = CLASS_RGB[classes[i]!]!;
    rgba[i * 4] = c.r;
    rgba[i * 4 + 1] = c.g;
    rgba[i * 4 + 2] = c.b;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** An instance-id map (0 background, 1 … n) as RGBA: white background, ids in cycling hues. */
export function instanceRgba(ids: ArrayLike<number>): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(ids.length * 4).fill(255);
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === 0) continue;
    const c = INSTANCE_RGB[(ids[i]! - 1) % INSTANCE_RGB.length]!;
    rgba[i * 4] = c.r;
    rgba[i * 4 + 1] = c.g;
    rgba[i * 4 + 2] = c.b;
  }
  return rgba;
}

/**
 * Per-cell argmax digit of a [cells, classes] probability array, drawn as RGBA: the winning
 * digit's colour, faded toward white as its probability drops, so unsure cells look pale.
 */
export function argmaxRgba(
  probs: ArrayLike<number>,
  cells: number,
  classes: number,
): { rgba: Uint8ClampedArray; argmax: Uint8Array } {
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
