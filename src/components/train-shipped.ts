/**
 * The shipped model each trainable small net is compared with, and that model's measured mean IU
 * (public/weights/metrics.json) and training recipe (its manifest), as the JSON the trainer and the
 * playground carry in `data-shipped`. Build-time only (node:fs).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { t } from '../i18n/en.ts';
import { measured, metrics } from './model-metrics.ts';

/** The kind each small net belongs to: the FCN's skip makes it an FCN-8s, the U-Nets a U-Net. */
const KIN = { 'small-fcn': 'fcn8s', 'small-unet': 'unet', 'tiny-unet': 'unet' } as const;
interface Recipe {
  /** The step cap; a run that stops on its plateau records the steps it took in `stepsRun`. */
  steps: number;
  stepsRun?: number;
  batchSize: number;
  minutes: number;
  initFrom?: string;
}
const recipe = (name: string) =>
  (JSON.parse(readFileSync(resolve(`public/weights/${name}/manifest.json`), 'utf8')) as { training: Recipe }).training;

export const shippedJson = JSON.stringify(
  Object.fromEntries(
    Object.entries(KIN).map(([net, name]) => {
      const m = measured(name);
      const r = recipe(name);
      const from = r.initFrom === undefined ? undefined : measured(r.initFrom).title;
      const training = t.trainNetwork.shippedTraining(r.stepsRun ?? r.steps, r.batchSize, r.minutes.toFixed(1), from);
      return [net, { title: m.title, meanIoU: m.meanIoU, scenes: metrics.testScenes.count, training }];
    }),
  ),
);
