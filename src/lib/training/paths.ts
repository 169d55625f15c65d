import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEIGHTS_DIR = `${ROOT}public/weights/`;
export const CHECKPOINT_DIR = `${ROOT}checkpoints/`;
