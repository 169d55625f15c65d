/**
 * Atrous convolution the way TensorFlow's first atrous_conv2d computed it, step by step, for
 * showing each step: spaceToBatchND splits the map into rate×rate interleaved sub-maps, an
 * ordinary 'same' conv runs on each, batchToSpaceND interleaves the results back. This equals
 * the dilated conv with 'same' padding for odd kernel sides only: there tf pads r(k − 1)/2 zeros
 * on each side of the map, a whole (k − 1)/2 zeros around each sub-map. For an even side tf puts
 * ⌊r(k − 1)/2⌋ zeros first, ⌊r/2⌋ more than a whole number of sub-map cells, and the result
 * would come out shifted; such kernels are refused. dilated-conv.ts has the general form.
 */
import * as tf from '@tensorflow/tfjs';

export interface SpaceToBatchSteps {
  /** [rate², h/rate, w/rate, c]: sub-map a·rate + b holds x[a + rate·i, b + rate·j] */
  subMaps: tf.Tensor4D;
  /** each sub-map after the ordinary conv */
  convolved: tf.Tensor4D;
  /** the sub-maps interleaved back: [1, h, w, cout] */
  output: tf.Tensor4D;
}

/** x: [1, h, w, c] with h and w divisible by `rate`; filter: [kh, kw, c, cout] with kh and kw odd. */
export function spaceToBatchSteps(x: tf.Tensor4D, filter: tf.Tensor4D, rate: number): SpaceToBatchSteps {
  const [, h, w] = x.shape;
  const [kh, kw] = filter.shape;
  if (h % rate !== 0 || w % rate !== 0) throw new RangeError(`map ${h}×${w} is not divisible by rate ${rate}`);
  if (kh % 2 === 0 || kw % 2 === 0) {
    throw new RangeError(`kernel ${kh}×${kw}: the step-by-step form needs odd sides (use dilatedConv2dSpaceToBatch)`);
  }
  return tf.tidy(() => {
    const subMaps = tf.spaceToBatchND(
      x,
      [rate, rate],
      [
        [0, 0],
        [0, 0],
      ],
    ) as tf.Tensor4D;
    const convolved = tf.conv2d(subMaps, filter, 1, 'same');
    const output = tf.batchToSpaceND(
      convolved,
      [rate, rate],
      [
        [0, 0],
        [0, 0],
      ],
    ) as tf.Tensor4D;
    return { subMaps, convolved, output };
  });
}
