/**
 * The evaluation file (public/weights/metrics.json, written by `npm run evaluate`), read at build
 * time so the pages print the measured numbers and never a typed copy. Build-time only (node:fs).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Scores {
  pixelAccuracy: number;
  meanAccuracy: number;
  meanIoU: number;
  frequencyWeightedIoU: number;
}
export interface MeasuredModel extends Scores {
  name: string;
  title: string;
  scenes: number;
}
export interface Metrics {
  testScenes: { count: number; height: number; width: number };
  models: MeasuredModel[];
  paper: { source: string; rows: (Scores & { name: string })[] };
}

export const SCORE_KEYS = ['pixelAccuracy', 'meanAccuracy', 'meanIoU', 'frequencyWeightedIoU'] as const;

export const metrics = JSON.parse(readFileSync(resolve('public/weights/metrics.json'), 'utf8')) as Metrics;

export function measured(name: string): MeasuredModel {
  const found = metrics.models.find((m) => m.name === name);
  if (!found) throw new Error(`public/weights/metrics.json has no model ${name}; run npm run evaluate`);
  return found;
}

/** A score in [0, 1] as a percentage with one decimal, as FCN's tables print them. */
export const percent = (v: number) => (100 * v).toFixed(1);
