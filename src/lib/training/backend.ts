// Node training backend: wasm (XNNPACK) plus the convolution gradients it lacks.
// Call before creating any tensor: tfjs 4.22 corrupts int32→float32 casts made on cpu and then
// moved to wasm.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerDilatedConv2DGradient } from './conv2d-grad.ts';
import { registerWasmConvGradients } from './wasm-conv-kernels.ts';

export async function useWasmTraining(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.ready();
  // After setBackend: the stock kernel's setup (run at backend init) must have happened, since
  // the replacement falls back to it for large strides.
  registerWasmConvGradients();
  registerDilatedConv2DGradient();
}
