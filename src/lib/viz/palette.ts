import { interpolateYlGnBu, scaleSequential } from 'd3';

/** The four corners of a unit cell, in TL, TR, BL, BR order (colour-blind-safe Okabe–Ito hues). */
export const CORNER_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7'] as const;

/** Colour for plain values on a shared domain, so input and output grids compare by eye. */
export function valueScale(lo: number, hi: number): (v: number) => string {
  const scale = scaleSequential(interpolateYlGnBu).domain([lo, hi > lo ? hi : lo + 1]);
  return (v) => scale(v);
}
