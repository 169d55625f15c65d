// Training a small segmenter in the reader's browser (/playground/train/). The page asks for one
// step per message, so the worker does nothing between messages: pausing, or leaving the page,
// stops all work. Each step is one tf.tidy; its loss stays on the backend and is read without
// blocking, a few steps at a time, and handed to the page with a later step's answer.
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import type { DigitSet } from '../../../data/digits.ts';
import { loadDigitFiles, loadTestDigits, TRAIN_DIGIT_FILES } from '../../../data/load-digits.ts';
import { DEFAULT_SCENE, NUM_CLASSES } from '../../../data/scene.ts';
import { type ModelInfo as CatalogEntry, SCENE_CLASSES } from '../../../models/catalog-info.ts';
import { addInto, confusionMatrix, segmentationMetrics } from '../../../models/metrics.ts';
import { scenesToTensor } from '../../../models/segment.ts';
import { HELD_OUT_SCENES } from '../../../training/browser-data.ts';
import { scenes, TEST_SEED_BASE } from '../../../training/scene-batch.ts';
import { startSession, type TrainSession } from '../../../training/session.ts';
import { isSmallNet, type SmallNet } from '../../../training/small-nets.ts';
import { registerWasmConvGradients } from '../../../training/wasm-conv-kernels.ts';
import { readBack } from '../read-back.ts';
import { type ModelInfo, provideModel } from './models.ts';

/** Losses are read back this many steps at a time (one read for all of them). */
export const LOSS_READ_EVERY = 5;
/** Where "Use this model" keeps the trained network, for the playground's worker to load. */
export const TRAINED_STORE = 'indexeddb://pixelwise-trained';
/** The runner's name for it. */
export const TRAINED_NAME = 'trained';
const LIMITS = { seed: [0, 9999], batchSize: [1, 64], learningRate: [1e-5, 1] } as const;

export interface TrainOptions {
  net: SmallNet;
  seed: number;
  batchSize: number;
  learningRate: number;
}

export interface TrainStarted {
  net: SmallNet;
  parameters: number;
  backend: string;
  /** How many held-out scenes the mean IU is measured on. */
  heldOutScenes: number;
  /** The fixed held-out scene whose prediction the page redraws (the first held-out scene). */
  scene: { height: number; width: number; image: Float32Array; label: Uint8Array };
}

export interface StepReport {
  step: number;
  /** Losses read back since the last report, as [step, loss]. */
  losses: [number, number][];
}

export interface Evaluation {
  step: number;
  /** Mean IU over the held-out scenes (test digits, test seeds). */
  meanIoU: number;
  /** Most likely class per pixel of the fixed scene. */
  prediction: Uint8Array;
}

interface Run {
  session: TrainSession;
  options: TrainOptions;
  /** Loss tensors not yet read, with their step numbers. */
  unread: { step: number; loss: tf.Scalar }[];
  read: [number, number][];
}

let run: Run | undefined;
let data: Promise<{ train: DigitSet; heldImages: tf.Tensor4D; heldLabels: Uint8Array[] }> | undefined;

function loadData() {
  data ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const [train, test] = await Promise.all([loadDigitFiles(base, TRAIN_DIGIT_FILES), loadTestDigits(base)]);
    const held = scenes(test, TEST_SEED_BASE, HELD_OUT_SCENES, DEFAULT_SCENE);
    return { train, heldImages: tf.keep(scenesToTensor(held)), heldLabels: held.map((s) => s.label) };
  })().catch((e: unknown) => {
    data = undefined;
    throw e;
  });
  return data;
}

function check(name: keyof typeof LIMITS, value: number): number {
  const [lo, hi] = LIMITS[name];
  if (!Number.isFinite(value) || value < lo || value > hi) {
    throw new Error(`${name} must lie in [${lo}, ${hi}], not ${value}`);
  }
  return value;
}

function current(): Run {
  if (run === undefined) throw new Error('no training run: call trainReset first');
  return run;
}

function dropRun(): void {
  if (run === undefined) return;
  tf.dispose(run.unread.map((u) => u.loss));
  run.session.dispose();
  run = undefined;
}

/** Starts reading the unread losses; the values arrive with a later report. */
function readLosses(r: Run): void {
  const batch = r.unread.splice(0);
  if (batch.length === 0) return;
  const joined = tf.stack(batch.map((u) => u.loss));
  tf.dispose(batch.map((u) => u.loss));
  void joined.data().then((values) => {
    joined.dispose();
    // A reset meanwhile started another run: these losses belong to the old one.
    if (run !== r) return;
    batch.forEach((u, i) => r.read.push([u.step, values[i] as number]));
  });
}

// The built model's name is its net's ('small-unet'), and survives saving.
const trainedEntry = (net: string): CatalogEntry => ({
  kind: 'segmenter',
  input: { height: DEFAULT_SCENE.height, width: DEFAULT_SCENE.width },
  classes: SCENE_CLASSES,
  border: 0,
  title: `${net} (trained in your browser)`,
});

export const trainTasks = {
  /** A fresh network (seeded weights, seeded batches); an earlier run is dropped with its tensors. */
  async trainReset(options: TrainOptions): Promise<TrainStarted> {
    if (!isSmallNet(options.net)) throw new Error(`no trainable net named "${options.net}"`);
    const checked: TrainOptions = {
      net: options.net,
      seed: check('seed', Math.round(options.seed)),
      batchSize: check('batchSize', Math.round(options.batchSize)),
      learningRate: check('learningRate', options.learningRate),
    };
    const { train, heldImages, heldLabels } = await loadData();
    // wasm lacks Conv2DBackpropFilter and its Conv2DBackpropInput is slow: ours replace them.
    if (tf.getBackend() === 'wasm') registerWasmConvGradients();
    dropRun();
    const session = startSession(checked, train);
    run = { session, options: checked, unread: [], read: [] };
    const [height, width] = heldImages.shape.slice(1, 3) as [number, number];
    // A copy, and the slice freed: on the cpu backend a slice's data may be a view of heldImages' own
    // buffer, which the transfer below would detach (the next step then fails on a detached buffer).
    const first = heldImages.slice([0, 0, 0, 0], [1, height, width, 1]);
    const image = Float32Array.from((await first.data()) as Float32Array);
    first.dispose();
    const scene = { height, width, image, label: heldLabels[0]!.slice() };
    const started: TrainStarted = {
      net: checked.net,
      parameters: session.parameters,
      backend: tf.getBackend(),
      heldOutScenes: heldLabels.length,
      scene,
    };
    return Comlink.transfer(started, [image.buffer, scene.label.buffer]);
  },

  /** `count` optimisation steps (each its own tidy), with whatever losses have been read meanwhile. */
  trainStep(count = 1): StepReport {
    const r = current();
    for (let i = 0; i < count; i++) {
      const loss = r.session.step();
      r.unread.push({ step: r.session.steps, loss });
      if (r.unread.length >= LOSS_READ_EVERY) readLosses(r);
    }
    return { step: r.session.steps, losses: r.read.splice(0) };
  },

  /** Reads the losses still on the backend (a paused page wants them all drawn). */
  async trainFlush(): Promise<StepReport> {
    const r = current();
    const batch = r.unread.splice(0);
    if (batch.length > 0) {
      const values = await readBack(...batch.map((u) => u.loss));
      batch.forEach((u, i) => r.read.push([u.step, values[i]![0] as number]));
    }
    return { step: r.session.steps, losses: r.read.splice(0) };
  },

  trainSet(change: Partial<Pick<TrainOptions, 'batchSize' | 'learningRate'>>): void {
    const r = current();
    const next = {
      ...(change.batchSize === undefined ? {} : { batchSize: check('batchSize', Math.round(change.batchSize)) }),
      ...(change.learningRate === undefined ? {} : { learningRate: check('learningRate', change.learningRate) }),
    };
    r.session.set(next);
    Object.assign(r.options, next);
  },

  /** Held-out mean IU and the fixed scene's prediction, for the network as it is now. */
  async trainEvaluate(): Promise<Evaluation> {
    const r = current();
    const { heldImages, heldLabels } = await loadData();
    const step = r.session.steps;
    const [predicted] = await readBack(r.session.classify(heldImages));
    const total = new Float64Array(NUM_CLASSES * NUM_CLASSES);
    const pixels = heldLabels[0]!.length;
    heldLabels.forEach((label, i) => {
      addInto(total, confusionMatrix(label, predicted!.subarray(i * pixels, (i + 1) * pixels), NUM_CLASSES));
    });
    const prediction = Uint8Array.from(predicted!.subarray(0, pixels));
    const result: Evaluation = { step, meanIoU: segmentationMetrics(total, NUM_CLASSES).meanIoU, prediction };
    return Comlink.transfer(result, [prediction.buffer]);
  },

  /** Ends the run and frees its tensors (the page calls this when the reader leaves). */
  trainStop(): void {
    dropRun();
  },

  /** Keeps the network in IndexedDB for the playground; returns the step it was saved at. */
  async trainKeep(): Promise<{ step: number; net: SmallNet }> {
    const r = current();
    await r.session.model.save(TRAINED_STORE);
    return { step: r.session.steps, net: r.options.net };
  },

  /** The network in tfjs layers format: model.json's text and its one weights file. */
  async trainArtifacts(weightsFile: string): Promise<{ modelJson: string; weights: ArrayBuffer }> {
    const r = current();
    let saved: tf.io.ModelArtifacts | undefined;
    await r.session.model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const artifacts = saved!;
    const weightData = artifacts.weightData;
    const weights = weightData instanceof ArrayBuffer ? weightData : tf.io.concatenateArrayBuffers(weightData ?? []);
    const modelJson = JSON.stringify({
      format: 'layers-model',
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs }],
    });
    return Comlink.transfer({ modelJson, weights }, [weights]);
  },

  /**
   * In any page's worker: loads the network kept by trainKeep and adds it to the model runner as
   * 'trained', so modelRun('trained', …) runs it. Fails when none was kept in this browser.
   */
  async trainedLoad(): Promise<ModelInfo> {
    const model = await tf.loadLayersModel(TRAINED_STORE);
    return provideModel(TRAINED_NAME, model, trainedEntry(model.name));
  },
};
