/**
 * U-Net's overlap-tile strategy (Ronneberger et al. 2015, §2 and Fig. 2): a network without
 * padding labels a window smaller than its input by a border on each side, so a large image is
 * labelled tile by tile, each tile's input being the tile plus that border of context; at the
 * image's edge the missing context is the image mirrored. When every tile starts at a multiple of
 * the network's total stride, each tile repeats exactly the computation the whole image would
 * do there, and the seams vanish.
 */
import * as tf from '@tensorflow/tfjs';

/** A tile of the output, in the image's pixels; its input window is the same rect grown by the border. */
export interface Tile {
  row: number;
  col: number;
  height: number;
  width: number;
}

/** Tiles of side `tile` covering height × width row by row; the last row and column may be narrower. */
export function tilePlan(height: number, width: number, tile: number): Tile[] {
  if (!Number.isInteger(tile) || tile < 1) throw new RangeError(`a tile needs a positive whole side, not ${tile}`);
  const tiles: Tile[] = [];
  for (let row = 0; row < height; row += tile) {
    for (let col = 0; col < width; col += tile) {
      tiles.push({ row, col, height: Math.min(tile, height - row), width: Math.min(tile, width - col) });
    }
  }
  return tiles;
}

/** The image with `border` pixels of its own mirror image on every side (edge pixel not repeated). */
export function mirrorPad(image: tf.Tensor4D, border: number): tf.Tensor4D {
  if (border === 0) return image.clone();
  const [, height, width] = image.shape;
  if (border >= height || border >= width) {
    throw new RangeError(`a ${border}-pixel mirror needs an image wider than that, not ${height}×${width}`);
  }
  return tf.mirrorPad(
    image,
    [
      [0, 0],
      [border, border],
      [border, border],
      [0, 0],
    ],
    'reflect',
  );
}

/**
 * Labels a [1, H, W, C] image tile by tile: each tile's window of the mirrored image goes through
 * `run`, which must return [1, h, w, K] for a window of (h + 2·border) × (w + 2·border).
 */
export function overlapTile(
  image: tf.Tensor4D,
  border: number,
  tile: number,
  run: (window: tf.Tensor4D) => tf.Tensor4D,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [, height, width, channels] = image.shape;
    const padded = mirrorPad(image, border);
    const plan = tilePlan(height, width, tile);
    const rows: tf.Tensor4D[][] = [];
    for (const t of plan) {
      const window = padded.slice([0, t.row, t.col, 0], [1, t.height + 2 * border, t.width + 2 * border, channels]);
      const out = run(window);
      if (out.shape[1] !== t.height || out.shape[2] !== t.width) {
        const gave = `${out.shape[1]}×${out.shape[2]}`;
        throw new Error(`a ${t.height + 2 * border}-pixel window gave ${gave}, not ${t.height}×${t.width}`);
      }
      if (t.col === 0) rows.push([]);
      rows.at(-1)!.push(out);
    }
    return tf.concat(
      rows.map((r) => tf.concat(r, 2)),
      1,
    );
  });
}
