// The training loop: seeded batches, Adam with poly decay (or cut on a held-out plateau),
// class-balanced cross-entropy, checkpoints to resume from, a progress bar.
import * as tf from '@tensorflow/tfjs';
import type { DigitSet } from '../data/digits.ts';
import { mulberry32, randInt } from '../data/prng.ts';
import { MODELS, type ModelName } from '../models/catalog.ts';
import { mirrorBorder, scenesToTensor } from '../models/segment.ts';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.ts';
import { polyRate, type TrainConfig } from './configs.ts';
import { digitBatch } from './evaluate-model.ts';
import { balancedClassWeights, weightedCrossEntropy } from './loss.ts';
import { type CurvePoint, type PlateauState, plateauStart, plateauUpdate } from './plateau.ts';
import { progressBar } from './progress.ts';
import { classFrequencies, oneHotLabels, sceneOptions, scenes } from './scene-batch.ts';

export interface TrainOptions {
  checkpointDir?: string;
  /** Weights to start from (stage-wise training), copied by layer name. */
  init?: tf.LayersModel;
  quiet?: boolean;
  /** Held-out mean IU of the model; required when the config has a plateau rule. */
  validate?: (model: tf.LayersModel) => number;
  onValidate?: (point: CurvePoint) => void;
  /** Asked at each held-out measurement: end the run there (e.g. out of time). */
  stopRequested?: () => boolean;
}

export interface Trained {
  model: tf.LayersModel;
  finalLoss: number;
  initialised: string[];
  /** Steps taken (fewer than config.steps when a plateau or a stop request ended the run). */
  steps: number;
  ended: 'steps' | 'plateau' | 'stop requested';
  curve?: CurvePoint[];
}

interface Batch {
  x: tf.Tensor4D;
  y: tf.Tensor4D;
}

type BatchMaker = (step: number) => Batch;

function sceneBatches(name: ModelName, config: TrainConfig, train: DigitSet): BatchMaker {
  const border = MODELS[name].border;
  return (step) => {
    const batch = scenes(train, step * config.batchSize, config.batchSize, sceneOptions(name));
    const x = tf.tidy(() => mirrorBorder(scenesToTensor(batch), border));
    return { x, y: oneHotLabels(batch) };
  };
}

function digitBatches(config: TrainConfig, train: DigitSet, classes: number): BatchMaker {
  return (step) => {
    const rand = mulberry32(config.seed * 7919 + step);
    const indices = Array.from({ length: config.batchSize }, () => randInt(rand, 0, train.count - 1));
    const labels = new Float32Array(indices.length * classes);
    indices.forEach((d, i) => {
      labels[i * classes + (train.labels[d] as number)] = 1;
    });
    return { x: digitBatch(train, indices), y: tf.tensor4d(labels, [indices.length, 1, 1, classes]) };
  };
}

/** Class weights from 512 training scenes (a classifier's digits are balanced: all 1). */
export function lossWeights(name: ModelName, config: TrainConfig, train: DigitSet): number[] {
  const { kind, classes } = MODELS[name];
  if (kind === 'classifier') return new Array<number>(classes.length).fill(1);
  return balancedClassWeights(classFrequencies(scenes(train, 0, 512, sceneOptions(name))), config.classWeightPower);
}

function copyByName(from: tf.LayersModel, to: tf.LayersModel): string[] {
  const copied: string[] = [];
  for (const layer of to.layers) {
    const source = from.layers.find((l) => l.name === layer.name);
    if (source === undefined || layer.weights.length === 0) continue;
    const values = source.getWeights();
    const same =
      values.length === layer.weights.length &&
      values.every((v, i) => tf.util.arraysEqual(v.shape, (layer.weights[i]?.shape ?? []) as number[]));
    if (!same) continue;
    layer.setWeights(values);
    copied.push(layer.name);
  }
  return copied;
}

export async function trainModel(
  name: ModelName,
  config: TrainConfig,
  train: DigitSet,
  options: TrainOptions = {},
): Promise<Trained> {
  const model = MODELS[name].build(config.seed);
  const initialised = options.init === undefined ? [] : copyByName(options.init, model);
  const optimizer = tf.train.adam(config.learningRate);
  const resumed =
    options.checkpointDir === undefined ? { step: 0 } : await loadCheckpoint(options.checkpointDir, model, optimizer);
  const start = resumed.step;
  const plateau = config.plateau;
  const validate = options.validate;
  if (plateau !== undefined && validate === undefined)
    throw new Error(`${name}: a plateau rule needs a validate function`);
  let schedule: PlateauState | undefined =
    plateau === undefined
      ? undefined
      : ((resumed.extra as PlateauState | undefined) ?? plateauStart(config.learningRate));
  const weights = tf.tensor1d(lossWeights(name, config, train));
  const { kind, classes } = MODELS[name];
  const makeBatch =
    kind === 'classifier' ? digitBatches(config, train, classes.length) : sceneBatches(name, config, train);
  const bar = options.quiet === true ? undefined : progressBar(name, config.steps, start);
  // A classifier's [N, classes] output is compared with [N, 1, 1, classes] labels.
  const shapeOut = (p: tf.Tensor) => (kind === 'classifier' ? p.reshape([-1, 1, 1, classes.length]) : p);
  let finalLoss = NaN;
  let step = start;
  let stopped = false;
  for (; step < config.steps && schedule?.done !== true && !stopped; step++) {
    (optimizer as unknown as { learningRate: number }).learningRate = schedule?.learningRate ?? polyRate(config, step);
    const { x, y } = makeBatch(step);
    const loss = optimizer.minimize(
      () => weightedCrossEntropy(shapeOut(model.apply(x, { training: true }) as tf.Tensor), y, weights),
      true,
    ) as tf.Scalar;
    tf.dispose([x, y]);
    if (step % 10 === 9 || step === config.steps - 1) {
      finalLoss = (await loss.data())[0] as number;
      bar?.update(step + 1, finalLoss);
      // wasm resolves data() at once; yield so the bar's redraw timer gets a turn.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    loss.dispose();
    if (schedule !== undefined && plateau !== undefined && validate !== undefined && (step + 1) % plateau.every === 0) {
      schedule = plateauUpdate(schedule, plateau, step + 1, validate(model));
      options.onValidate?.(schedule.curve.at(-1) as CurvePoint);
      stopped = options.stopRequested?.() === true;
    }
    if (options.checkpointDir !== undefined && (step + 1) % config.checkpointEvery === 0 && step + 1 < config.steps) {
      await saveCheckpoint(options.checkpointDir, step + 1, model, optimizer, schedule);
    }
  }
  bar?.stop();
  weights.dispose();
  optimizer.dispose();
  const ended = stopped ? 'stop requested' : schedule?.done === true ? 'plateau' : 'steps';
  return { model, finalLoss, initialised, steps: step, ended, curve: schedule?.curve };
}
