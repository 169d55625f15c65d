import { describe, expect, it } from 'vitest';
import { mosaic } from '../../src/lib/viz/mosaic.ts';

describe('mosaic', () => {
  it('puts tile t at row ⌊t/tiles⌋, column t mod tiles, with gap cells of the fill value between', () => {
    // four 2x2 tiles holding 0…3, 10…13, 20…23, 30…33
    const values = Float32Array.from({ length: 16 }, (_, i) => Math.floor(i / 4) * 10 + (i % 4));
    const m = mosaic(values, 2, 2, 1, -1);
    expect(m.side).toBe(5);
    expect(Array.from(m.values)).toEqual([
      0, 1, -1, 10, 11, 2, 3, -1, 12, 13, -1, -1, -1, -1, -1, 20, 21, -1, 30, 31, 22, 23, -1, 32, 33,
    ]);
  });
});
