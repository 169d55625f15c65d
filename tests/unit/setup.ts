// Every unit test file starts on tfjs's cpu backend: deterministic and always available in Node.
// Tests of the wasm training kernels switch to wasm themselves (src/lib/training/backend.ts).
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
