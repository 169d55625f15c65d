import { interpolateGreys, interpolateRdBu, interpolateYlGnBu, scaleSequential } from 'd3';

/** The four corners of a unit cell, in TL, TR, BL, BR order (colour-blind-safe Okabe–Ito hues). */
export const CORNER_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7'] as const;

/** The ramps behind valueScale and differenceScale, for drawHeatmap on grids too big for SVG. */
export const valueRamp = interpolateYlGnBu;
export const differenceRamp = interpolateRdBu;

/** A colour ramp stretched over a domain: one description for an SVG grid or a canvas heat map. */
export interface Ramp {
  interpolate: (t: number) => string;
  domain: [number, number];
}

export function rampScale({ interpolate, domain }: Ramp): (v: number) => string {
  const scale = scaleSequential(interpolate).domain(domain);
  return (v) => scale(v);
}

/** Colour for plain values on a shared domain, so input and output grids compare by eye. */
export function valueScale(lo: number, hi: number): (v: number) => string {
  return rampScale({ interpolate: valueRamp, domain: [lo, hi > lo ? hi : lo + 1] });
}

/** Black to white, for grey-level photos drawn with drawHeatmap. */
export const greyRamp = (t: number): string => interpolateGreys(1 - t);

/** Signed differences: white at zero, red below, blue above, on a symmetric domain. */
export function differenceScale(maxAbs: number): (v: number) => string {
  const m = maxAbs > 0 ? maxAbs : 1;
  return rampScale({ interpolate: differenceRamp, domain: [-m, m] });
}

/** Lines of a chart, in order (Okabe–Ito hues other than those of the corners' first). */
export const SERIES_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const;

/** Counts from light to dark, with exactly zero in white so holes stand out. */
export const holeRamp = (t: number): string => (t === 0 ? '#ffffff' : interpolateYlGnBu(0.25 + 0.75 * t));
