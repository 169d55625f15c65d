import { greyThumbnail, loadImagePixels } from './pixels.ts';

/** A photo shrunk to side×side grey levels: 0..255 for drawing, 0..1 for computing. */
export async function loadGreyPhoto(
  url: string,
  side: number,
  failed: string,
): Promise<{ grey: Float32Array; levels: Float32Array }> {
  const photo = await loadImagePixels(url).catch((e: Error) => {
    throw new Error(`${failed} (${e.message})`);
  });
  const grey = await greyThumbnail(photo, side);
  return { grey, levels: Float32Array.from(grey, (v) => v / 255) };
}
