import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resizeBilinearLoop } from '../../src/lib/ops/bilinear.reference.ts';
import { bilinearTasks } from '../../src/lib/runtime/worker/tasks/bilinear.ts';
import { noLeak } from './no-leak.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the worker tasks of the bilinear lesson', () => {
  it('cell: weights and value, no tensor left behind', async () => {
    const r = await noLeak(() => bilinearTasks.bilinearCell([10, 20, 30, 40], 0.25, 0.5));
    expect(Array.from(r.weights)).toEqual([0.375, 0.125, 0.375, 0.125]);
    expect(r.value).toBeCloseTo(22.5, 5);
    // Two 1-D steps: top = 10 + 10·0.25, bottom = 30 + 10·0.25, then halfway between them.
    expect([r.top, r.bottom]).toEqual([12.5, 32.5]);
    expect(r.top + (r.bottom - r.top) * 0.5).toBeCloseTo(r.value, 5);
  });

  it('upsample: tf and the formula agree with the loop reference, and source positions are clamped', async () => {
    const values = Float32Array.from([1, 5, -2, 7, 0, 3]);
    const r = await noLeak(() => bilinearTasks.bilinearUpsample(values, [2, 3], [5, 7], 'half-pixel'));
    const loop = resizeBilinearLoop(values, 2, 3, 5, 7, 'half-pixel');
    Array.from(r.ours).forEach((v, i) => expect(v).toBeCloseTo(loop[i], 5));
    expect(r.maxDiff).toBeLessThan(1e-5);
    expect(r.sourceX[0]).toBe(0);
    expect(r.sourceX[6]).toBe(2);
    expect(r.sourceY).toHaveLength(5);
  });

  it('photo: three RGBA images and a difference map of the right sizes, opaque, no leak', async () => {
    const size = 4;
    const pixels = Uint8ClampedArray.from({ length: size * size * 4 }, (_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256));
    const r = await noLeak(() => bilinearTasks.bilinearPhoto(pixels, [size, size], [12, 12]));
    for (const image of [r.nearest, r.halfPixel, r.alignCorners]) {
      expect(image).toHaveLength(12 * 12 * 4);
      expect(image[3]).toBe(255);
    }
    expect(r.difference).toHaveLength(144);
    // Nearest keeps the input's top-left pixel in a 3x3 block.
    expect(Array.from(r.nearest.slice(0, 3))).toEqual(Array.from(pixels.slice(0, 3)));
    expect(Array.from(r.nearest.slice(8, 11))).toEqual(Array.from(pixels.slice(0, 3)));
    expect(Math.max(...r.difference)).toBeGreaterThan(0);
  });
});
