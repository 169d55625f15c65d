import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** Runs a worker task and checks that it left no tensor behind. */
export async function noLeak<T>(task: () => Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await task();
  expect(tf.memory().numTensors).toBe(before);
  return result;
}
