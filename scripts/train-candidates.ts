// Which small net should /playground/train/ train, and with which settings? Each run trains for a
// minute on the wasm backend (our gradient kernels), one step at a time as the page does, on the
// digits the page ships, and prints steps/s and held-out mean IU (scenes of the shipped test digits)
// as it goes. The machine is shared, so time is the process's own CPU time (one core busy = one
// second): what an otherwise idle core would take. Results go to src/lib/training/candidates.json,
// which the page prints.
//   node scripts/train-candidates.ts [seconds=60] [batch] [rate] [nets=all]   every candidate net
//     (batch and rate default to the page's, src/components/train-network.settings.ts)
//   node scripts/train-candidates.ts --sweep [seconds=60]     the page's net over batch sizes x rates

import { readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { settings } from '../src/components/train-network.settings.ts';
import { type DigitSet, digitsFromIdx } from '../src/lib/data/digits.ts';
import { TEST_DIGIT_FILES, TRAIN_DIGIT_FILES } from '../src/lib/data/load-digits.ts';
import { DEFAULT_SCENE, NUM_CLASSES } from '../src/lib/data/scene.ts';
import { addInto, confusionMatrix, segmentationMetrics } from '../src/lib/models/metrics.ts';
import { scenesToTensor } from '../src/lib/models/segment.ts';
import { useWasmTraining } from '../src/lib/training/backend.ts';
import { HELD_OUT_SCENES } from '../src/lib/training/browser-data.ts';
import { ROOT } from '../src/lib/training/paths.ts';
import { scenes, TEST_SEED_BASE } from '../src/lib/training/scene-batch.ts';
import { startSession } from '../src/lib/training/session.ts';
import { SMALL_NETS, type SmallNet } from '../src/lib/training/small-nets.ts';

const sweeping = process.argv[2] === '--sweep';
const args = process.argv.slice(sweeping ? 3 : 2);
const page = settings.fields;
const [seconds = 60, batchSize = Number(page.batchSize.default), learningRate = Number(page.learningRate.default)] =
  args.slice(0, 3).map(Number);
const only = args[3]?.split(',');
const CHECK_EVERY_S = 15;
/** The sweep's grid, for the net the page trains. */
const SWEEP_NET = page.net.default;
const SWEEP_BATCHES = [2, 4, 8, 16];
const SWEEP_RATES = [0.001, 0.003, 0.01];

await useWasmTraining();
// The very files the page fetches.
const shipped = (files: { images: string; labels: string }): DigitSet =>
  digitsFromIdx(readFileSync(`${ROOT}public/${files.images}`), readFileSync(`${ROOT}public/${files.labels}`));
const train = shipped(TRAIN_DIGIT_FILES);
const test = shipped(TEST_DIGIT_FILES);
const held = scenes(test, TEST_SEED_BASE, HELD_OUT_SCENES, DEFAULT_SCENE);
const heldImages = scenesToTensor(held);

interface Point {
  seconds: number;
  step: number;
  loss: number;
  meanIoU: number;
}
interface Result {
  net: string;
  parameters: number;
  stepsPerSecond: number;
  curve: Point[];
}
interface Sweep {
  batchSize: number;
  learningRate: number;
  curve: Point[];
}
interface Candidates {
  settings: Record<string, number | string>;
  results: Result[];
  sweep?: { net: SmallNet; seconds: number; curves: Sweep[] };
}
const file = `${ROOT}src/lib/training/candidates.json`;
const earlier = () => JSON.parse(readFileSync(file, 'utf8')) as Candidates;
const write = (candidates: Candidates) => writeFileSync(file, `${JSON.stringify(candidates, null, 2)}\n`);

/** Trains `net` from scratch for `seconds` of CPU time, measuring held-out mean IU every CHECK_EVERY_S. */
async function trainFor(net: SmallNet, batch: number, rate: number): Promise<Result> {
  const session = startSession({ net, seed: 1, batchSize: batch, learningRate: rate }, train);
  const meanIoU = () => {
    const predicted = session.classify(heldImages);
    const values = predicted.dataSync();
    predicted.dispose();
    const total = new Float64Array(NUM_CLASSES * NUM_CLASSES);
    held.forEach((s, i) => {
      const predictedHere = values.subarray(i * s.label.length, (i + 1) * s.label.length);
      addInto(total, confusionMatrix(s.label, predictedHere, NUM_CLASSES));
    });
    return segmentationMetrics(total, NUM_CLASSES).meanIoU;
  };
  session.step().dispose(); // warm-up: kernel setup, weight packing
  let training = 0;
  let nextCheck = CHECK_EVERY_S;
  let loss = NaN;
  const curve: Point[] = [];
  while (training < seconds) {
    const began = process.cpuUsage();
    const l = session.step();
    loss = (await l.data())[0] as number;
    l.dispose();
    const used = process.cpuUsage(began);
    training += (used.user + used.system) / 1e6;
    if (training >= nextCheck) {
      const speed = (session.steps - 1) / training;
      const point = { seconds: Math.round(training), step: session.steps - 1, loss, meanIoU: meanIoU() };
      curve.push(point);
      const miou = (100 * point.meanIoU).toFixed(1);
      console.log(
        `${net} ${session.parameters} weights  ${point.seconds} s  step ${point.step}  ` +
          `${speed.toFixed(2)} steps/s  loss ${loss.toFixed(3)}  held-out mean IU ${miou}%`,
      );
      nextCheck += CHECK_EVERY_S;
    }
  }
  const result = { net, parameters: session.parameters, stepsPerSecond: (session.steps - 1) / training, curve };
  session.dispose();
  return result;
}

if (sweeping) {
  const sweep: Sweep[] = [];
  for (const batch of SWEEP_BATCHES) {
    for (const rate of SWEEP_RATES) {
      console.log(`${SWEEP_NET}, batch ${batch}, rate ${rate}`);
      const { curve } = await trainFor(SWEEP_NET, batch, rate);
      sweep.push({ batchSize: batch, learningRate: rate, curve });
    }
  }
  write({ ...earlier(), sweep: { net: SWEEP_NET, seconds, curves: sweep } });
} else {
  const results = only === undefined ? [] : earlier().results.filter((r) => !only.includes(r.net));
  for (const net of SMALL_NETS.filter((n) => only === undefined || only.includes(n))) {
    results.push(await trainFor(net, batchSize, learningRate));
  }
  const settings = { seconds, batchSize, learningRate, heldOutScenes: HELD_OUT_SCENES, backend: tf.getBackend() };
  write({ ...earlier(), settings, results });
}
heldImages.dispose();
console.log(`wrote ${file}; tensors left: ${tf.memory().numTensors}`);
