/**
 * The valid-tap counts of valid-taps.ts for many rates in one pass, cheap enough to redraw DeepLab
 * v3's Fig. 4 every frame. A k×k filter's taps are the product of k rows and k columns, so under
 * 'same' padding the count at (y, x) is c(y)·c(x), where c counts the taps of a 1-D filter that
 * land inside the map, and the histogram follows from the 1-D one. (One conv per rate instead pads
 * the map by up to the rate on each side.)
 */
import * as tf from '@tensorflow/tfjs';

/** Valid taps of a 1-D k-tap filter at each position, for each rate: [rates, n], int32. */
function validTapCounts1d(size: number, rates: readonly number[], kernel: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = tf.tensor1d([...rates], 'int32').reshape([-1, 1]);
    // tf 'same' padding puts ⌊(k̂ − 1)/2⌋ = ⌊(k − 1)·r/2⌋ zeros first
    const before = r.mul(kernel - 1).floorDiv(2);
    const start = tf.range(0, size, 1, 'int32').reshape([1, -1]).sub(before);
    let counts = tf.zeros([rates.length, size], 'int32');
    for (let t = 0; t < kernel; t++) {
      const tap = start.add(r.mul(t));
      counts = counts.add(tap.greaterEqual(0).logicalAnd(tap.less(size)).cast('int32'));
    }
    return counts as tf.Tensor2D;
  });
}

/** Valid taps at every position for each rate, [rates, n, n]. */
export function validTapCountsByRate(size: number, rates: readonly number[], kernel = 3): tf.Tensor3D {
  return tf.tidy(() => {
    const c = validTapCounts1d(size, rates, kernel).cast('float32');
    return c.expandDims(2).mul(c.expandDims(1)) as tf.Tensor3D;
  });
}

/**
 * Share of positions with exactly j valid taps, j = 0 … k², for each rate: [rates, k² + 1].
 * Rows and columns are independent, so with p(a) the share of 1-D positions with a valid taps,
 * the share of 2-D positions with j = a·b valid taps is Σ_{a·b = j} p(a)·p(b): no n×n map needed.
 */
export function validTapHistogramsByRate(size: number, rates: readonly number[], kernel = 3): tf.Tensor2D {
  return tf.tidy(() => {
    const p = tf.oneHot(validTapCounts1d(size, rates, kernel), kernel + 1).mean(1); // [rates, k + 1]
    const pairs = p
      .expandDims(2)
      .mul(p.expandDims(1))
      .reshape([rates.length, (kernel + 1) ** 2]);
    // sends pair (a, b) to bin a·b
    const products = Array.from(
      { length: (kernel + 1) ** 2 },
      (_, i) => Math.floor(i / (kernel + 1)) * (i % (kernel + 1)),
    );
    const toBins = tf.oneHot(tf.tensor1d(products, 'int32'), kernel * kernel + 1);
    return pairs.matMul(toBins) as tf.Tensor2D;
  });
}
