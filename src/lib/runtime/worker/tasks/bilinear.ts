import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import {
  cellEdges,
  cellValue,
  cellWeights,
  resizeBilinear,
  resizeBilinearTf,
  resizeNearest,
} from '../../../ops/bilinear.ts';
import { axisSamples, type Convention } from '../../../ops/bilinear-coordinates.ts';
import { readBack } from '../read-back.ts';

export interface CellResult {
  weights: Float32Array;
  value: number;
  /** The 1-D interpolations along the top and bottom edges at fx. */
  top: number;
  bottom: number;
}

export interface UpsampleResult {
  ours: Float32Array;
  tfjs: Float32Array;
  maxDiff: number;
  /** Input coordinate each output column / row reads, after clamping. */
  sourceX: number[];
  sourceY: number[];
}

export interface PhotoResult {
  nearest: Uint8ClampedArray;
  halfPixel: Uint8ClampedArray;
  alignCorners: Uint8ClampedArray;
  /** |half-pixel − align-corners| per pixel, averaged over RGB, in 0..255. */
  difference: Float32Array;
}

export const bilinearTasks = {
  async bilinearCell(corners: [number, number, number, number], fx: number, fy: number): Promise<CellResult> {
    const c = tf.tensor1d(corners);
    const [weights, value, edges] = await readBack(cellWeights(fx, fy), cellValue(c, fx, fy), cellEdges(c, fx));
    c.dispose();
    return { weights: weights!, value: value![0]!, top: edges![0]!, bottom: edges![1]! };
  },

  async bilinearUpsample(
    values: Float32Array,
    inSize: [number, number],
    outSize: [number, number],
    convention: Convention,
  ): Promise<UpsampleResult> {
    const input = tf.tensor4d(values, [1, inSize[0], inSize[1], 1]);
    const ours = resizeBilinear(input, outSize, convention);
    const theirs = resizeBilinearTf(input, outSize, convention);
    const diff = tf.tidy(() => tf.max(tf.abs(ours.sub(theirs))));
    input.dispose();
    const [a, b, d] = await readBack(ours, theirs, diff);
    const centre = (s: { lo: number; hi: number; frac: number }) => s.lo + s.frac;
    return {
      ours: a!,
      tfjs: b!,
      maxDiff: d![0]!,
      sourceX: axisSamples(inSize[1], outSize[1], convention).map(centre),
      sourceY: axisSamples(inSize[0], outSize[0], convention).map(centre),
    };
  },

  /** Upsamples an RGBA crop three ways; the results share one transferred buffer. */
  async bilinearPhoto(
    pixels: Uint8ClampedArray,
    size: [number, number],
    outSize: [number, number],
  ): Promise<PhotoResult> {
    const [images, differenceT] = tf.tidy(() => {
      const image = tf
        .tensor3d(Int32Array.from(pixels), [size[0], size[1], 4], 'int32')
        .slice([0, 0, 0], [-1, -1, 3])
        .toFloat()
        .expandDims(0) as tf.Tensor4D;
      const half = resizeBilinear(image, outSize, 'half-pixel');
      const align = resizeBilinear(image, outSize, 'align-corners');
      const all = tf.concat([resizeNearest(image, outSize, 'half-pixel'), half, align]).clipByValue(0, 255);
      // Opaque alpha padded on, so each image is canvas-ready RGBA.
      return [
        tf.pad(
          all,
          [
            [0, 0],
            [0, 0],
            [0, 0],
            [0, 1],
          ],
          255,
        ),
        tf.mean(tf.abs(half.sub(align)), 3).squeeze([0]),
      ];
    });
    const [rgba, difference] = await readBack(images, differenceT);
    const bytes = Uint8ClampedArray.from(rgba!);
    const n = outSize[0] * outSize[1] * 4;
    const result = {
      nearest: bytes.subarray(0, n),
      halfPixel: bytes.subarray(n, 2 * n),
      alignCorners: bytes.subarray(2 * n),
      difference: difference!,
    };
    return Comlink.transfer(result, [bytes.buffer, difference!.buffer]);
  },
};
