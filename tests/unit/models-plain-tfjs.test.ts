// The shipped model.json files load in plain TensorFlow.js, without our custom-layer module,
// except where a custom class is needed at inference. This file must not import anything that
// registers a layer class (catalog.ts does, through the builders; catalog-info.ts does not).

import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { MODEL_INFO, MODEL_NAMES, type ModelName } from '../../src/lib/models/catalog-info.ts';

const WEIGHTS = new URL('../../public/weights/', import.meta.url);

/**
 * Models that still need a custom class, and why. The U-Net crops each skip to the upsampled map
 * for any input size; tf.layers.cropping2D needs fixed crop sizes and infers negative shapes
 * when the input size is unknown.
 */
const NEEDS_CUSTOM_CLASS: Partial<Record<ModelName, string>> = { unet: 'CropToMatch' };

function loadPlain(name: ModelName): Promise<tf.LayersModel> {
  const json = JSON.parse(readFileSync(new URL(`${name}/model.json`, WEIGHTS), 'utf8')) as tf.io.ModelJSON;
  const groups = json.weightsManifest;
  const shards = groups.flatMap((g) => g.paths).map((p) => readFileSync(new URL(`${name}/${p}`, WEIGHTS)));
  const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: groups.flatMap((g) => g.weights), weightData }),
  );
}

describe('shipped model.json in plain tfjs', () => {
  const plain = MODEL_NAMES.filter((name) => NEEDS_CUSTOM_CLASS[name] === undefined);

  it.each(plain)('%s loads and runs without custom layers', async (name) => {
    const model = await loadPlain(name);
    const { input, classes, border, kind } = MODEL_INFO[name];
    const x = tf.randomUniform([2, input.height + 2 * border, input.width + 2 * border, 1], 0, 1, 'float32', 7);
    const y = model.predict(x) as tf.Tensor;
    const shape = kind === 'classifier' ? [2, classes.length] : [2, input.height, input.width, classes.length];
    expect(y.shape).toEqual(shape);
    const sums = y.sum(-1).dataSync();
    for (const s of sums) expect(s).toBeCloseTo(1, 4);
    tf.dispose([x, y]);
    model.dispose();
  });

  it.each(Object.entries(NEEDS_CUSTOM_CLASS))(
    '%s names its custom class %s and is refused without it',
    async (name, cls) => {
      const json = readFileSync(new URL(`${name}/model.json`, WEIGHTS), 'utf8');
      expect(json).toContain(`"class_name":"${cls}"`);
      await expect(loadPlain(name as ModelName)).rejects.toThrow(new RegExp(`Unknown layer: ${cls}`));
    },
  );
});
