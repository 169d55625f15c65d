// Small segmenters for training from scratch in the reader's browser (/playground/train/): a small
// FCN, and the shipped U-Net's architecture with padded convs at two widths. All keep the input size
// ('same' padding, no border) so every pixel of a 64x64 scene is labelled without overlap-tile, and
// all are seeded. docs/models.md says which one the page trains and why.
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../data/scene.ts';
import {
  bilinearUpsample,
  conv,
  imageInput,
  maxPool,
  type SymbolicTensor,
  seeder,
  softmax,
} from '../models/layer-kit.ts';
import { buildUnet } from '../models/unet.ts';

export const SMALL_NETS = ['small-fcn', 'small-unet', 'tiny-unet'] as const;
export type SmallNet = (typeof SMALL_NETS)[number];
export const isSmallNet = (name: string): name is SmallNet => (SMALL_NETS as readonly string[]).includes(name);

const CHANNELS = [16, 32, 64] as const;

function block(x: SymbolicTensor, filters: number, name: string, next: () => number): SymbolicTensor {
  return conv(conv(x, filters, 3, `${name}_conv1`, next), filters, 3, `${name}_conv2`, next);
}

/**
 * FCN at small scale: 16-32-64 channels, scores at 1/4, one skip (FCN-16s's idea): the 1/4 score
 * is upsampled 2x by a learned transposed conv initialised to bilinear, summed with a score of the
 * 1/2 features (zero-initialised, as FCN's new skip layers), then upsampled 2x by fixed bilinear.
 */
export function buildSmallFcn(seed = 1): tf.LayersModel {
  const next = seeder(seed);
  const input = imageInput();
  const half = block(input, CHANNELS[0], 'enc1', next);
  const quarterIn = block(maxPool(half, 'pool1'), CHANNELS[1], 'enc2', next);
  const deep = block(maxPool(quarterIn, 'pool2'), CHANNELS[2], 'enc3', next);
  const score = conv(deep, NUM_CLASSES, 1, 'score', next, { activation: 'linear' });
  const up = bilinearUpsample(score, NUM_CLASSES, 2, 'up2', true);
  const skip = tf.layers
    .conv2d({ filters: NUM_CLASSES, kernelSize: 1, name: 'score_enc2', kernelInitializer: 'zeros' })
    .apply(quarterIn) as SymbolicTensor;
  const fused = tf.layers.add({ name: 'fuse' }).apply([up, skip]) as SymbolicTensor;
  const full = bilinearUpsample(fused, NUM_CLASSES, 2, 'up_final', false);
  return tf.model({ inputs: input, outputs: softmax(full), name: 'small-fcn' });
}

export const SMALL_NET_BUILDERS: Record<SmallNet, (seed: number) => tf.LayersModel> = {
  'small-fcn': buildSmallFcn,
  // The shipped U-Net with padded convs (channels 16-32-64), and at half those widths.
  'small-unet': (seed) => buildUnet(seed, { channels: CHANNELS, padding: 'same', name: 'small-unet' }),
  'tiny-unet': (seed) => buildUnet(seed, { channels: CHANNELS.map((c) => c / 2), padding: 'same', name: 'tiny-unet' }),
};
