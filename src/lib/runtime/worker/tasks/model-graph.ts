// A loaded model's layer graph at one input size: every layer's output shape, and per axis the
// receptive-field nodes (src/lib/ops/field-graph.ts) its kernels, strides and paddings make.
import type * as tf from '@tensorflow/tfjs';
import type { FieldNode, FieldOp } from '../../../ops/field-graph.ts';

export interface LayerShape {
  name: string;
  /** tfjs class name, e.g. Conv2D, MaxPooling2D, Conv2DTranspose, CropToMatch. */
  className: string;
  /** Output shape for one image of the given size: [1, h, w, c], or [1, c] after flatten/global pooling. */
  shape: number[];
}

interface GraphLayer extends LayerShape {
  inputs: string[];
  config: tf.serialization.ConfigDict;
}

const pair = (v: unknown): [number, number] =>
  Array.isArray(v) ? [v[0] as number, v[1] as number] : [v as number, v as number];

/** Layers in topological order with their inputs and output shapes for a [1, height, width, 1] image. */
export function layerGraph(model: tf.LayersModel, height: number, width: number): GraphLayer[] {
  const shapes = new Map<string, number[]>();
  return model.layers.map((layer) => {
    const inputs = (layer.inboundNodes[0]?.inboundLayers ?? []).map((l) => l.name);
    let shape: number[];
    if (inputs.length === 0) {
      shape = [1, height, width, (layer.batchInputShape?.at(-1) as number | undefined) ?? 1];
    } else {
      const inShapes = inputs.map((i) => shapes.get(i)!);
      shape = layer.computeOutputShape(inShapes.length === 1 ? inShapes[0]! : inShapes) as number[];
    }
    shapes.set(layer.name, shape);
    return { name: layer.name, className: layer.getClassName(), shape, inputs, config: layer.getConfig() };
  });
}

/** Spatial length of a shape on an axis (0 rows, 1 columns); a rank-2 shape has none, so 1. */
const spatial = (shape: number[], axis: 0 | 1): number => (shape.length === 4 ? shape[1 + axis]! : 1);

/** tf's 'same' padding: the total a window needs to give ⌈n/s⌉ outputs, the smaller half first. */
function padBefore(padding: unknown, n: number, out: number, stride: number, span: number): number {
  return padding === 'same' ? Math.floor(Math.max((out - 1) * stride + span - n, 0) / 2) : 0;
}

function fieldOp(layer: GraphLayer, inputShapes: number[][], axis: 0 | 1): { op: FieldOp; inputs: string[] } {
  const c = layer.config;
  const n = spatial(inputShapes[0] ?? [], axis);
  const out = spatial(layer.shape, axis);
  switch (layer.className) {
    case 'InputLayer':
      return { op: { kind: 'input' }, inputs: [] };
    case 'Conv2D':
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const pool = layer.className !== 'Conv2D';
      const kernel = pair(pool ? c.poolSize : c.kernelSize)[axis];
      const stride = pair(c.strides ?? (pool ? c.poolSize : 1))[axis];
      const dilation = pool ? 1 : pair(c.dilationRate ?? 1)[axis];
      const span = (kernel - 1) * dilation + 1;
      const before = padBefore(c.padding, n, out, stride, span);
      return { op: { kind: 'window', kernel, stride, dilation, padBefore: before }, inputs: layer.inputs };
    }
    case 'Conv2DTranspose': {
      const kernel = pair(c.kernelSize)[axis];
      const stride = pair(c.strides)[axis];
      // tfjs computes it as the gradient of a forward conv from the output (size n·s) to the input.
      const before = c.padding === 'same' ? Math.floor(Math.max(kernel - stride, 0) / 2) : 0;
      return { op: { kind: 'transposed', kernel, stride, padBefore: before }, inputs: layer.inputs };
    }
    case 'CropToMatch':
      // Only the first input's values are read; the second gives the size.
      return { op: { kind: 'crop', offset: Math.floor((n - out) / 2) }, inputs: layer.inputs.slice(0, 1) };
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
    case 'Flatten':
      return { op: { kind: 'global' }, inputs: layer.inputs };
    case 'Activation':
    case 'ReLU':
    case 'BatchNormalization':
    case 'Add':
    case 'Concatenate':
    case 'Reshape':
    case 'Dense':
      return { op: { kind: 'pointwise' }, inputs: layer.inputs };
    default:
      throw new Error(`no receptive-field rule for layer ${layer.name} (${layer.className})`);
  }
}

/** The graph as receptive-field nodes on one axis (0 rows, 1 columns). */
export function fieldNodes(graph: readonly GraphLayer[], axis: 0 | 1): FieldNode[] {
  const shapes = new Map(graph.map((l) => [l.name, l.shape]));
  return graph.map((layer) => {
    const { op, inputs } = fieldOp(
      layer,
      layer.inputs.map((i) => shapes.get(i)!),
      axis,
    );
    return { name: layer.name, op, inputs, size: spatial(layer.shape, axis) };
  });
}
