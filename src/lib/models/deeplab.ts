// DeepLab v3 (Chen et al., arXiv 1706.05587) and v3+ (arXiv 1802.02611) at digit-scene scale.
//
// Backbone: conv-BN-ReLU stages; two stride-2 convs take a 64x64 scene to a 16x16 map (output
// stride 4), then a block of rate-2 atrous convs keeps that resolution instead of striding again.
// ASPP: a 1x1 branch, three 3x3 atrous branches and image pooling, all with batch norm, fused by a
// 1x1 conv + BN, then 1x1 logits.
//
// Why rates 3, 6, 9 and not the paper's 6, 12, 18: the paper's rates are for a 33x33 feature map
// (513 px at output stride 16). What matters is the field of view relative to the map: a rate-r
// 3x3 filter spans 2r + 1 pixels, and as it approaches the map size most taps fall on padding
// (DeepLab v3 Fig. 4). Our map is 16x16, so the rates scale by 16/33 ≈ 1/2: spans 7, 13, 19 on
// 16 as 13, 25, 37 on 33.
//
// Image pooling: global average → 1x1 conv → BN → ReLU, then "bilinear upsampling" of a 1x1 map,
// which is a broadcast. Concatenating it and applying a 1x1 conv equals adding its own 1x1
// projection to the projection of the other branches, so it is added (tf.layers.add broadcasts),
// which keeps the model valid for any input size.
//
// v3+ decoder: the encoder output upsampled, concatenated with low-level features reduced by a
// 1x1 conv (48 of 256 channels in the paper; 12 of 32 here), two 3x3 convs, then upsampled to the
// input. The paper decodes at output stride 4 and upsamples x4 twice; our encoder already runs at
// output stride 4, so the decoder works at output stride 2 and upsamples x2 twice.
// All upsampling is bilinear, as transposed convs fixed to the bilinear kernel (an exact
// half-pixel bilinear resize away from the border; tf.image.resizeBilinear's default is shifted).
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../data/scene.ts';
import { AtrousConv2D } from './atrous-conv2d.ts';
import {
  batchNormRelu,
  bilinearUpsample,
  conv,
  imageInput,
  type SymbolicTensor,
  seeder,
  softmax,
} from './layer-kit.ts';

export const ASPP_RATES = [3, 6, 9] as const;
export const OUTPUT_STRIDE = 4;
const WIDTH = 64;
const LOW_LEVEL = 12;

function convBn(
  x: SymbolicTensor,
  filters: number,
  k: number,
  name: string,
  next: () => number,
  strides = 1,
): SymbolicTensor {
  return batchNormRelu(conv(x, filters, k, name, next, { strides, activation: 'linear', useBias: false }), name);
}

function atrousBn(x: SymbolicTensor, filters: number, rate: number, name: string, next: () => number): SymbolicTensor {
  const y = new AtrousConv2D({ filters, rate, seed: next(), name }).apply(x) as SymbolicTensor;
  return batchNormRelu(y, name);
}

interface Encoded {
  input: SymbolicTensor;
  lowLevel: SymbolicTensor;
  aspp: SymbolicTensor;
}

function encoder(next: () => number): Encoded {
  const input = imageInput();
  let x = convBn(input, 16, 3, 'stem', next);
  x = convBn(x, 32, 3, 'block1_conv1', next, 2);
  const lowLevel = convBn(x, 32, 3, 'block1_conv2', next);
  x = convBn(lowLevel, WIDTH, 3, 'block2_conv1', next, 2);
  x = convBn(x, WIDTH, 3, 'block2_conv2', next);
  x = atrousBn(x, WIDTH, 2, 'block3_atrous1', next);
  x = atrousBn(x, WIDTH, 2, 'block3_atrous2', next);
  return { input, lowLevel, aspp: aspp(x, next) };
}

function aspp(x: SymbolicTensor, next: () => number): SymbolicTensor {
  const branches = [convBn(x, WIDTH, 1, 'aspp_1x1', next)];
  ASPP_RATES.forEach((rate) => branches.push(atrousBn(x, WIDTH, rate, `aspp_rate${rate}`, next)));
  const concat = tf.layers.concatenate({ name: 'aspp_concat' }).apply(branches) as SymbolicTensor;
  const project = conv(concat, WIDTH, 1, 'aspp_project', next, { activation: 'linear', useBias: false });
  let pooled = tf.layers.globalAveragePooling2d({ name: 'image_pool' }).apply(x) as SymbolicTensor;
  pooled = tf.layers
    .reshape({ targetShape: [1, 1, WIDTH], name: 'image_pool_reshape' })
    .apply(pooled) as SymbolicTensor;
  pooled = convBn(pooled, WIDTH, 1, 'image_pool_conv', next);
  const pooledProject = conv(pooled, WIDTH, 1, 'image_pool_project', next, { activation: 'linear', useBias: false });
  const sum = tf.layers.add({ name: 'aspp_sum' }).apply([project, pooledProject]) as SymbolicTensor;
  return batchNormRelu(sum, 'aspp_out');
}

export function buildDeeplabV3(seed = 1): tf.LayersModel {
  const next = seeder(seed);
  const { input, aspp: features } = encoder(next);
  const logits = conv(features, NUM_CLASSES, 1, 'logits', next, { activation: 'linear' });
  const up = bilinearUpsample(logits, NUM_CLASSES, OUTPUT_STRIDE, 'upsample_logits', false);
  return tf.model({ inputs: input, outputs: softmax(up), name: 'deeplabv3' });
}

export function buildDeeplabV3Plus(seed = 1): tf.LayersModel {
  const next = seeder(seed);
  const { input, lowLevel, aspp: features } = encoder(next);
  const up = bilinearUpsample(features, WIDTH, 2, 'decoder_upsample', false);
  const reduced = convBn(lowLevel, LOW_LEVEL, 1, 'decoder_low_level', next);
  let x = tf.layers.concatenate({ name: 'decoder_concat' }).apply([up, reduced]) as SymbolicTensor;
  x = convBn(x, WIDTH, 3, 'decoder_conv1', next);
  x = convBn(x, WIDTH, 3, 'decoder_conv2', next);
  const logits = conv(x, NUM_CLASSES, 1, 'logits', next, { activation: 'linear' });
  const out = bilinearUpsample(logits, NUM_CLASSES, 2, 'upsample_logits', false);
  return tf.model({ inputs: input, outputs: softmax(out), name: 'deeplabv3plus' });
}
