// A few steps of a tiny model: the loss must fall. The model has an atrous conv + batch norm, so
// the dilated Conv2D gradient and the wasm backprop kernels are exercised end to end.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstDigits } from '../../src/lib/data/digits.ts';
import { NUM_CLASSES } from '../../src/lib/data/scene.ts';
import { AtrousConv2D } from '../../src/lib/models/atrous-conv2d.ts';
import {
  bilinearUpsample,
  conv,
  imageInput,
  type SymbolicTensor,
  seeder,
  softmax,
} from '../../src/lib/models/layer-kit.ts';
import { scenesToTensor } from '../../src/lib/models/segment.ts';
import { useWasmTraining } from '../../src/lib/training/backend.ts';
import { toFloat16, toHalfBits } from '../../src/lib/training/float16.ts';
import { balancedClassWeights, weightedCrossEntropy } from '../../src/lib/training/loss.ts';
import { loadMnist } from '../../src/lib/training/mnist-node.ts';
import { classFrequencies, oneHotLabels, scenes } from '../../src/lib/training/scene-batch.ts';

beforeAll(useWasmTraining);

function tinyModel(): tf.LayersModel {
  const next = seeder(1);
  const input = imageInput();
  let x = conv(input, 8, 3, 'c1', next, { strides: 2 });
  x = new AtrousConv2D({ filters: 8, rate: 2, seed: next(), name: 'atrous' }).apply(x) as SymbolicTensor;
  x = tf.layers.batchNormalization({ name: 'bn' }).apply(x) as SymbolicTensor;
  x = conv(x, NUM_CLASSES, 1, 'score', next, { activation: 'linear' });
  return tf.model({ inputs: input, outputs: softmax(bilinearUpsample(x, NUM_CLASSES, 2, 'up', true)) });
}

describe('training', () => {
  it('lowers the loss of a tiny atrous model in a few steps', () => {
    const train = firstDigits(loadMnist('train'), 2000);
    const batch = scenes(train, 0, 8, { height: 64, width: 64, minDigits: 1, maxDigits: 3 });
    const weights = tf.tensor1d(balancedClassWeights(classFrequencies(batch), 0.5));
    const x = scenesToTensor(batch);
    const y = oneHotLabels(batch);
    const model = tinyModel();
    const atrousBefore = (model.getLayer('atrous').getWeights()[0] as tf.Tensor).clone();
    const optimizer = tf.train.adam(0.01);
    const losses: number[] = [];
    for (let step = 0; step < 15; step++) {
      const loss = optimizer.minimize(
        () => weightedCrossEntropy(model.apply(x, { training: true }) as tf.Tensor, y, weights),
        true,
      ) as tf.Scalar;
      losses.push(loss.dataSync()[0] as number);
      loss.dispose();
    }
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses.at(-1)).toBeLessThan((losses[0] as number) * 0.7);
    const atrousAfter = model.getLayer('atrous').getWeights()[0] as tf.Tensor;
    expect(tf.any(tf.notEqual(atrousAfter, atrousBefore)).dataSync()[0]).toBe(1);
  });

  it('balances class weights by median frequency', () => {
    balancedClassWeights([0.8, 0.1, 0.05, 0.05], 1).forEach((w, i) =>
      expect(w).toBeCloseTo([0.09375, 0.75, 1.5, 1.5][i] as number, 10),
    );
    expect(balancedClassWeights([0.8, 0.1, 0.05, 0.05], 0)).toEqual([1, 1, 1, 1]);
  });

  it('encodes float16 with round-to-nearest-even, subnormals and overflow', () => {
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(toHalfBits(65504)).toBe(0x7bff);
    expect(toHalfBits(1e6)).toBe(0x7c00);
    expect(toHalfBits(2 ** -24)).toBe(0x0001);
    expect(toHalfBits(1 + 2 ** -11)).toBe(0x3c00); // tie → even
    expect(toHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(Array.from(toFloat16(Float32Array.of(0.5, 0)))).toEqual([0x3800, 0]);
  });
});
