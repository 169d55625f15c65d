// npm run evaluate: every shipped model, loaded through the verifying loader, measured on the
// held-out test scenes (test digits only). Prints a table shaped like FCN's Table 2, where the
// errors lie, and the held-out curves of runs that stopped on a plateau; writes all of it to
// public/weights/metrics.json for the lessons.
import { existsSync, writeFileSync } from 'node:fs';
import { MODEL_NAMES, MODELS, type ModelName, SCENE_CLASSES } from '../src/lib/models/catalog.ts';
import { loadModel } from '../src/lib/models/load.ts';
import type { ErrorShares } from '../src/lib/models/metrics.ts';
import { useWasmTraining } from '../src/lib/training/backend.ts';
import { fileFetch } from '../src/lib/training/file-fetch.ts';
import { measure } from '../src/lib/training/measure.ts';
import { loadMnist } from '../src/lib/training/mnist-node.ts';
import { WEIGHTS_DIR } from '../src/lib/training/paths.ts';
import type { CurvePoint } from '../src/lib/training/plateau.ts';

await useWasmTraining();
const test = loadMnist('test');
const pct = (v: number) => (v * 100).toFixed(1).padStart(6);
const rows: Record<string, unknown>[] = [];
let classifier: { top1: number; digits: number } | undefined;

console.log(
  `${'model'.padEnd(14)} ${'pixel acc.'.padStart(10)} ${'mean acc.'.padStart(10)} ${'mean IU'.padStart(8)} ${'f.w. IU'.padStart(8)} ${'bytes'.padStart(9)}`,
);
for (const name of MODEL_NAMES as ModelName[]) {
  if (!existsSync(`${WEIGHTS_DIR}${name}/manifest.json`)) {
    console.log(`${name.padEnd(14)} (no weights: npm run train -- ${name})`);
    continue;
  }
  const { model, manifest } = await loadModel(name, { base: WEIGHTS_DIR, fetch: fileFetch });
  const measured = measure(name, model, test);
  model.dispose();
  if (measured.accuracy !== undefined) {
    classifier = measured.accuracy;
    continue;
  }
  const m = measured.metrics?.test;
  if (m === undefined) continue;
  console.log(
    `${MODELS[name].title.padEnd(14)} ${pct(m.pixelAccuracy).padStart(10)} ${pct(m.meanAccuracy).padStart(10)} ${pct(m.meanIoU).padStart(8)} ${pct(m.frequencyWeightedIoU).padStart(8)} ${String(manifest.totalBytes).padStart(9)}`,
  );
  const curve = manifest.training['curve'] as CurvePoint[] | undefined;
  rows.push({
    name,
    title: MODELS[name].title,
    bytes: manifest.totalBytes,
    ...m,
    ...(curve === undefined ? {} : { curve }),
  });
}
console.log(`\nper-class IoU (${SCENE_CLASSES.join(', ')}):`);
for (const row of rows) {
  const ious = (row['classIoU'] as (number | null)[]).map((v) => (v === null ? '  -  ' : pct(v))).join('');
  console.log(`${String(row['title']).padEnd(14)}${ious}`);
}
console.log('\nshare of digit pixels: stroke missed, given the wrong digit, background painted as digit');
for (const row of rows) {
  const e = row['errors'] as ErrorShares;
  console.log(`${String(row['title']).padEnd(14)}${pct(e.strokeMissed)}${pct(e.wrongDigit)}${pct(e.overpainted)}`);
}
for (const row of rows.filter((r) => r['curve'] !== undefined)) {
  const points = (row['curve'] as CurvePoint[]).map((p) => `${p.step}:${(p.meanIoU * 100).toFixed(1)}`);
  console.log(`\n${String(row['title'])} held-out mean IU by step: ${points.join(' ')}`);
}
if (classifier !== undefined)
  console.log(`\nclassifier: ${(classifier.top1 * 100).toFixed(2)}% top-1 on ${classifier.digits} MNIST test digits`);

const paper = {
  source: 'Long, Shelhamer & Darrell, FCN, Table 2 (VOC2011 segval subset), percent',
  rows: [
    { name: 'fcn32s-fixed', pixelAccuracy: 83.0, meanAccuracy: 59.7, meanIoU: 45.4, frequencyWeightedIoU: 72.0 },
    { name: 'fcn32s', pixelAccuracy: 89.1, meanAccuracy: 73.3, meanIoU: 59.4, frequencyWeightedIoU: 81.4 },
    { name: 'fcn16s', pixelAccuracy: 90.0, meanAccuracy: 75.7, meanIoU: 62.4, frequencyWeightedIoU: 83.0 },
    { name: 'fcn8s', pixelAccuracy: 90.3, meanAccuracy: 75.9, meanIoU: 62.7, frequencyWeightedIoU: 83.2 },
  ],
};
const first = rows[0] as { scenes?: number; firstSeed?: number; height?: number; width?: number } | undefined;
writeFileSync(
  `${WEIGHTS_DIR}metrics.json`,
  `${JSON.stringify({ testScenes: first && { count: first.scenes, firstSeed: first.firstSeed, height: first.height, width: first.width, digits: 'MNIST test split' }, classes: SCENE_CLASSES, models: rows, classifier, paper }, null, 2)}\n`,
);
console.log(`\nwrote public/weights/metrics.json`);
