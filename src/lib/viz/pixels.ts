import { rgb } from 'd3';

/** Puts RGBA bytes on a canvas at their own size; CSS scales the canvas. */
export function drawRgba(canvas: HTMLCanvasElement, pixels: Uint8ClampedArray, width: number, height: number): void {
  canvas.width = width;
  canvas.height = height;
  const image = new ImageData(width, height);
  image.data.set(pixels);
  canvas.getContext('2d')!.putImageData(image, 0, 0);
}

const palettes = new Map<(t: number) => string, Uint8Array>();

/** 256 RGB entries of an interpolator, computed once: parsing a CSS colour per pixel is slow. */
function palette(interpolate: (t: number) => string): Uint8Array {
  let table = palettes.get(interpolate);
  if (!table) {
    table = new Uint8Array(256 * 3);
    for (let i = 0; i < 256; i++) {
      const c = rgb(interpolate(i / 255));
      table.set([c.r, c.g, c.b], i * 3);
    }
    palettes.set(interpolate, table);
  }
  return table;
}

/** A single-channel map drawn through a colour interpolator over [lo, hi], quantised to 256 colours. */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  width: number,
  height: number,
  interpolate: (t: number) => string,
  [lo, hi]: [number, number],
): void {
  const table = palette(interpolate);
  const rgba = new Uint8ClampedArray(width * height * 4);
  const scale = 255 / (hi > lo ? hi - lo : 1);
  for (let i = 0; i < width * height; i++) {
    const k = Math.round(Math.min(Math.max((values[i] - lo) * scale, 0), 255)) * 3;
    rgba[i * 4] = table[k];
    rgba[i * 4 + 1] = table[k + 1];
    rgba[i * 4 + 2] = table[k + 2];
    rgba[i * 4 + 3] = 255;
  }
  drawRgba(canvas, rgba, width, height);
}

/** Decodes an image file to RGBA pixels; refuses images larger than `maxSide`. */
export async function loadImagePixels(url: string, maxSide = 4096): Promise<ImageData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  try {
    if (bitmap.width > maxSide || bitmap.height > maxSide) {
      throw new Error(`${bitmap.width}x${bitmap.height} is larger than ${maxSide}x${maxSide}`);
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/**
 * An image shrunk to side×side by the browser's high-quality resampling, as grey levels 0..255
 * (Rec. 601 luma): small enough for a figure to recompute every frame.
 */
export async function greyThumbnail(image: ImageData, side: number): Promise<Float32Array> {
  const bitmap = await createImageBitmap(image, { resizeWidth: side, resizeHeight: side, resizeQuality: 'high' });
  const ctx = new OffscreenCanvas(side, side).getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = ctx.getImageData(0, 0, side, side).data;
  return Float32Array.from(
    { length: side * side },
    (_, i) => 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2],
  );
}
