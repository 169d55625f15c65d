/**
 * U-Net's crop-and-concatenate (Ronneberger, Fischer & Brox, MICCAI 2015, §2, Fig. 1) and the
 * size walk of its unpadded network: every 3x3 conv loses a 1-pixel border, so a contracting
 * map is larger than the expansive map it joins and is centre-cropped first.
 */
import * as tf from '@tensorflow/tfjs';

export interface CropOffsets { top: number; left: number; bottom: number; right: number }

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

// ---- the size walk ---------------------------------------------------------------------------

export type UNetStep =
  | { op: 'conv'; kernel: number; channels: number }
  | { op: 'pool' }
  | { op: 'upconv'; channels: number }
  | { op: 'save'; name: string }
  | { op: 'concat'; from: string };

const conv3 = (channels: number): UNetStep[] => [{ op: 'conv', kernel: 3, channels }, { op: 'conv', kernel: 3, channels }];

/** The network of the paper's Fig. 1: 4 poolings, 23 conv layers (18 3x3, 4 up-convs, one 1x1). */
export const UNET: readonly UNetStep[] = [
  ...conv3(64), { op: 'save', name: 'level 1' }, { op: 'pool' },
  ...conv3(128), { op: 'save', name: 'level 2' }, { op: 'pool' },
  ...conv3(256), { op: 'save', name: 'level 3' }, { op: 'pool' },
  ...conv3(512), { op: 'save', name: 'level 4' }, { op: 'pool' },
  ...conv3(1024),
  { op: 'upconv', channels: 512 }, { op: 'concat', from: 'level 4' }, ...conv3(512),
  { op: 'upconv', channels: 256 }, { op: 'concat', from: 'level 3' }, ...conv3(256),
  { op: 'upconv', channels: 128 }, { op: 'concat', from: 'level 2' }, ...conv3(128),
  { op: 'upconv', channels: 64 }, { op: 'concat', from: 'level 1' }, ...conv3(64),
  { op: 'conv', kernel: 1, channels: 2 },
];

export interface SizeStep {
  step: UNetStep;
  /** spatial size (square) and channels after this step */
  size: number;
  channels: number;
  /** for 'concat': the saved map's size before cropping */
  croppedFrom?: number;
}

/** Sizes after every step; throws when a pooling meets an odd size or a conv runs out of pixels. */
export function unetSizeWalk(inputSize = 572, inputChannels = 1, steps: readonly UNetStep[] = UNET): SizeStep[] {
  const saved = new Map<string, { size: number; channels: number }>();
  let size = inputSize;
  let channels = inputChannels;
  return steps.map((step) => {
    let croppedFrom: number | undefined;
    switch (step.op) {
      case 'conv':
        size = size - step.kernel + 1; // unpadded
        channels = step.channels;
        break;
      case 'pool':
        if (size % 2 !== 0) throw new RangeError(`2x2 max-pool of an odd size ${size}: choose another input size`);
        size /= 2;
        break;
      case 'upconv':
        size *= 2;
        channels = step.channels;
        break;
      case 'save':
        saved.set(step.name, { size, channels });
        break;
      case 'concat': {
        const skip = saved.get(step.from);
        if (!skip) throw new Error(`no saved map named ${step.from}`);
        croppedFrom = skip.size;
        channels += skip.channels;
        break;
      }
    }
    if (size < 1) throw new RangeError(`input ${inputSize} is too small for this network`);
    return croppedFrom === undefined ? { step, size, channels } : { step, size, channels, croppedFrom };
  });
}
