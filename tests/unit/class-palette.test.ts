import { rgb, schemeTableau10 } from 'd3';
import { describe, expect, it } from 'vitest';
import { CLASS_COLORS, classMapRgba, DIGIT_COLORS } from '../../src/lib/viz/class-palette.ts';

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const VISION: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** CIELAB (D65) of a colour as someone with `vision` sees it. */
function labAs(color: string, vision: number[][]): [number, number, number] {
  const { r, g, b } = rgb(color);
  const lin = [r, g, b].map((v) => toLinear(v / 255));
  const [R, G, B] = vision.map((row) =>
    Math.min(1, Math.max(0, row[0]! * lin[0]! + row[1]! * lin[1]! + row[2]! * lin[2]!)),
  );
  const x = (0.4124 * R! + 0.3576 * G! + 0.1805 * B!) / 0.95047;
  const y = 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
  const z = (0.0193 * R! + 0.1192 * G! + 0.9505 * B!) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The smallest CIELAB ΔE between any two colours of `colors` under `vision`. */
function closestPair(colors: readonly string[], vision: number[][]): number {
  const lab = colors.map((c) => labAs(c, vision));
  let min = Infinity;
  for (let i = 0; i < lab.length; i++) {
    for (let j = i + 1; j < lab.length; j++) min = Math.min(min, Math.hypot(...lab[i]!.map((v, k) => v - lab[j]![k]!)));
  }
  return min;
}

// ΔE76 ≈ 2.3 is a just-noticeable difference; 15 keeps neighbouring regions apart at a glance.
const MIN_DISTANCE = 15;

describe('the class palette', () => {
  it('has background and ten digits, all different', () => {
    expect(CLASS_COLORS).toHaveLength(11);
    expect(new Set(CLASS_COLORS).size).toBe(11);
    expect(DIGIT_COLORS).toEqual(CLASS_COLORS.slice(1));
  });

  for (const [name, vision] of Object.entries(VISION)) {
    it(`keeps every pair of classes apart under ${name}`, () => {
      expect(closestPair(CLASS_COLORS, vision)).toBeGreaterThanOrEqual(MIN_DISTANCE);
    });
  }

  it('the check tells a palette that is not colour-blind safe (Tableau 10) from one that is', () => {
    expect(closestPair(['#ffffff', ...schemeTableau10], VISION.deuteranopia!)).toBeLessThan(MIN_DISTANCE);
    expect(closestPair(['#ffffff', ...schemeTableau10], VISION.protanopia!)).toBeLessThan(MIN_DISTANCE);
  });

  it('draws a class map in exactly the class colours', () => {
    const rgba = classMapRgba([0, 3, 10]);
    [0, 3, 10].forEach((k, i) => {
      const c = rgb(CLASS_COLORS[k]!);
      expect(Array.from(rgba.subarray(i * 4, i * 4 + 4))).toEqual([c.r, c.g, c.b, 255]);
    });
  });
});
