import * as tf from '@tensorflow/tfjs';

/**
 * Reads tensors back with ONE data() call (flattened, cast to float32 and concatenated: on a GPU
 * backend each separate read is a sync), then frees them. Returns one view per tensor, in order,
 * over a single buffer, so transferring that buffer sends them all.
 */
export async function readBack(...tensors: tf.Tensor[]): Promise<Float32Array[]> {
  const sizes = tensors.map((t) => t.size);
  const joined = tf.tidy(() => tf.concat(tensors.map((t) => tf.cast(t.reshape([-1]), 'float32'))));
  tf.dispose(tensors);
  const data = (await joined.data()) as Float32Array;
  joined.dispose();
  const starts = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  return sizes.map((n, i) => data.subarray(starts[i]!, starts[i]! + n));
}
