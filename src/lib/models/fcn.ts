// FCN-32s / 16s / 8s (Long, Shelhamer & Darrell, CVPR 2015) at digit-scene scale.
// One VGG-like backbone with five stride-2 stages (pool1 … pool5 at 1/2 … 1/32), fc6/fc7 as
// convolutions, class scores at 1/32. FCN-16s adds a 1x1 score of pool4, FCN-8s also of pool3;
// the new score layers start at zero and are summed with a 2x upsampled coarser score (a
// transposed conv initialised to bilinear and learned). The final upsampling is a transposed
// conv fixed to bilinear (§4.3): 64/32, 32/16 and 16/8 (kernel/stride).
// Layer names follow the paper's Caffe nets, so FCN-16s can start from FCN-32s and FCN-8s from
// FCN-16s by copying weights by name.
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../data/scene.ts';
import { bilinearUpsample, conv, imageInput, maxPool, type SymbolicTensor, seeder, softmax } from './layer-kit.ts';

export type FcnStride = 32 | 16 | 8;

/** Filters of the convs in each of the five stages. */
const STAGES: number[][] = [[16, 16], [32, 32], [64], [64], [96]];
const FC6 = { filters: 64, kernelSize: 3 };
const FC7 = 64;

export function buildFcn(stride: FcnStride, seed = 1): tf.LayersModel {
  const next = seeder(seed);
  const input = imageInput();
  const pools: SymbolicTensor[] = [];
  let x = input;
  STAGES.forEach((filters, s) => {
    filters.forEach((f, i) => {
      x = conv(x, f, 3, `conv${s + 1}_${i + 1}`, next);
    });
    x = maxPool(x, `pool${s + 1}`);
    pools.push(x);
  });
  x = conv(x, FC6.filters, FC6.kernelSize, 'fc6', next);
  x = conv(x, FC7, 1, 'fc7', next);
  let score = conv(x, NUM_CLASSES, 1, 'score_fr', next, { activation: 'linear' });
  if (stride <= 16) score = fuse(score, pools[3] as SymbolicTensor, 'pool4');
  if (stride <= 8) score = fuse(score, pools[2] as SymbolicTensor, 'pool3');
  const up = bilinearUpsample(score, NUM_CLASSES, stride, `upscore${stride}`, false);
  return tf.model({ inputs: input, outputs: softmax(up), name: `fcn${stride}s` });
}

/** score + 2x upsampled coarser score (FCN fuses by summing; max "made learning difficult"). */
function fuse(coarse: SymbolicTensor, pool: SymbolicTensor, poolName: string): SymbolicTensor {
  const up = bilinearUpsample(coarse, NUM_CLASSES, 2, `upscore2_${poolName}`, true);
  const skip = tf.layers
    .conv2d({ filters: NUM_CLASSES, kernelSize: 1, name: `score_${poolName}`, kernelInitializer: 'zeros' })
    .apply(pool) as SymbolicTensor;
  return tf.layers.add({ name: `fuse_${poolName}` }).apply([up, skip]) as SymbolicTensor;
}
