// The shared model runner: every lesson that runs a trained model loads, runs and inspects it here.
// A model loads once per worker (so once per page) and every figure reuses it.
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import type { DigitSet } from '../../../data/digits.ts';
import { loadTestDigits } from '../../../data/load-digits.ts';
import { makeScene, type Placement } from '../../../data/scene.ts';
import {
  type ModelInfo as CatalogEntry,
  isModelName,
  MODEL_INFO,
  MODEL_NAMES,
  type ModelName,
} from '../../../models/catalog-info.ts';
import { type GraphManifest, type GraphModelName, isGraphModelName } from '../../../models/graph-models.ts';
import { loadGraphModel, loadModel } from '../../../models/load.ts';
import type { Manifest } from '../../../models/manifest.ts';
import { mirrorBorder } from '../../../models/segment.ts';
import { type AxisField, axisField } from '../../../ops/field-graph.ts';
import { readBack } from '../read-back.ts';
import { fieldNodes, type LayerShape, layerGraph } from './model-graph.ts';

/**
 * What the catalog says of a model (kind, title, trained input size, border — which modelRun
 * mirrors back in — and class names), and its layers as loaded.
 */
export interface ModelInfo extends CatalogEntry {
  name: ModelName;
  /** Every layer in order, with its output shape for one image of `input` size (border added). */
  layers: LayerShape[];
}

export interface Activation {
  shape: number[];
  data: Float32Array;
}

export interface ModelRunResult {
  /** Output rows and columns: the input's for a segmenter (border mirrored in), 1 × 1 for the classifier. */
  height: number;
  width: number;
  classes: number;
  /** Most likely class per output pixel, row-major. */
  classMap: Uint8Array;
  /** [height, width, classes] softmax probabilities, row-major. */
  probabilities: Float32Array;
  /** The requested layers' outputs, by name, for the image as the model saw it (border included). */
  activations: Record<string, Activation>;
}

export interface ReceptiveField {
  layer: string;
  /**
   * Per axis, in the coordinates of the image given to modelRun (U-Net's mirrored border lies at
   * negative positions and past the end). Clip to the image to draw.
   */
  rows: AxisField;
  cols: AxisField;
}

export interface PageScene {
  /** The seed the scene came from: `seed`, or the first after it with a repeated digit when asked. */
  seed: number;
  height: number;
  width: number;
  image: Float32Array;
  /** Ground truth: 0 background, d + 1 for digit d. */
  label: Uint8Array;
  placements: Placement[];
}

export interface SceneRequest {
  minDigits?: number;
  maxDigits?: number;
  /** Search from `seed` for a scene in which one digit occurs at least twice. */
  repeatedDigit?: boolean;
}

type Progress = (received: number, total: number) => void;

interface Loaded {
  model: tf.LayersModel;
  manifest: Manifest;
  info: ModelInfo;
  /** Models with extra outputs for intermediate activations, by requested layer list. */
  probes: Map<string, tf.LayersModel>;
}

/** Who is waiting for a load's progress, and where it stands (for figures that ask late). */
interface Watchers {
  listeners: Set<Progress>;
  last: [number, number] | undefined;
}

interface Loading {
  promise: Promise<Loaded>;
  watchers: Watchers;
}

const loading = new Map<ModelName, Loading>();
/** Segmenters accept multiples of 32 from 64 (five stride-2 stages); larger inputs cost seconds. */
const SIDE = { step: 32, min: 64, max: 512 } as const;

function modelName(name: string): ModelName {
  // A name given to provideModel joins the shipped ones.
  if (isModelName(name) || loading.has(name as ModelName)) return name as ModelName;
  throw new Error(`no model named "${name}"; the models are ${MODEL_NAMES.join(', ')}`);
}

async function load(name: ModelName, watchers: Watchers): Promise<Loaded> {
  const onProgress: Progress = (received, total) => {
    watchers.last = [received, total];
    for (const listener of watchers.listeners) listener(received, total);
  };
  const { model, manifest } = await loadModel(name, { base: `${import.meta.env.BASE_URL}weights/`, onProgress });
  const entry = MODEL_INFO[name];
  const { height, width } = entry.input;
  const info: ModelInfo = {
    ...entry,
    name,
    layers: layerGraph(model, height + 2 * entry.border, width + 2 * entry.border).map((l) => ({
      name: l.name,
      className: l.className,
      shape: l.shape,
    })),
  };
  return { model, manifest, info, probes: new Map() };
}

/** A page callback through Comlink: a page that has gone away must not fail the load. */
function listen(watchers: Watchers, onProgress: Progress | undefined): Progress | undefined {
  if (onProgress === undefined) return undefined;
  const listener: Progress = (received, total) => {
    Promise.resolve(onProgress(received, total)).catch(() => undefined);
  };
  watchers.listeners.add(listener);
  if (watchers.last !== undefined) listener(...watchers.last);
  return listener;
}

/** The model, loading it once; a failed load is forgotten so the next call tries again. */
async function loaded(name: ModelName, onProgress?: Progress): Promise<Loaded> {
  let entry = loading.get(name);
  if (entry === undefined) {
    const watchers: Watchers = { listeners: new Set(), last: undefined };
    const promise = load(name, watchers).catch((e: unknown) => {
      loading.delete(name);
      throw e;
    });
    entry = { promise, watchers };
    loading.set(name, entry);
  }
  const listener = listen(entry.watchers, onProgress);
  try {
    return await entry.promise;
  } finally {
    if (listener !== undefined) entry.watchers.listeners.delete(listener);
  }
}

/** The model with the requested layers' outputs after its own (built once per layer list). */
function probe(m: Loaded, layers: readonly string[]): tf.LayersModel {
  if (layers.length === 0) return m.model;
  const key = layers.join('\n');
  let found = m.probes.get(key);
  if (found === undefined) {
    const outputs = layers.map((n) => {
      if (!m.info.layers.some((l) => l.name === n)) throw new Error(`${m.info.title} has no layer "${n}"`);
      return m.model.getLayer(n).output as tf.SymbolicTensor;
    });
    found = tf.model({ inputs: m.model.inputs, outputs: [m.model.outputs[0]!, ...outputs] });
    m.probes.set(key, found);
  }
  return found;
}

function checkSize(info: ModelInfo, height: number, width: number): void {
  if (info.kind === 'classifier') {
    if (height !== info.input.height || width !== info.input.width) {
      throw new Error(`${info.title} takes ${info.input.height}×${info.input.width} images, not ${height}×${width}`);
    }
    return;
  }
  for (const side of [height, width]) {
    if (!Number.isInteger(side) || side % SIDE.step !== 0 || side < SIDE.min || side > SIDE.max) {
      const sides = `multiples of ${SIDE.step} from ${SIDE.min} to ${SIDE.max}`;
      throw new Error(`${info.title} takes sides that are ${sides}, not ${side}`);
    }
  }
}

let digits: Promise<DigitSet> | undefined;

function testDigits(): Promise<DigitSet> {
  digits ??= loadTestDigits(import.meta.env.BASE_URL).catch((e: unknown) => {
    digits = undefined;
    throw e;
  });
  return digits;
}

/**
 * Adds a model built outside the catalog (one trained on /playground/train/) to the runner under
 * `name`, so modelLoad, modelRun and modelReceptiveField serve it like a shipped one. A later call
 * with the same name replaces it.
 */
export function provideModel(name: string, model: tf.LayersModel, entry: CatalogEntry): ModelInfo {
  if (isModelName(name)) throw new Error(`"${name}" is a shipped model's name`);
  const { height, width } = entry.input;
  const info: ModelInfo = {
    ...entry,
    name: name as ModelName,
    layers: layerGraph(model, height + 2 * entry.border, width + 2 * entry.border).map((l) => ({
      name: l.name,
      className: l.className,
      shape: l.shape,
    })),
  };
  const manifest: Manifest = {
    name,
    title: entry.title,
    input: { height, width, channels: 1, range: [0, 1], polarity: 'white digits on black' },
    classes: [...entry.classes],
    border: entry.border,
    storage: {},
    training: {},
    shards: [],
    totalBytes: 0,
  };
  const watchers: Watchers = { listeners: new Set(), last: undefined };
  loading.set(name as ModelName, { promise: Promise.resolve({ model, manifest, info, probes: new Map() }), watchers });
  return info;
}

/** A loaded model itself, for lesson tasks that run it their own way (loads it once, like modelLoad). */
export async function sharedModel(name: string): Promise<{ model: tf.LayersModel; info: ModelInfo }> {
  const m = await loaded(modelName(name));
  return { model: m.model, info: m.info };
}

const SCENE = { min: 28, max: 512, seedSearch: 1000 } as const;

export const modelTasks = {
  /** Loads a model (once per worker), reporting shard bytes received of total; returns what it is. */
  async modelLoad(name: string, onProgress?: Progress): Promise<ModelInfo> {
    return (await loaded(modelName(name), onProgress)).info;
  },

  /**
   * Runs a model on one [height, width] image in [0, 1] (white digits on black). Segmenters get
   * the image with its border mirrored in (overlap-tile), so their output is height × width.
   */
  async modelRun(
    name: string,
    image: Float32Array,
    height: number,
    width: number,
    options: { activations?: string[] } = {},
  ): Promise<ModelRunResult> {
    const m = await loaded(modelName(name));
    checkSize(m.info, height, width);
    if (image.length !== height * width) throw new Error(`image has ${image.length} pixels, not ${height}×${width}`);
    if (!image.every(Number.isFinite)) throw new Error('image has pixels that are not finite numbers');
    const layers = options.activations ?? [];
    const runner = probe(m, layers);
    const outputs = tf.tidy(() => {
      const x = mirrorBorder(tf.tensor4d(image, [1, height, width, 1]), m.info.border);
      const ys = [runner.predict(x)].flat();
      const probs = ys[0]!;
      return [probs, tf.argMax(probs, -1), ...ys.slice(1)];
    });
    const probsShape = outputs[0]!.shape;
    const shapes = outputs.slice(2).map((t) => t.shape.slice());
    const [probabilities, classes, ...values] = (await readBack(...outputs)) as Float32Array[];
    const classMap = Uint8Array.from(classes!);
    const activations: Record<string, Activation> = {};
    layers.forEach((n, i) => {
      activations[n] = { shape: shapes[i]!, data: values[i]! };
    });
    const result: ModelRunResult = {
      height: probsShape.length === 4 ? probsShape[1]! : 1,
      width: probsShape.length === 4 ? probsShape[2]! : 1,
      classes: probsShape.at(-1)!,
      classMap,
      probabilities: probabilities!,
      activations,
    };
    // One buffer holds the probabilities and every activation (readBack's single read).
    return Comlink.transfer(result, [probabilities!.buffer, classMap.buffer]);
  },

  /**
   * The theoretical receptive field of every output pixel of `layer` (default: the model's
   * output) for an image of height × width (default: the trained size), from the layer graph.
   */
  async modelReceptiveField(
    name: string,
    options: { layer?: string; height?: number; width?: number } = {},
  ): Promise<ReceptiveField> {
    const m = await loaded(modelName(name));
    const height = options.height ?? m.info.input.height;
    const width = options.width ?? m.info.input.width;
    checkSize(m.info, height, width);
    const border = m.info.border;
    const graph = layerGraph(m.model, height + 2 * border, width + 2 * border);
    const layer = options.layer ?? m.model.outputs[0]!.sourceLayer.name;
    if (!graph.some((l) => l.name === layer)) throw new Error(`${m.info.title} has no layer "${layer}"`);
    // From the mirrored image's coordinates back to the image's.
    const shift = (f: AxisField): AxisField => ({
      ...f,
      inputSize: f.inputSize - 2 * border,
      first: f.first.map((v) => v - border),
      last: f.last.map((v) => v - border),
      offset: f.offset - border,
    });
    const rows = shift(axisField(fieldNodes(graph, 0), layer));
    const cols = shift(axisField(fieldNodes(graph, 1), layer));
    const buffers = [rows.first.buffer, rows.last.buffer, cols.first.buffer, cols.last.buffer];
    return Comlink.transfer({ layer, rows, cols }, buffers);
  },

  /** A seeded size × size scene of test digits with its ground-truth label map. */
  async sceneForPage(seed: number, size: number, options: SceneRequest = {}): Promise<PageScene> {
    if (!Number.isInteger(seed) || !Number.isInteger(size) || size < SCENE.min || size > SCENE.max) {
      const sides = `a side from ${SCENE.min} to ${SCENE.max}`;
      throw new Error(`a scene needs an integer seed and ${sides}, not ${seed} and ${size}`);
    }
    const set = await testDigits();
    const request = { height: size, width: size, minDigits: options.minDigits ?? 1, maxDigits: options.maxDigits ?? 3 };
    const repeats = (s: number) => {
      const seen = makeScene(set, s, request).placements.map((p) => p.digit);
      return seen.some((d, i) => seen.indexOf(d) !== i);
    };
    let used = seed;
    if (options.repeatedDigit === true) {
      while (!repeats(used)) {
        if (++used - seed > SCENE.seedSearch) {
          throw new Error(`no scene with a repeated digit within ${SCENE.seedSearch} seeds of ${seed}`);
        }
      }
    }
    const scene = makeScene(set, used, request);
    const result: PageScene = { seed: used, ...scene };
    return Comlink.transfer(result, [scene.image.buffer, scene.label.buffer]);
  },
};

/** What a shipped graph model is (public/weights/<name>/manifest.json), for the page. */
export interface GraphModelInfo {
  name: GraphModelName;
  title: string;
  input: { height: number; width: number };
  classes: string[];
  licence: GraphManifest['licence'];
  provenance: GraphManifest['provenance'];
}

interface GraphLoaded {
  model: tf.GraphModel;
  info: GraphModelInfo;
}

const graphLoading = new Map<GraphModelName, { promise: Promise<GraphLoaded>; watchers: Watchers }>();
/** Photo sides a graph model accepts: it resizes them to its own input, so only memory bounds them. */
const PHOTO_SIDE = { min: 1, max: 1024 } as const;

function graphName(name: string): GraphModelName {
  if (!isGraphModelName(name)) throw new Error(`no graph model named "${name}"`);
  return name;
}

/** A graph model, loaded once per worker with the same progress reporting as the digit models. */
async function graphLoaded(name: GraphModelName, onProgress?: Progress): Promise<GraphLoaded> {
  let entry = graphLoading.get(name);
  if (entry === undefined) {
    const watchers: Watchers = { listeners: new Set(), last: undefined };
    const report: Progress = (received, total) => {
      watchers.last = [received, total];
      for (const listener of watchers.listeners) listener(received, total);
    };
    const base = `${import.meta.env.BASE_URL}weights/`;
    const promise = loadGraphModel(name, { base, onProgress: report })
      .then(({ model, manifest }) => ({
        model,
        info: {
          name,
          title: manifest.title,
          input: { height: manifest.input.height, width: manifest.input.width },
          classes: manifest.classes,
          licence: manifest.licence,
          provenance: manifest.provenance,
        },
      }))
      .catch((e: unknown) => {
        graphLoading.delete(name);
        throw e;
      });
    entry = { promise, watchers };
    graphLoading.set(name, entry);
  }
  const listener = listen(entry.watchers, onProgress);
  try {
    return await entry.promise;
  } finally {
    if (listener !== undefined) entry.watchers.listeners.delete(listener);
  }
}

export const graphModelTasks = {
  /** Loads a shipped graph model (once per worker), reporting shard bytes received of total. */
  async graphModelLoad(name: string, onProgress?: Progress): Promise<GraphModelInfo> {
    return (await graphLoaded(graphName(name), onProgress)).info;
  },

  /**
   * Runs a person/background graph model on one RGB image ([height, width, 3] in [0, 1]): the image
   * is resized to the model's input, its sigmoid output back to height × width. Returned like
   * modelRun's result: classes background and person, probabilities [height, width, 2].
   */
  async graphModelRun(name: string, rgb: Float32Array, height: number, width: number): Promise<ModelRunResult> {
    const m = await graphLoaded(graphName(name));
    for (const side of [height, width]) {
      if (!Number.isInteger(side) || side < PHOTO_SIDE.min || side > PHOTO_SIDE.max) {
        throw new Error(`${m.info.title} takes sides from ${PHOTO_SIDE.min} to ${PHOTO_SIDE.max}, not ${side}`);
      }
    }
    if (rgb.length !== height * width * 3) {
      throw new Error(`image has ${rgb.length} values, not ${height}×${width}×3`);
    }
    if (!rgb.every(Number.isFinite)) throw new Error('image has values that are not finite numbers');
    const { height: inH, width: inW } = m.info.input;
    const [probsT, classT] = tf.tidy(() => {
      const x = tf.image.resizeBilinear(tf.tensor4d(rgb, [1, height, width, 3]), [inH, inW], false, true);
      const y = m.model.predict(x) as tf.Tensor4D;
      const person = tf.image
        .resizeBilinear(y, [height, width], false, true)
        .clipByValue(0, 1)
        .reshape([height, width, 1]);
      return [tf.concat([tf.sub(1, person), person], -1), tf.greater(person, 0.5).reshape([height, width])];
    });
    const [probabilities, classes] = await readBack(probsT!, classT!);
    const classMap = Uint8Array.from(classes!);
    const result: ModelRunResult = {
      height,
      width,
      classes: 2,
      classMap,
      probabilities: probabilities!,
      activations: {},
    };
    return Comlink.transfer(result, [probabilities!.buffer, classMap.buffer]);
  },
};
