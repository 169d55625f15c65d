import { describe, expect, it } from 'vitest';
import { decodeSize, MAX_PIXELS, readImageHeader, vetImage } from '../../src/lib/data/image-file.ts';
import { gifTwoFrames, heicHeader, jpegHeader, pngGreyBlack, pngRgba, SVG } from '../fixtures/images.ts';

const opaque = pngRgba(30, 20, (x, y) => [x * 8, y * 12, 0, 255]);

describe('readImageHeader / vetImage', () => {
  it('PNG: size from IHDR, transparency from the colour type and alpha values, IEND required', () => {
    expect(readImageHeader(opaque)).toMatchObject({
      kind: 'png',
      width: 30,
      height: 20,
      truncated: false,
      alpha: true,
    });
    expect(vetImage(opaque)).toMatchObject({ ok: true, width: 30, height: 20 });
    expect(vetImage(opaque.subarray(0, opaque.length - 20))).toEqual({
      ok: false,
      problem: { code: 'truncated', kind: 'png' },
    });
    expect(vetImage(opaque.subarray(0, 20))).toEqual({ ok: false, problem: { code: 'truncated', kind: 'png' } });
    const grey = pngGreyBlack(9, 7);
    expect(readImageHeader(grey)).toMatchObject({ width: 9, height: 7, alpha: false });
  });

  it('a 12000 × 12000 PNG is refused from its header, before any decoding', () => {
    const big = pngGreyBlack(12000, 12000);
    expect(big.length).toBeLessThan(400_000);
    expect(vetImage(big)).toEqual({
      ok: false,
      problem: { code: 'too-large', width: 12000, height: 12000, maxPixels: MAX_PIXELS },
    });
  });

  it('a 1 × 1 image is accepted with a note', () => {
    const one = pngRgba(1, 1, () => [200, 10, 10, 255]);
    expect(vetImage(one)).toMatchObject({
      ok: true,
      width: 1,
      height: 1,
      notes: [{ code: 'transparent' }, { code: 'tiny', width: 1, height: 1 }],
    });
  });

  it('JPEG: SOF size, EXIF orientation (5–8 swap the sides), EOI required', () => {
    expect(readImageHeader(jpegHeader(640, 480, 1))).toMatchObject({
      kind: 'jpeg',
      width: 640,
      height: 480,
      orientation: 1,
      truncated: false,
    });
    const turned = vetImage(jpegHeader(640, 480, 6));
    expect(turned).toMatchObject({ ok: true, width: 480, height: 640, notes: [{ code: 'rotated', orientation: 6 }] });
    expect(vetImage(jpegHeader(640, 480, 3))).toMatchObject({ ok: true, width: 640, height: 480 });
    expect(vetImage(jpegHeader(640, 480, 1, true))).toEqual({
      ok: false,
      problem: { code: 'truncated', kind: 'jpeg' },
    });
  });

  it('GIF: frames counted, the first one used', () => {
    expect(readImageHeader(gifTwoFrames())).toMatchObject({
      kind: 'gif',
      width: 1,
      height: 1,
      frames: 2,
      truncated: false,
    });
    expect(vetImage(gifTwoFrames())).toMatchObject({
      ok: true,
      notes: [{ code: 'first-frame', frames: 2 }, { code: 'tiny' }],
    });
  });

  it('refuses what the browser cannot turn into pixels, each with its own reason', () => {
    expect(vetImage(new Uint8Array())).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(vetImage(SVG)).toEqual({ ok: false, problem: { code: 'svg' } });
    expect(vetImage(heicHeader())).toEqual({ ok: false, problem: { code: 'heic' } });
    expect(vetImage(Buffer.from('hello, this is text renamed to photo.png\n'))).toEqual({
      ok: false,
      problem: { code: 'not-image' },
    });
  });
});

describe('decodeSize', () => {
  it('shrinks the longer side to the target, keeps the aspect, never enlarges', () => {
    expect(decodeSize(4000, 3000, 256)).toEqual({ width: 256, height: 192 });
    expect(decodeSize(3000, 4000, 256)).toEqual({ width: 192, height: 256 });
    expect(decodeSize(12000, 50, 256)).toEqual({ width: 256, height: 1 });
    expect(decodeSize(100, 50, 256)).toEqual({ width: 100, height: 50 });
    expect(decodeSize(1, 1, 256)).toEqual({ width: 1, height: 1 });
  });
});
