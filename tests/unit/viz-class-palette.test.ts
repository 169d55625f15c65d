import { rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { argmaxRgba, DIGIT_COLORS } from '../../src/lib/viz/class-palette.ts';

describe('argmaxRgba', () => {
  it('colours each cell by its most likely class, paler as that class gets less sure', () => {
    const probs = Float32Array.from([
      0.1,
      0.9,
      0, // sure of class 1
      0.5,
      0.2,
      0.3, // unsure, class 0
      0,
      0,
      1, // certain, class 2
    ]);
    const { rgba, argmax } = argmaxRgba(probs, 3, 3);
    expect(Array.from(argmax)).toEqual([1, 0, 2]);
    const certain = rgb(DIGIT_COLORS[2]!);
    expect(Array.from(rgba.slice(8, 12))).toEqual([certain.r, certain.g, certain.b, 255]);
    const half = rgb(DIGIT_COLORS[0]!);
    [half.r, half.g, half.b].forEach((c, i) =>
      expect(Math.abs(rgba[4 + i]! - (255 - (255 - c) * 0.5))).toBeLessThanOrEqual(0.5),
    );
    expect(DIGIT_COLORS).toHaveLength(10);
  });
});
