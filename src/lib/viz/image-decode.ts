// Turns a file the reader gives (or a sample photo) into a side × side RGBA square, in the
// browser and never anywhere else: the bytes are vetted first (src/lib/data/image-file.ts), then
// createImageBitmap decodes with EXIF orientation applied and already downscaled, so a large photo
// never exists at full size as a bitmap. The whole image is fitted into the square (black bars
// fill the rest: the photo model then sees all of it, as it was trained to); transparent pixels
// land on black.
import { decodeSize, type ImageNote, type ImageProblem, vetImage } from '../data/image-file.ts';

export interface SquareImage {
  /** side × side RGBA, opaque. */
  rgba: Uint8ClampedArray;
  side: number;
  /** The image's own size, upright. */
  width: number;
  height: number;
  notes: ImageNote[];
}

export type Decoded =
  | { ok: true; image: SquareImage }
  | { ok: false; problem: ImageProblem }
  | { ok: false; undecodable: string };

export async function decodeSquare(blob: Blob, side: number): Promise<Decoded> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const vetted = vetImage(bytes);
  if (!vetted.ok) return vetted;
  const { width, height, notes } = vetted;
  // AVIF keeps its size out of reach of the header reader: decode it as it is.
  const options: ImageBitmapOptions = { imageOrientation: 'from-image', premultiplyAlpha: 'premultiply' };
  if (width > 0) {
    const size = decodeSize(width, height, side);
    Object.assign(options, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
    if (size.width < width) notes.push({ code: 'downscaled', width, height });
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes]), options);
  } catch {
    return { ok: false, undecodable: vetted.header.kind.toUpperCase() };
  }
  const canvas = new OffscreenCanvas(side, side);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#000';
  g.fillRect(0, 0, side, side);
  const [shownWidth, shownHeight] = [bitmap.width, bitmap.height];
  const scale = side / Math.max(shownWidth, shownHeight);
  const [w, h] = [shownWidth * scale, shownHeight * scale];
  g.imageSmoothingQuality = 'high';
  g.drawImage(bitmap, (side - w) / 2, (side - h) / 2, w, h);
  bitmap.close();
  const rgba = g.getImageData(0, 0, side, side).data;
  return { ok: true, image: { rgba, side, width: width || shownWidth, height: height || shownHeight, notes } };
}
