// Models the site ships but did not train: TF.js graph models, each with a manifest that records
// its input and output, licence, provenance and the SHA-256 of its shard. No TensorFlow.js here,
// so page code may import it.
import type { ShardRecord } from './manifest.ts';

export const GRAPH_MODELS = {
  selfie: { title: 'MediaPipe selfie segmentation' },
} as const;
export type GraphModelName = keyof typeof GRAPH_MODELS;

export const isGraphModelName = (name: string): name is GraphModelName => Object.hasOwn(GRAPH_MODELS, name);

/** What public/weights/<graph model>/manifest.json records. */
export interface GraphManifest {
  name: GraphModelName;
  title: string;
  format: 'graph-model';
  /** The graph file beside the manifest (model.json's role for layers models). */
  model: string;
  input: { name: string; height: number; width: number; channels: 3; range: [0, 1]; colour: 'RGB' };
  output: { name: string; shape: number[]; activation: 'sigmoid'; meaning: string };
  classes: string[];
  licence: { model: string; packaging: string };
  provenance: { package: string; files: string[]; modified: boolean };
  shards: ShardRecord[];
  totalBytes: number;
}
