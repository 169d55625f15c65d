// node scripts/fcn-ceiling.ts: how sharp a map can an FCN draw when its scores live on a stride-s
// grid and reach the pixels through the fixed bilinear upsampler? For held-out test scenes, give
// each grid cell the true share of each class in it (the best a coarse score could know),
// upsample those shares as FCN does, label a pixel with its largest digit share when that share
// passes a threshold (the best of a few), and score the result. Run for our 64x64 scenes, for
// larger scenes with the same digits, and for digits twice as large (whole scenes upscaled).
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../src/lib/data/scene.ts';
import { addInto, confusionMatrix, segmentationMetrics } from '../src/lib/models/metrics.ts';
import { bilinearUpsampleFilter } from '../src/lib/ops/bilinear-kernel.ts';
import { useWasmTraining } from '../src/lib/training/backend.ts';
import { loadMnist } from '../src/lib/training/mnist-node.ts';
import { oneHotLabels, sceneOptions, scenes, TEST_SEED_BASE } from '../src/lib/training/scene-batch.ts';

const SCENES = 96;
const BATCH = 16;
const STRIDES = [32, 16, 8, 4];
const THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
const base = sceneOptions('fcn8s');
const CASES = [
  { label: `${base.height}x${base.width} scenes, MNIST-size digits (shipped)`, size: base.height, scale: 1 },
  { label: `${2 * base.height}x${2 * base.width} scenes, MNIST-size digits`, size: 2 * base.height, scale: 1 },
  { label: `${2 * base.height}x${2 * base.width} scenes, digits 2x (scene upscaled)`, size: 2 * base.height, scale: 2 },
];

await useWasmTraining();
const test = loadMnist('test');

function labelsAt(first: number, size: number, scale: number): tf.Tensor4D {
  const side = size / scale;
  const batch = scenes(test, first, BATCH, { ...base, height: side, width: side });
  return tf.tidy(() => {
    const y = oneHotLabels(batch);
    return scale === 1 ? y : tf.image.resizeNearestNeighbor(y, [size, size]);
  });
}

/** Predicted class per pixel for each threshold: largest digit share if it passes, else background. */
function predict(shares: Float32Array, t: number): Uint8Array {
  const out = new Uint8Array(shares.length / NUM_CLASSES);
  for (let p = 0; p < out.length; p++) {
    let best = 1;
    for (let c = 2; c < NUM_CLASSES; c++)
      if ((shares[p * NUM_CLASSES + c] as number) > (shares[p * NUM_CLASSES + best] as number)) best = c;
    out[p] = (shares[p * NUM_CLASSES + best] as number) >= t ? best : 0;
  }
  return out;
}

console.log(`best mean IU (%) of upsampled true class shares, ${SCENES} test scenes`);
console.log(`${'case'.padEnd(48)}${STRIDES.map((s) => `stride ${s}`.padStart(11)).join('')}`);
for (const { label, size, scale } of CASES) {
  const cells: string[] = [];
  for (const stride of STRIDES) {
    const totals = THRESHOLDS.map(() => new Float64Array(NUM_CLASSES * NUM_CLASSES));
    for (let first = 0; first < SCENES; first += BATCH) {
      const y = labelsAt(TEST_SEED_BASE + first, size, scale);
      const [truth, shares] = tf.tidy(() => {
        const cell = tf.avgPool(y, stride, stride, 'valid') as tf.Tensor4D;
        const filter = bilinearUpsampleFilter(2 * stride, NUM_CLASSES);
        const up = tf.conv2dTranspose(cell, filter, [BATCH, size, size, NUM_CLASSES], stride, 'same');
        return [tf.argMax(y, 3).dataSync(), up.dataSync() as Float32Array];
      });
      y.dispose();
      THRESHOLDS.forEach((t, i) =>
        addInto(totals[i] as Float64Array, confusionMatrix(truth, predict(shares, t), NUM_CLASSES)),
      );
    }
    const best = Math.max(...totals.map((m) => segmentationMetrics(m, NUM_CLASSES).meanIoU));
    cells.push((best * 100).toFixed(1).padStart(11));
  }
  console.log(`${label.padEnd(48)}${cells.join('')}`);
}
