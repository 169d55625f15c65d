/**
 * The band along a label map's boundaries: pixels with a pixel of another class within `width`
 * pixels (a (2·width + 1)-square window). Errors inside it are boundary errors, the ones a decoder
 * (DeepLab v3+) is meant to fix; errors outside it are whole regions missed or invented.
 */
import * as tf from '@tensorflow/tfjs';

/** [H, W] labels → [H, W] bool, true on the band. */
export function boundaryBand(labels: tf.Tensor2D, width: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [h, w] = labels.shape;
    const x = labels.toFloat().reshape([1, h, w, 1]) as tf.Tensor4D;
    const size = 2 * width + 1;
    // Windows cut by the map's edge only look at pixels inside it.
    const high = tf.maxPool(x, size, 1, 'same');
    const low = tf.neg(tf.maxPool(tf.neg(x), size, 1, 'same'));
    return high.notEqual(low).reshape([h, w]) as tf.Tensor2D;
  });
}
