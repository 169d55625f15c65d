// U-Net (Ronneberger, Fischer & Brox, MICCAI 2015) at digit-scene scale: unpadded 3x3 convs +
// ReLU, 2x2 max-pool, 2x2 up-convolutions halving the channels, crop-and-concatenate, final 1x1.
// Two pooling steps instead of four and channels 16-32-64 instead of 64…1024, so the model trains
// in minutes on one core. Sizes for an input of n (n a multiple of 4):
//   n → n−2 → n−4 | (n−4)/2 → … → n/2−6 | n/4−3 → … → n/4−7 (bottom)
//   up: n/2−14 (crop n/2−6 by 4 a side) → n/2−18 | n−36 (crop n−4 by 16 a side) → n−40.
// The output is n − 2·UNET_BORDER: mirror-pad the input by the border (overlap-tile) to label
// every pixel of an n x n scene. Skips are cropped to the upsampled map by CropToMatch, which
// works for any input size (see crop-to-match.ts for why not tf.layers.cropping2D).
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../data/scene.ts';
import { CropToMatch } from './crop-to-match.ts';
import { conv, imageInput, maxPool, type SymbolicTensor, seeder, softmax } from './layer-kit.ts';

const CHANNELS = [16, 32, 64];

export interface UnetShape {
  /** Channels per level, top to bottom. */
  channels?: readonly number[];
  /** 'valid' as the paper (and the shipped model); 'same' keeps the size, so no crop, no border. */
  padding?: 'valid' | 'same';
  name?: string;
}

/** The shipped U-Net, or with `shape` the same net at other widths or with padded convs (the trainer's). */
export function buildUnet(
  seed = 1,
  { channels = CHANNELS, padding = 'valid', name = 'unet' }: UnetShape = {},
): tf.LayersModel {
  const next = seeder(seed);
  const input = imageInput();
  const pad = { padding };
  const skips: SymbolicTensor[] = [];
  let x = input;
  channels.forEach((filters, level) => {
    const block = level === channels.length - 1 ? 'bottom' : `enc${level + 1}`;
    x = conv(x, filters, 3, `${block}_conv1`, next, pad);
    x = conv(x, filters, 3, `${block}_conv2`, next, pad);
    if (level < channels.length - 1) {
      skips.push(x);
      x = maxPool(x, `pool${level + 1}`);
    }
  });
  for (let level = channels.length - 2; level >= 0; level--) {
    const filters = channels[level] as number;
    const up = tf.layers
      .conv2dTranspose({
        filters,
        kernelSize: 2,
        strides: 2,
        name: `up${level + 1}`,
        kernelInitializer: tf.initializers.heNormal({ seed: next() }),
      })
      .apply(x) as SymbolicTensor;
    const kept = skips[level] as SymbolicTensor;
    const skip =
      padding === 'valid' ? (new CropToMatch({ name: `crop${level + 1}` }).apply([kept, up]) as SymbolicTensor) : kept;
    x = tf.layers.concatenate({ name: `concat${level + 1}` }).apply([skip, up]) as SymbolicTensor;
    x = conv(x, filters, 3, `dec${level + 1}_conv1`, next, pad);
    x = conv(x, filters, 3, `dec${level + 1}_conv2`, next, pad);
  }
  const score = conv(x, NUM_CLASSES, 1, 'score', next, { activation: 'linear' });
  return tf.model({ inputs: input, outputs: softmax(score), name });
}
