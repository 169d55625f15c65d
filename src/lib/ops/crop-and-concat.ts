/**
 * U-Net's crop-and-concatenate (Ronneberger, Fischer & Brox, MICCAI 2015, §2, Fig. 1) and the
 * size walk of its unpadded network: every 3x3 conv loses a 1-pixel border, so a contracting
 * map is larger than the expansive map it joins and is centre-cropped first.
 */
import * as tf from '@tensorflow/tfjs';

export interface CropOffsets {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Pixels to cut on each side to centre an h×w window in an H×W map (an odd extra pixel goes to bottom/right). */
export function centerCropOffsets(fromH: number, fromW: number, toH: number, toW: number): CropOffsets {
  if (toH > fromH || toW > fromW) throw new RangeError(`cannot crop ${fromH}×${fromW} to a larger ${toH}×${toW}`);
  const top = Math.floor((fromH - toH) / 2);
  const left = Math.floor((fromW - toW) / 2);
  return { top, left, bottom: fromH - toH - top, right: fromW - toW - left };
}

/** Centre crop of [n, H, W, c] to [n, h, w, c]. */
export function centerCrop(x: tf.Tensor4D, height: number, width: number): tf.Tensor4D {
  const [n, H, W, c] = x.shape;
  const { top, left } = centerCropOffsets(H, W, height, width);
  return tf.slice(x, [0, top, left, 0], [n, height, width, c]);
}

/** Crop the contracting-path map to the upsampled map's size, then stack channels: [skip, up]. */
export function cropAndConcat(skip: tf.Tensor4D, up: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.concat([centerCrop(skip, up.shape[1], up.shape[2]), up], 3));
}
