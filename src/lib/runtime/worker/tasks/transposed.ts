import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { readBack } from '../read-back.ts';
import { bilinearKernel, bilinearTaps, bilinearTransposedUpsample, borderWidth } from '../../../ops/bilinear-kernel.ts';
import { convOutputSize } from '../../../ops/conv-arithmetic.ts';
import {
  applyMatrix,
  convMatrix,
  outputPaddingFor,
  overlapCounts,
  placeStamp,
  resizeConv,
  stampContributions,
  stampPositions,
  transposedConv2d,
  transposedConv2dSingle,
  type Stamp,
} from '../../../ops/transposed-conv.ts';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b)));

export interface ScatterResult {
  /** Output side o′ = s(i−1) + k − 2p (square input, square kernel). */
  out: number;
  stamps: Stamp[];
  /** x[r,c]·W for every input pixel, [i·i, k, k] row-major. */
  contributions: Float32Array;
  /** Sum of the first j+1 placed stamps for every j, [i·i, o′, o′]: the output as it builds up. */
  partial: Float32Array;
  /** tf.conv2dTranspose on the same input and kernel. */
  conv: Float32Array;
  /** max |sum of all stamps − tf.conv2dTranspose|. */
  maxDiff: number;
}

export interface MatrixResult {
  /** Side of the conv output (2 for 4×4 ⊛ 3×3 at stride 1 or at stride 2 with padding 1). */
  out: number;
  /** Output padding a the transposed conv needs to return to 4×4. */
  outputPadding: number;
  /** C, [o·o, 16] row-major. */
  c: Float32Array;
  /** Cᵀ·y by matrix product and by tf.conv2dTranspose, each 4×4. */
  byMatrix: Float32Array;
  byConv: Float32Array;
  maxDiff: number;
  /** C·x and Cᵀ(C·x) for the round trip, and max |Cᵀ(C·x) − x|. */
  cx: Float32Array;
  ctcx: Float32Array;
  roundTripDiff: number;
}

export interface CheckerboardResult {
  /** Three upsampled images of side 2·input, grey levels (not clamped): k3, k4, resize-conv. */
  k3: Float32Array;
  k4: Float32Array;
  resize: Float32Array;
  /** The kernels used, 3×3, 4×4 and 3×3. */
  kernels: { k3: Float32Array; k4: Float32Array; resize: Float32Array };
  /** One 2×2 block from the middle of each upsampler's output for a flat input of ones. */
  flat: { k3: Float32Array; k4: Float32Array; resize: Float32Array };
  /** Overlap counts of a small input, and their max:min ratio away from the one-pixel border. */
  overlap3: Float32Array;
  overlap4: Float32Array;
  overlapSide3: number;
  overlapSide4: number;
  ratio3: number;
  ratio4: number;
}

export interface BilinearKernelResult {
  taps: number[];
  /** The 2-D kernel, [k, k]. */
  kernel: Float32Array;
  transposed: Float32Array;
  resized: Float32Array;
  /** transposed − resized. */
  difference: Float32Array;
  /** Width of the border where they may differ, and the largest |difference| inside and on it. */
  border: number;
  interiorMax: number;
  borderMax: number;
}

/** Overlap map side for the checkerboard figure's count grids. */
const OVERLAP_INPUT = 5;

/** The checkerboard's kernels: equal weights, or seeded random positive weights. */
function checkerKernels(mode: 'uniform' | 'random', seed: number): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const make = (k: number, offset: number) =>
    mode === 'uniform' ? tf.ones([k, k]) : tf.randomUniform([k, k], 0.2, 1, 'float32', seed + offset);
  // A stride-2 transposed conv spreads each input over the output at 1/4 density, so its kernel
  // sums to 4 to keep brightness; the resize-conv's kernel averages, so it sums to 1.
  const normalise = (w: tf.Tensor, total: number) => w.div(w.sum()).mul(total) as tf.Tensor2D;
  return [normalise(make(3, 0), 4), normalise(make(4, 1), 4), normalise(make(3, 2), 1)];
}

/** A 2×2 block from the middle of an upsampled flat image: one of each output phase. */
const middleBlock = (y: tf.Tensor4D) => y.slice([0, OVERLAP_INPUT - 1, OVERLAP_INPUT - 1, 0], [1, 2, 2, 1]);

function interiorRatio(counts: tf.Tensor2D): tf.Tensor {
  const [h, w] = counts.shape;
  const inner = counts.slice([1, 1], [h - 2, w - 2]);
  return inner.max().div(inner.min());
}

export const transposedTasks = {
  /** The scatter view: every stamp, the running sum of placed stamps, and tf.conv2dTranspose. */
  async transposedScatter(x: Float32Array, side: number, kernel: Float32Array, k: number, stride: number, padding: number): Promise<ScatterResult> {
    const stamps = stampPositions(side, side, stride, padding);
    const tensors = tf.tidy(() => {
      const xt = tf.tensor2d(x, [side, side]);
      const wt = tf.tensor2d(kernel, [k, k]);
      const conv = transposedConv2dSingle(xt, wt, stride, padding);
      const [oh, ow] = conv.shape;
      const contributions = stampContributions(xt, wt);
      const placed = tf.stack(
        stamps.map((s, j) => placeStamp(contributions.slice([j, 0, 0], [1, k, k]).reshape([k, k]) as tf.Tensor2D, s, oh, ow)),
      );
      const partial = tf.cumsum(placed, 0);
      const total = partial.slice([stamps.length - 1, 0, 0], [1, oh, ow]).reshape([oh, ow]);
      return [contributions, partial, conv, maxAbsDiff(total, conv)];
    });
    const out = tensors[2].shape[0];
    const [contributions, partial, conv, diff] = await readBack(...tensors);
    return { out, stamps, contributions, partial, conv, maxDiff: diff[0] };
  },

  /** The matrix view on a 4×4 input and a 3×3 kernel: C, Cᵀ·y both ways, and Cᵀ(C·x) against x. */
  async transposedMatrix(kernel: Float32Array, stride: number, padding: number, x: Float32Array, y: Float32Array): Promise<MatrixResult> {
    const out = convOutputSize(4, 3, stride, padding);
    const outputPadding = outputPaddingFor(4, 3, stride, padding);
    const tensors = tf.tidy(() => {
      const w = tf.tensor2d(kernel, [3, 3]);
      const c = convMatrix(4, 4, w, stride, padding);
      const ct = c.transpose() as tf.Tensor2D;
      const yt = tf.tensor2d(y, [out, out]);
      const xt = tf.tensor2d(x, [4, 4]);
      const byMatrix = applyMatrix(ct, yt, 4, 4);
      const byConv = transposedConv2dSingle(yt, w, stride, padding, outputPadding);
      const cx = applyMatrix(c, xt, out, out);
      const ctcx = applyMatrix(ct, cx, 4, 4);
      return [c, byMatrix, byConv, maxAbsDiff(byMatrix, byConv), cx, ctcx, maxAbsDiff(ctcx, xt)];
    });
    const [c, byMatrix, byConv, diff, cx, ctcx, roundTrip] = await readBack(...tensors);
    return { out, outputPadding, c, byMatrix, byConv, maxDiff: diff[0], cx, ctcx, roundTripDiff: roundTrip[0] };
  },

  /**
   * A grey image upsampled ×2 three ways: transposed conv k3 (p1, a1), k4 (p1) and
   * nearest-resize then 3×3 conv; plus the overlap counts of k3 and k4 at stride 2.
   */
  async transposedCheckerboard(grey: Float32Array, side: number, mode: 'uniform' | 'random', seed: number): Promise<CheckerboardResult> {
    const tensors = tf.tidy(() => {
      const image = tf.tensor4d(grey, [1, side, side, 1]);
      const [w3, w4, wr] = checkerKernels(mode, seed);
      const filter = (w: tf.Tensor2D) => w.reshape([w.shape[0], w.shape[1], 1, 1]) as tf.Tensor4D;
      const flat = tf.ones([1, OVERLAP_INPUT, OVERLAP_INPUT, 1]) as tf.Tensor4D;
      const overlap3 = overlapCounts(OVERLAP_INPUT, OVERLAP_INPUT, 3, 2, 1);
      const overlap4 = overlapCounts(OVERLAP_INPUT, OVERLAP_INPUT, 4, 2, 1);
      return [
        transposedConv2d(image, filter(w3), 2, 1, 1),
        transposedConv2d(image, filter(w4), 2, 1),
        resizeConv(image, filter(wr), 2),
        w3, w4, wr,
        overlap3, overlap4,
        interiorRatio(overlap3), interiorRatio(overlap4),
        middleBlock(transposedConv2d(flat, filter(w3), 2, 1, 1)),
        middleBlock(transposedConv2d(flat, filter(w4), 2, 1)),
        middleBlock(resizeConv(flat, filter(wr), 2)),
      ];
    });
    const overlapSide3 = tensors[6].shape[0];
    const overlapSide4 = tensors[7].shape[0];
    const [k3, k4, resize, w3, w4, wr, overlap3, overlap4, ratio3, ratio4, flat3, flat4, flatResize] = await readBack(...tensors);
    const result = {
      k3, k4, resize,
      kernels: { k3: w3, k4: w4, resize: wr },
      flat: { k3: flat3, k4: flat4, resize: flatResize },
      overlap3, overlap4, overlapSide3, overlapSide4,
      ratio3: ratio3[0], ratio4: ratio4[0],
    };
    return Comlink.transfer(result, [k3.buffer]);
  },

  /**
   * FCN's bilinear kernel for an even factor (k = 2·factor, stride factor, padding factor/2) as a
   * transposed conv, against tf.image.resizeBilinear with half-pixel centres.
   */
  async transposedBilinear(values: Float32Array, side: number, factor: number): Promise<BilinearKernelResult> {
    const k = 2 * factor;
    const border = borderWidth(factor);
    const tensors = tf.tidy(() => {
      const x = tf.tensor4d(values, [1, side, side, 1]);
      const big = side * factor;
      const transposed = bilinearTransposedUpsample(x, factor);
      const resized = tf.image.resizeBilinear(x, [big, big], false, true);
      const difference = transposed.sub(resized).reshape([big, big]);
      const inner = big - 2 * border;
      const borderMask = tf.pad(tf.zeros([inner, inner]), [[border, border], [border, border]], 1);
      const interiorMax = difference.slice([border, border], [inner, inner]).abs().max();
      const borderMax = difference.abs().mul(borderMask).max();
      return [bilinearKernel(k), transposed, resized, difference, interiorMax, borderMax];
    });
    const [kernel, transposed, resized, difference, interiorMax, borderMax] = await readBack(...tensors);
    return {
      taps: bilinearTaps(k), kernel, transposed, resized, difference,
      border, interiorMax: interiorMax[0], borderMax: borderMax[0],
    };
  },
};
