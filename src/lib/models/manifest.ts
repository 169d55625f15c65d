// What public/weights/<name>/manifest.json records (written by training, read by the loader,
// the tests and the lessons).
import type { ErrorShares, SegmentationMetrics } from './metrics.ts';

export interface ShardRecord {
  path: string;
  bytes: number;
  sha256: string;
}

export interface MetricsRecord extends SegmentationMetrics {
  /** Recorded by evaluations since the FCN retraining; older manifests lack it. */
  errors?: ErrorShares;
  scenes: number;
  firstSeed: number;
  height: number;
  width: number;
}

export interface Manifest {
  name: string;
  title: string;
  input: { height: number; width: number; channels: 1; range: [0, 1]; polarity: 'white digits on black' };
  classes: string[];
  /** Output is input − 2·border on each axis. */
  border: number;
  /** How each weight is stored in the shards. */
  storage: Record<string, 'float16' | 'uint8'>;
  training: Record<string, unknown>;
  shards: ShardRecord[];
  totalBytes: number;
  /** Classifier: top-1 accuracy on MNIST test digits. */
  accuracy?: { digits: number; top1: number };
  /** Segmentation: held-out test scenes, and the small fixed subset the unit tests rerun. */
  metrics?: { test: MetricsRecord; subset: MetricsRecord };
}
