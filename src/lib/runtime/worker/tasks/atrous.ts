import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { dilatedConv2d, dilatedConv2dSpaceToBatch, dilateKernel } from '../../../ops/dilated-conv.ts';
import { effectiveReceptiveField, type FieldBox, theoreticalFieldBox } from '../../../ops/effective-receptive-field.ts';
import { griddingCounts } from '../../../ops/gridding.ts';
import { type LayerSpec, receptiveField } from '../../../ops/receptive-field.ts';
import { spaceToBatchSteps } from '../../../ops/space-to-batch.ts';
import { validTapCountsByRate, validTapHistogramsByRate } from '../../../ops/valid-taps-by-rate.ts';
import { readBack } from '../read-back.ts';
import type { AtrousKernel } from './atrous-kernels.ts';

/** The fixed 3x3 kernels a reader can pick; 'random' is seeded normal weights. */
const FIXED_KERNELS: Record<Exclude<AtrousKernel, 'random'>, number[]> = {
  edges: [0, 1, 0, 1, -4, 1, 0, 1, 0], // Laplacian: responds where the image bends
  vertical: [-1, 0, 1, -2, 0, 2, -1, 0, 1], // Sobel x: responds to vertical edges
  blur: Array<number>(9).fill(1 / 9),
};

function kernelTensor(kernel: AtrousKernel, seed: number): tf.Tensor4D {
  return kernel === 'random'
    ? tf.randomNormal([3, 3, 1, 1], 0, 1 / 3, 'float32', seed)
    : tf.tensor4d(FIXED_KERNELS[kernel], [3, 3, 1, 1]);
}

export interface ConvImageResult {
  /** the dilated conv's output, size×size, 'same' padding */
  output: Float32Array;
  /** the 3x3 weights */
  weights: Float32Array;
  /** the same weights spread to k̂×k̂ with zeros between the taps */
  dilated: Float32Array;
  effectiveKernel: number;
  parameters: number;
}

export interface SpaceToBatchResult {
  /** rate² sub-maps of side size/rate, one after another */
  subMaps: Float32Array;
  /** each sub-map after the ordinary 3x3 conv */
  convolved: Float32Array;
  /** batchToSpaceND of the convolved sub-maps, size×size */
  output: Float32Array;
  /** largest |output − tf.conv2d with dilations = rate| */
  maxDiff: number;
}

export interface ErfResult {
  /** |∂y/∂x| scaled to peak 1, size×size */
  heat: Float32Array;
  size: number;
  /** the input pixels the output can reach through non-padding taps; null when it reaches none */
  box: FieldBox | null;
  theoretical: number;
  /** root-mean-square distance of the gradient mass from the output pixel, in input pixels */
  sigma: number;
  /** share of the theoretical field's area where the gradient is at least 10% of its peak */
  strongShare: number;
  /** input pixels with a non-zero gradient (0 when ReLU has switched the output's paths off) */
  reached: number;
}

export interface ValidTapsResult {
  rates: number[];
  /** histograms[i][j]: fraction of positions with exactly j valid taps at rates[i] */
  histograms: number[][];
  /** mean share of the k² taps that are valid, over positions, per rate ("valid weights") */
  meanValid: number[];
}

export interface GriddingResult {
  counts: Float32Array;
  size: number;
  /** input pixels of the field that reach the output by no path */
  holes: number;
}

export const atrousTasks = {
  /** A grey image (levels 0..1) through one 3x3 dilated conv, with the kernel it used. */
  async atrousConvImage(
    image: Float32Array,
    size: number,
    kernel: AtrousKernel,
    seed: number,
    rate: number,
  ): Promise<ConvImageResult> {
    const [out, weights, dilated] = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, size, size, 1]);
      const w = kernelTensor(kernel, seed);
      return [dilatedConv2d(x, w, rate, 'same'), w, dilateKernel(w, rate)];
    });
    const effectiveKernel = dilated.shape[0];
    const parameters = weights.size;
    const [output, wData, dData] = await readBack(out, weights, dilated);
    return Comlink.transfer({ output: output!, weights: wData!, dilated: dData!, effectiveKernel, parameters }, [
      output!.buffer,
    ]);
  },

  /**
   * Largest |tf.conv2d with dilations − spaceToBatchND → conv → batchToSpaceND| over the image,
   * for seeded random 3x3 weights at every rate 1…maxRate (run once: it does not change as the
   * reader moves the rate).
   */
  async atrousSpaceToBatchCheck(image: Float32Array, size: number, maxRate: number): Promise<number> {
    const diff = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, size, size, 1]);
      const w = kernelTensor('random', 2017);
      const diffs = Array.from({ length: maxRate }, (_, i) =>
        tf.max(tf.abs(dilatedConv2d(x, w, i + 1, 'same').sub(dilatedConv2dSpaceToBatch(x, w, i + 1, 'same')))),
      );
      return tf.max(tf.stack(diffs));
    });
    const [d] = await readBack(diff);
    return d![0]!;
  },

  /** The three steps of spaceToBatchND → conv → batchToSpaceND on a grey image, and their distance from tf.conv2d with dilations. */
  async atrousSpaceToBatch(
    image: Float32Array,
    size: number,
    kernel: AtrousKernel,
    seed: number,
    rate: number,
  ): Promise<SpaceToBatchResult> {
    const [subT, convT, outT, diffT] = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, size, size, 1]);
      const w = kernelTensor(kernel, seed);
      const steps = spaceToBatchSteps(x, w, rate);
      const diff = tf.max(tf.abs(steps.output.sub(dilatedConv2d(x, w, rate, 'same'))));
      return [steps.subMaps, steps.convolved, steps.output, diff];
    });
    const [subMaps, convolved, output, diff] = await readBack(subT, convT, outT, diffT);
    return Comlink.transfer({ subMaps: subMaps!, convolved: convolved!, output: output!, maxDiff: diff![0]! }, [
      output!.buffer,
    ]);
  },

  /** Effective receptive field of `depth` 3x3 layers at one dilation, on a map that holds the field. */
  async atrousErf(
    depth: number,
    dilation: number,
    weights: 'uniform' | 'random',
    activation: 'linear' | 'relu',
    seed: number,
  ): Promise<ErfResult> {
    const layers: LayerSpec[] = Array.from({ length: depth }, () => ({ kernel: 3, dilation }));
    const theoretical = receptiveField(layers);
    // a margin of 4 around the field, odd so one pixel is the centre
    const size = theoretical + 8;
    const centre = (size - 1) / 2;
    const box = theoreticalFieldBox(layers, size, centre, centre);
    const [heatT, sigmaT, strongT, reachedT] = tf.tidy(() => {
      const heat = effectiveReceptiveField(layers, size, { weights, activation, seed });
      const coords = tf.range(0, size).sub(centre).square();
      const dist2 = coords.reshape([size, 1]).add(coords.reshape([1, size]));
      const sigma = heat.mul(dist2).sum().div(heat.sum()).sqrt();
      const strong = heat
        .greaterEqual(0.1)
        .sum()
        .div(theoretical * theoretical);
      return [heat, sigma, strong, heat.greater(0).sum()];
    });
    const [heat, sigma, strong, reached] = await readBack(heatT, sigmaT, strongT, reachedT);
    return Comlink.transfer(
      { heat: heat!, size, box, theoretical, sigma: sigma![0]!, strongShare: strong![0]!, reached: reached![0]! },
      [heat!.buffer],
    );
  },

  /** DeepLab v3 Fig. 4: the curves of every rate 1..maxRate on a size×size map; they change only with the size. */
  async atrousValidTaps(size: number, maxRate: number): Promise<ValidTapsResult> {
    const taps = 9;
    const rates = Array.from({ length: maxRate }, (_, i) => i + 1);
    const [histT, meanT] = tf.tidy(() => {
      const hist = validTapHistogramsByRate(size, rates);
      // Σⱼ j·p(j) / 9 for every rate at once
      const mean = hist.matMul(
        tf
          .range(0, taps + 1)
          .div(taps)
          .reshape([taps + 1, 1]) as tf.Tensor2D,
      );
      return [hist, mean];
    });
    const [hist, mean] = await readBack(histT, meanT);
    const histograms = rates.map((_, i) => Array.from(hist!.subarray(i * (taps + 1), (i + 1) * (taps + 1))));
    return { rates, histograms, meanValid: Array.from(mean!) };
  },

  /** Share of positions of a size×size map where all nine taps of a 3x3 filter are valid, per rate. */
  async atrousAllValidShares(size: number, rates: number[]): Promise<number[]> {
    const [hist] = await readBack(tf.tidy(() => validTapHistogramsByRate(size, rates).slice([0, 9], [-1, 1])));
    return Array.from(hist!);
  },

  /** The valid-tap count at every position of a size×size map for one rate. */
  async atrousValidTapCounts(size: number, rate: number): Promise<Float32Array> {
    const [counts] = await readBack(tf.tidy(() => validTapCountsByRate(size, [rate])));
    return Comlink.transfer(counts!, [counts!.buffer]);
  },

  /** Path counts from each input pixel to one output, per list of rates (3x3 layers). */
  async atrousGridding(rateLists: number[][]): Promise<GriddingResult[]> {
    const maps = tf.tidy(() => rateLists.map((rates) => griddingCounts(rates)));
    const holesT = tf.tidy(() => maps.map((m) => m.equal(0).sum()));
    const sizes = maps.map((m) => m.shape[0]);
    const data = await readBack(...maps, ...holesT);
    return rateLists.map((_, i) => ({ counts: data[i]!, size: sizes[i]!, holes: data[rateLists.length + i]![0]! }));
  },
};
