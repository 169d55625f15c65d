// The digit classifier: a small conv trunk and a fully connected head.
// Layer names (the convolutionalization lesson relies on them):
//   conv1 (3x3, 16, relu) → pool1 → conv2 (3x3, 32, relu) → pool2 [7x7x32]
//   → flatten → fc1 (Dense 64, relu) → fc2 (Dense 10, softmax).
// fc1's kernel [1568, 64] reshapes to a 7x7x32x64 conv kernel (flatten is row-major over H, W, C).
import * as tf from '@tensorflow/tfjs';
import { DIGIT_SIZE } from '../data/digits.ts';
import { conv, maxPool, type SymbolicTensor, seeder } from './layer-kit.ts';

export const CLASSIFIER_HIDDEN = 64;

export function buildClassifier(seed = 1): tf.LayersModel {
  const next = seeder(seed);
  const input = tf.input({ shape: [DIGIT_SIZE, DIGIT_SIZE, 1], name: 'digit' }) as SymbolicTensor;
  let x = conv(input, 16, 3, 'conv1', next);
  x = maxPool(x, 'pool1');
  x = conv(x, 32, 3, 'conv2', next);
  x = maxPool(x, 'pool2');
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as SymbolicTensor;
  x = tf.layers
    .dense({
      units: CLASSIFIER_HIDDEN,
      activation: 'relu',
      name: 'fc1',
      kernelInitializer: tf.initializers.heNormal({ seed: next() }),
    })
    .apply(x) as SymbolicTensor;
  const out = tf.layers
    .dense({
      units: 10,
      activation: 'softmax',
      name: 'fc2',
      kernelInitializer: tf.initializers.glorotUniform({ seed: next() }),
    })
    .apply(x) as SymbolicTensor;
  return tf.model({ inputs: input, outputs: out, name: 'classifier' });
}
