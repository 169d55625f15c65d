/**
 * Effective receptive field (Luo, Li, Urtasun & Zemel, NeurIPS 2016): the gradient of one output
 * pixel with respect to the input of a stack of single-channel 'same'-padded convs, as a heat map.
 * It is roughly Gaussian and fills only part of the theoretical field.
 */
import * as tf from '@tensorflow/tfjs';
import { paddingFor } from './conv-arithmetic.ts';
import { dilatedConv2dSpaceToBatch } from './dilated-conv.ts';
import type { LayerSpec } from './receptive-field.ts';

export interface ErfOptions {
  /** 'uniform': every tap 1/k² (Luo et al.'s uniform case); 'random': seeded normal weights */
  weights?: 'uniform' | 'random';
  activation?: 'linear' | 'relu';
  /** seed for the random weights and the input (the input only matters with ReLU) */
  seed?: number;
  /** output pixel whose field we want; default the centre of the output map */
  row?: number;
  col?: number;
}

/** Inclusive input rectangle around the pixels one output can see (its theoretical receptive field). */
export interface FieldBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Output size of each layer under 'same' padding: ⌈n / s⌉. */
function mapSizes(layers: readonly LayerSpec[], inputSize: number): number[] {
  const sizes = [inputSize];
  for (const l of layers) sizes.push(Math.ceil(sizes.at(-1)! / (l.stride ?? 1)));
  return sizes;
}

/**
 * The input indices along one axis with a path to output `index`: last layer first, each reached
 * output o reads o·s − before + t·d (t = 0 … k − 1), and a tap on padding reaches nothing.
 * Returns the first and last reached index, or null when every path ends in padding.
 */
function reachedSpan(layers: readonly LayerSpec[], inputSize: number, index: number): [number, number] | null {
  const sizes = mapSizes(layers, inputSize);
  if (!Number.isInteger(index) || index < 0 || index >= sizes.at(-1)!) {
    throw new RangeError(`output ${index} is outside the ${sizes.at(-1)}-pixel output map`);
  }
  let reached = [index];
  for (let l = layers.length - 1; l >= 0; l--) {
    const { kernel, stride = 1, dilation = 1 } = layers[l]!;
    const before = paddingFor('same', sizes[l]!, kernel, stride, dilation).before;
    const below = new Uint8Array(sizes[l]!);
    for (const o of reached) {
      for (let t = 0; t < kernel; t++) {
        const i = o * stride - before + t * dilation;
        if (i >= 0 && i < below.length) below[i] = 1;
      }
    }
    reached = Array.from(below.keys()).filter((i) => below[i] === 1);
  }
  return reached.length === 0 ? null : [reached[0]!, reached.at(-1)!];
}

/**
 * The box of the input pixels output (row, col) can reach on an n×n input, through taps that land
 * inside every map (null when all its paths end in padding). Not the span clipped layer by layer:
 * where clipping meets the gaps of strides or dilations that span is larger. A k×k tap is inside
 * when its row and its column are, so the reached set is rows × columns and the box comes from
 * the two 1-D spans.
 */
export function theoreticalFieldBox(
  layers: readonly LayerSpec[],
  inputSize: number,
  row: number,
  col: number,
): FieldBox | null {
  const rows = reachedSpan(layers, inputSize, row);
  const cols = reachedSpan(layers, inputSize, col);
  return rows && cols ? { top: rows[0], left: cols[0], bottom: rows[1], right: cols[1] } : null;
}

/** The [k, k, 1, 1] filters outputGradient uses for these options (exported so tests and figures can show them). */
export function stackFilters(
  layers: readonly LayerSpec[],
  weights: 'uniform' | 'random' = 'uniform',
  seed = 0,
): tf.Tensor4D[] {
  return layers.map(({ kernel }, l) =>
    weights === 'uniform'
      ? (tf.fill([kernel, kernel, 1, 1], 1 / (kernel * kernel)) as tf.Tensor4D)
      : (tf.randomNormal([kernel, kernel, 1, 1], 0, 1, 'float32', seed + 1 + l) as tf.Tensor4D),
  );
}

/** ∂y[row, col] / ∂x for an n×n single-channel input, raw (signed), as [n, n]. */
export function outputGradient(layers: readonly LayerSpec[], inputSize: number, options: ErfOptions = {}): tf.Tensor2D {
  const { weights = 'uniform', activation = 'linear', seed = 0 } = options;
  const outSize = mapSizes(layers, inputSize).at(-1)!;
  const row = options.row ?? Math.floor(outSize / 2);
  const col = options.col ?? Math.floor(outSize / 2);
  return tf.tidy(() => {
    const filters = stackFilters(layers, weights, seed);
    const forward = (x: tf.Tensor): tf.Tensor => {
      let y = x as tf.Tensor4D;
      layers.forEach(({ stride = 1, dilation = 1 }, l) => {
        if (stride > 1 && dilation > 1) throw new RangeError('a layer cannot have both stride > 1 and dilation > 1');
        // tfjs-core's Conv2D gradient throws for dilation > 1 ("dilation rates greater than 1 are
        // not yet supported in gradients"), so dilated layers go through spaceToBatchND → conv →
        // batchToSpaceND, whose pieces all have gradients and which computes the same thing.
        y =
          dilation > 1
            ? dilatedConv2dSpaceToBatch(y, filters[l]!, dilation, 'same')
            : tf.conv2d(y, filters[l]!, stride, 'same');
        if (activation === 'relu' && l < layers.length - 1) y = tf.relu(y);
      });
      return y.slice([0, row, col, 0], [1, 1, 1, 1]).sum();
    };
    const x = tf.randomNormal([1, inputSize, inputSize, 1], 0, 1, 'float32', seed);
    return tf.grad(forward)(x).reshape([inputSize, inputSize]) as tf.Tensor2D;
  });
}

/** |∂y/∂x| scaled to a maximum of 1, ready for a heat map. */
export function effectiveReceptiveField(
  layers: readonly LayerSpec[],
  inputSize: number,
  options: ErfOptions = {},
): tf.Tensor2D {
  return tf.tidy(() => {
    const g = outputGradient(layers, inputSize, options).abs();
    const max = g.max();
    return tf.where(max.greater(0), g.div(max), g) as tf.Tensor2D;
  });
}
