import { rgb } from 'd3';

/** Puts RGBA bytes on a canvas at their own size; CSS scales the canvas. */
export function drawRgba(canvas: HTMLCanvasElement, pixels: Uint8ClampedArray, width: number, height: number): void {
  canvas.width = width;
  canvas.height = height;
  const image = new ImageData(width, height);
  image.data.set(pixels);
  canvas.getContext('2d')!.putImageData(image, 0, 0);
}

/** A single-channel map drawn through a colour interpolator over [lo, hi]. */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  width: number,
  height: number,
  interpolate: (t: number) => string,
  [lo, hi]: [number, number],
): void {
  // Quantise to 256 colours: parsing a CSS colour per pixel would dominate the update.
  const palette = Array.from({ length: 256 }, (_, i) => {
    const c = rgb(interpolate(i / 255));
    return [c.r, c.g, c.b];
  });
  const rgba = new Uint8ClampedArray(width * height * 4);
  const span = hi > lo ? hi - lo : 1;
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = palette[Math.round(Math.min(Math.max((values[i] - lo) / span, 0), 1) * 255)];
    rgba.set([r, g, b, 255], i * 4);
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
