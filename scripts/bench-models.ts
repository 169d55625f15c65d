// npm run bench:models: U-Net training steps/s on wasm (with our conv gradient kernels) vs the
// cpu backend at the same batch, and inference ms per model on wasm for one input of its size.
import * as tf from '@tensorflow/tfjs';
import { MODEL_NAMES, MODELS } from '../src/lib/models/catalog.ts';
import { mirrorBorder, scenesToTensor } from '../src/lib/models/segment.ts';
import { useWasmTraining } from '../src/lib/training/backend.ts';
import { weightedCrossEntropy } from '../src/lib/training/loss.ts';
import { loadMnist } from '../src/lib/training/mnist-node.ts';
import { oneHotLabels, sceneOptions, scenes } from '../src/lib/training/scene-batch.ts';

const BATCH = 4;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function trainingStepsPerSecond(backend: string, steps: number): Promise<number> {
  await tf.setBackend(backend);
  const batch = scenes(loadMnist('test'), 0, BATCH, sceneOptions('unet'));
  const x = mirrorBorder(scenesToTensor(batch), MODELS.unet.border);
  const y = oneHotLabels(batch);
  const weights = tf.ones([11]) as tf.Tensor1D;
  const model = MODELS.unet.build(1);
  const optimizer = tf.train.adam(1e-3);
  const step = () => {
    const loss = optimizer.minimize(
      () => weightedCrossEntropy(model.apply(x, { training: true }) as tf.Tensor, y, weights),
      true,
    );
    loss?.dataSync();
    loss?.dispose();
  };
  step(); // warm-up: kernel setup, weight packing
  const began = performance.now();
  for (let i = 0; i < steps; i++) step();
  const rate = steps / ((performance.now() - began) / 1000);
  tf.dispose([x, y, weights]);
  model.dispose();
  optimizer.dispose();
  return rate;
}

await useWasmTraining();
const wasmRate = await trainingStepsPerSecond('wasm', 10);
const cpuRate = await trainingStepsPerSecond('cpu', 1);
const { height, width } = MODELS.unet.input;
console.log(`U-Net training, batch ${BATCH} of ${height}x${width} scenes:`);
console.log(
  `  wasm ${wasmRate.toFixed(2)} steps/s, cpu ${cpuRate.toFixed(3)} steps/s (${(wasmRate / cpuRate).toFixed(0)}x)`,
);

await tf.setBackend('wasm');
console.log('inference on wasm, one input of the size each model was trained on (median of 10):');
for (const name of MODEL_NAMES) {
  const model = MODELS[name].build(1);
  const { input: size, border } = MODELS[name];
  const input = tf.zeros([1, size.height + 2 * border, size.width + 2 * border, 1]);
  const times: number[] = [];
  for (let i = 0; i < 11; i++) {
    const began = performance.now();
    tf.tidy(() => (model.predict(input) as tf.Tensor).dataSync());
    if (i > 0) times.push(performance.now() - began);
  }
  console.log(`  ${MODELS[name].title.padEnd(14)} ${median(times).toFixed(1).padStart(7)} ms`);
  input.dispose();
  model.dispose();
}
