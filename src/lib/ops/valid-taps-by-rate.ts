/**
 * The valid-tap counts of valid-taps.ts for many rates in one pass, cheap enough to redraw DeepLab
 * v3's Fig. 4 every frame. A k×k filter's taps are the product of k rows and k columns, so under
 * 'same' padding the count at (y, x) is c(y)·c(x), where c counts the taps of a 1-D filter that
 * land inside the map. (One conv per rate instead pads the map by up to the rate on each side.)
 */
import * as tf from '@tensorflow/tfjs';

/** Valid taps at every position for each rate, [rates, n, n]. */
export function validTapCountsByRate(size: number, rates: readonly number[], kernel = 3): tf.Tensor3D {
  return tf.tidy(() => {
    const r = tf.tensor1d([...rates], 'int32').reshape([-1, 1]);
    // tf 'same' padding puts ⌊(k̂ − 1)/2⌋ = ⌊(k − 1)·r/2⌋ zeros first
    const before = r.mul(kernel - 1).floorDiv(2);
    const start = tf.range(0, size, 1, 'int32').reshape([1, -1]).sub(before);
    let counts1d = tf.zeros([rates.length, size], 'int32');
    for (let t = 0; t < kernel; t++) {
      const tap = start.add(r.mul(t));
      counts1d = counts1d.add(tap.greaterEqual(0).logicalAnd(tap.less(size)).cast('int32'));
    }
    const c = counts1d.cast('float32');
    return c.expandDims(2).mul(c.expandDims(1)) as tf.Tensor3D;
  });
}

/** Share of positions with exactly j valid taps, j = 0 … k², for each rate: [rates, k² + 1]. */
export function validTapHistogramsByRate(size: number, rates: readonly number[], kernel = 3): tf.Tensor2D {
  return tf.tidy(() => {
    const counts = validTapCountsByRate(size, rates, kernel).reshape([rates.length, -1]).toInt() as tf.Tensor2D;
    return tf.denseBincount(counts, [], kernel * kernel + 1).div(size * size) as tf.Tensor2D;
  });
}
