/**
 * Atrous convolution the way TensorFlow's first atrous_conv2d computed it, step by step, for
 * showing each step: spaceToBatchND splits the map into rate×rate interleaved sub-maps, an
 * ordinary 3x3 'same' conv runs on each, batchToSpaceND interleaves the results back. For a map
 * side divisible by the rate this equals the dilated conv with 'same' padding (the rate zeros of
 * padding become one zero around each sub-map). dilated-conv.ts has the general form.
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

/** x: [1, h, w, c] with h and w divisible by `rate`; filter: [k, k, c, cout]. */
export function spaceToBatchSteps(x: tf.Tensor4D, filter: tf.Tensor4D, rate: number): SpaceToBatchSteps {
  const [, h, w] = x.shape;
  if (h % rate !== 0 || w % rate !== 0) throw new RangeError(`map ${h}×${w} is not divisible by rate ${rate}`);
  return tf.tidy(() => {
    const subMaps = tf.spaceToBatchND(x, [rate, rate], [[0, 0], [0, 0]]) as tf.Tensor4D;
    const convolved = tf.conv2d(subMaps, filter, 1, 'same');
    const output = tf.batchToSpaceND(convolved, [rate, rate], [[0, 0], [0, 0]]) as tf.Tensor4D;
    return { subMaps, convolved, output };
  });
}
