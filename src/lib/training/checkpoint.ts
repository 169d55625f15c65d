// Resumable training state in checkpoints/<name>/ (gitignored): the step reached, the model's
// weights and Adam's moments, as float32, and any JSON the loop needs to continue (its schedule).

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

interface State {
  step: number;
  model: number[][];
  optimizer: { name: string; shape: number[] }[];
  extra?: unknown;
}

function pack(tensors: tf.Tensor[]): Buffer {
  return Buffer.concat(tensors.map((t) => Buffer.from((t.dataSync() as Float32Array).slice().buffer)));
}

function unpack(bytes: Buffer, shapes: number[][]): tf.Tensor[] {
  let offset = 0;
  return shapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + size * 4),
    );
    offset += size * 4;
    return tf.tensor(values, shape);
  });
}

export async function saveCheckpoint(
  dir: string,
  step: number,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  extra?: unknown,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const weights = model.getWeights();
  const moments = await optimizer.getWeights();
  const state: State = {
    step,
    model: weights.map((w) => w.shape),
    optimizer: moments.map((m) => ({ name: m.name, shape: m.tensor.shape })),
    extra,
  };
  // Write then rename, so an interrupted save never leaves a torn checkpoint.
  writeFileSync(join(dir, 'weights.tmp'), Buffer.concat([pack(weights), pack(moments.map((m) => m.tensor))]));
  writeFileSync(join(dir, 'state.tmp'), JSON.stringify(state));
  renameSync(join(dir, 'weights.tmp'), join(dir, 'weights.bin'));
  renameSync(join(dir, 'state.tmp'), join(dir, 'state.json'));
}

/** Restores a checkpoint into model and optimizer; returns the step to continue from (0 if none). */
export async function loadCheckpoint(
  dir: string,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
): Promise<{ step: number; extra?: unknown }> {
  if (!existsSync(join(dir, 'state.json'))) return { step: 0 };
  const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as State;
  const tensors = unpack(readFileSync(join(dir, 'weights.bin')), [
    ...state.model,
    ...state.optimizer.map((o) => o.shape),
  ]);
  const weights = tensors.slice(0, state.model.length);
  model.setWeights(weights);
  const moments = tensors.slice(state.model.length);
  await optimizer.setWeights(state.optimizer.map((o, i) => ({ name: o.name, tensor: moments[i] as tf.Tensor })));
  weights.forEach((w) => w.dispose());
  return { step: state.step, extra: state.extra };
}
