import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NUM_CLASSES } from '../../src/lib/data/scene.ts';
import { MODELS, SEGMENTATION_MODELS } from '../../src/lib/models/catalog.ts';
import { confusionMatrix, errorShares, segmentationMetrics } from '../../src/lib/models/metrics.ts';
import { bilinearUpsampleFilterLoop } from '../../src/lib/ops/bilinear-kernel.reference.ts';
import { useWasmTraining } from '../../src/lib/training/backend.ts';
import { inferenceTopology } from '../../src/lib/training/export-weights.ts';
import { expectClose } from './expect-close.ts';

beforeAll(useWasmTraining);

describe('segmentation contract', () => {
  it.each(SEGMENTATION_MODELS)('%s maps [N, H, W, 1] to [N, H − 2·border, W − 2·border, 11] probabilities', (name) => {
    const { build, border } = MODELS[name];
    const model = build(1);
    for (const [h, w] of [
      [64, 64],
      [96, 128],
    ] as const) {
      const y = tf.tidy(() => model.predict(tf.randomUniform([1, h, w, 1], 0, 1, 'float32', 3)) as tf.Tensor);
      expect(y.shape).toEqual([1, h - 2 * border, w - 2 * border, NUM_CLASSES]);
      const sums = tf.tidy(() => tf.sum(y, -1).dataSync());
      expect(Math.max(...Array.from(sums, (s) => Math.abs(s - 1)))).toBeLessThan(1e-4);
      y.dispose();
    }
    model.dispose();
  });

  it('is deterministic in its seed', () => {
    const a = MODELS.unet.build(5).getWeights()[0]?.dataSync();
    const b = MODELS.unet.build(5).getWeights()[0]?.dataSync();
    expect(a).toEqual(b);
  });
});

describe('classifier', () => {
  it('keeps a Flatten → fc1 → fc2 head over a 7x7x32 map', () => {
    const model = MODELS.classifier.build(1);
    expect(model.getLayer('pool2').outputShape).toEqual([null, 7, 7, 32]);
    expect(model.getLayer('flatten').outputShape).toEqual([null, 7 * 7 * 32]);
    expect(model.getLayer('fc1').getWeights()[0]?.shape).toEqual([7 * 7 * 32, 64]);
    expect(model.getLayer('fc2').outputShape).toEqual([null, 10]);
  });
});

describe('FCN', () => {
  it('starts every upsampler at the FCN/d2l bilinear filter, one class to itself', () => {
    const model = MODELS.fcn8s.build(1);
    for (const [layer, factor] of [
      ['upscore2_pool4', 2],
      ['upscore2_pool3', 2],
      ['upscore8', 8],
    ] as const) {
      const kernel = model.getLayer(layer).getWeights()[0] as tf.Tensor;
      expectClose(kernel.dataSync(), bilinearUpsampleFilterLoop(2 * factor, NUM_CLASSES), 1e-6);
    }
  });

  it('fixes the final upsampler (64/32, 32/16, 16/8) and zero-initialises skip scores', () => {
    for (const [stride, name] of [
      [32, 'fcn32s'],
      [16, 'fcn16s'],
      [8, 'fcn8s'],
    ] as const) {
      const model = MODELS[name].build(1);
      const up = model.getLayer(`upscore${stride}`);
      expect(up.trainable).toBe(false);
      expect(up.getWeights()[0]?.shape).toEqual([2 * stride, 2 * stride, NUM_CLASSES, NUM_CLASSES]);
      if (stride <= 16) expect(Math.max(...model.getLayer('score_pool4').getWeights()[0]!.dataSync())).toBe(0);
      if (stride <= 8) expect(model.getLayer('upscore2_pool3').trainable).toBe(true);
    }
  });
});

describe('DeepLab', () => {
  it('has ASPP with a 1x1 branch, rates 3/6/9, image pooling and batch norm; v3+ adds the decoder', () => {
    const v3 = MODELS.deeplabv3.build(1);
    const names = v3.layers.map((l) => l.name);
    expect(names).toEqual(
      expect.arrayContaining(['aspp_1x1', 'aspp_rate3', 'aspp_rate6', 'aspp_rate9', 'image_pool', 'aspp_out_bn']),
    );
    expect((v3.getLayer('aspp_rate9').getConfig() as { rate: number }).rate).toBe(9);
    const plus = MODELS.deeplabv3plus.build(1);
    expect(plus.layers.map((l) => l.name)).toEqual(
      expect.arrayContaining(['decoder_low_level', 'decoder_concat', 'decoder_conv2']),
    );
  });

  it('exports its atrous layers as standard dilated Conv2D layers that compute the same', async () => {
    const trained = MODELS.deeplabv3plus.build(3);
    let topology: object | undefined;
    await trained.save(
      tf.io.withSaveHandler(async (a) => {
        topology = a.modelTopology as object;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const standard = inferenceTopology(topology as Parameters<typeof inferenceTopology>[0]);
    const classes = standard.config.layers.map((l) => l.class_name);
    expect(classes).not.toContain('AtrousConv2D');
    const rate9 = standard.config.layers.find((l) => l.config['name'] === 'aspp_rate9');
    expect(rate9?.class_name).toBe('Conv2D');
    expect(rate9?.config['dilation_rate']).toEqual([9, 9]);
    const plain = await tf.models.modelFromJSON({ modelTopology: JSON.parse(JSON.stringify(standard)) });
    plain.setWeights(trained.getWeights());
    const x = tf.randomUniform([1, 64, 64, 1], 0, 1, 'float32', 4);
    expectClose((plain.predict(x) as tf.Tensor).dataSync(), (trained.predict(x) as tf.Tensor).dataSync(), 1e-5);
  });
});

describe('metrics', () => {
  it('splits the errors into missed strokes, wrong digits and overpaint, per digit pixel', () => {
    // truth:     0 0 0 1 1 1 2 2
    // predicted: 0 1 2 1 0 2 2 2  → of 5 digit pixels 1 missed, 1 wrong; 2 background pixels painted
    const shares = errorShares(confusionMatrix([0, 0, 0, 1, 1, 1, 2, 2], [0, 1, 2, 1, 0, 2, 2, 2], 3), 3);
    expect(shares).toEqual({ strokeMissed: 1 / 5, wrongDigit: 1 / 5, overpainted: 2 / 5 });
  });

  it('computes FCN Table 2 measures from a confusion matrix', () => {
    // truth: 0 0 0 1 1 2; predicted: 0 0 1 1 1 0
    const m = segmentationMetrics(confusionMatrix([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 1, 0], 3), 3);
    expect(m.pixelAccuracy).toBeCloseTo(4 / 6);
    expect(m.meanAccuracy).toBeCloseTo((2 / 3 + 1 + 0) / 3);
    expect(m.classIoU).toEqual([2 / 4, 2 / 3, 0]);
    expect(m.meanIoU).toBeCloseTo((0.5 + 2 / 3) / 3);
    expect(m.frequencyWeightedIoU).toBeCloseTo((3 * 0.5 + 2 * (2 / 3)) / 6);
  });
});
