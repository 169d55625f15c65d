// How many tensors the worker holds: tests and the bench check that figures leak none.
import * as tf from '@tensorflow/tfjs';

export const memoryTasks = {
  async tensorCount(): Promise<number> {
    return tf.memory().numTensors;
  },
};
