import { initBackend } from './backend.ts';
import { asppTasks } from './tasks/aspp.ts';
import { atrousTasks } from './tasks/atrous.ts';
import { bilinearTasks } from './tasks/bilinear.ts';
import { fullyConvolutionalTasks } from './tasks/fully-convolutional.ts';
import { graphModelTasks, modelTasks } from './tasks/models.ts';
import { trainTasks } from './tasks/train.ts';
import { transposedTasks } from './tasks/transposed.ts';
import { unetTasks } from './tasks/unet.ts';

/** Everything the page may ask of the worker; each lesson adds its tasks here. */
export const workerApi = {
  init: initBackend,
  ...bilinearTasks,
  ...fullyConvolutionalTasks,
  ...atrousTasks,
  ...transposedTasks,
  ...modelTasks,
  ...graphModelTasks,
  ...unetTasks,
  ...asppTasks,
  ...trainTasks,
};

export type WorkerApi = typeof workerApi;
