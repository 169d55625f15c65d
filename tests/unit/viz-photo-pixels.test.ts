import { describe, expect, it } from 'vitest';
import { greyToRgba, overlayClasses, rgbaToGrey, rgbaToRgb } from '../../src/lib/viz/photo-pixels.ts';

const px = (...values: number[][]) => Uint8ClampedArray.from(values.flat());

describe('photo pixels', () => {
  it('rgbaToRgb scales to [0, 1] and drops alpha', () => {
    expect(Array.from(rgbaToRgb(px([255, 0, 51, 7])))).toEqual([1, 0, Math.fround(0.2)]);
  });

  it('rgbaToGrey averages the luma of each block', () => {
    // 2×2 → 1×1: red, green, blue, white
    const grey = rgbaToGrey(px([255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 255, 255]), 2, 1);
    expect(grey[0]).toBeCloseTo((0.299 + 0.587 + 0.114 + 1) / 4, 6);
    expect(
      Array.from(rgbaToGrey(px([255, 255, 255, 255], [0, 0, 0, 255], [0, 0, 0, 0], [255, 255, 255, 0]), 2, 2)),
    ).toEqual([1, 0, 0, 1]);
    expect(() => rgbaToGrey(new Uint8ClampedArray(4 * 9), 3, 2)).toThrow(/does not divide/);
  });

  it('greyToRgba is opaque grey', () => {
    expect(Array.from(greyToRgba([0, 0.5, 1]))).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
  });

  it('overlayClasses mixes class colours at the opacity and leaves uncoloured classes alone', () => {
    const image = px([100, 100, 100, 255], [0, 0, 0, 255], [200, 0, 0, 255], [0, 0, 200, 255]);
    const colours = [null, [255, 0, 0], [0, 255, 0]] as const;
    const same = overlayClasses(image, 2, [0, 1, 2, 0], 2, colours, 0.5);
    expect(Array.from(same)).toEqual([100, 100, 100, 255, 128, 0, 0, 255, 100, 128, 0, 255, 0, 0, 200, 255]);
    // A 1×1 map over a 2×2 image takes the image pixel under its centre (row 1, column 1).
    expect(Array.from(overlayClasses(image, 2, [2], 1, colours, 1))).toEqual([0, 255, 0, 255]);
    expect(Array.from(overlayClasses(image, 2, [2, 2, 2, 2], 2, colours, 0))).toEqual(Array.from(image));
  });
});
