import * as tf from '@tensorflow/tfjs';
import { initBackend } from './backend.ts';
import { bilinearTasks } from './tasks/bilinear.ts';

/** Everything the page may ask of the worker; each lesson adds its tasks here. */
export const workerApi = {
  init: initBackend,
  /** Live tensors, so tests and the bench can check that figures free what they make. */
  numTensors: () => tf.memory().numTensors,
  ...bilinearTasks,
};

export type WorkerApi = typeof workerApi;
