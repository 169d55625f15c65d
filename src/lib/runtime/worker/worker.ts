/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { workerApi } from './api.ts';

Comlink.expose(workerApi);
