import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapTileLoop, reflectIndex } from '../../src/lib/ops/overlap-tile.reference.ts';
import { mirrorPad, overlapTile, tilePlan } from '../../src/lib/ops/overlap-tile.ts';
import { expectClose } from './expect-close.ts';

/** A stand-in for an unpadded network: the mean of each (2b + 1)² window, 'valid'. */
function boxLoop(window: Float32Array, h: number, w: number, b: number): Float32Array {
  const oh = h - 2 * b;
  const ow = w - 2 * b;
  const out = new Float32Array(oh * ow);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let s = 0;
      for (let dy = 0; dy <= 2 * b; dy++) for (let dx = 0; dx <= 2 * b; dx++) s += window[(y + dy) * w + x + dx]!;
      out[y * ow + x] = s / (2 * b + 1) ** 2;
    }
  }
  return out;
}
const boxTf = (b: number) => (x: tf.Tensor4D) => tf.avgPool(x, 2 * b + 1, 1, 'valid');

describe('overlap-tile', () => {
  it('reflects indices without repeating the edge pixel, as tf.mirrorPad(reflect) does', () => {
    expect([-3, -2, -1, 0, 4, 5, 6, 7].map((i) => reflectIndex(i, 5))).toEqual([3, 2, 1, 0, 4, 3, 2, 1]);
    const padded = tf.tidy(() => mirrorPad(tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]), 2).dataSync());
    expect(Array.from(padded.slice(0, 7))).toEqual([9, 8, 7, 8, 9, 8, 7]);
    expect(() => mirrorPad(tf.zeros([1, 3, 3, 1]), 3)).toThrow(/wider than that/);
  });

  it('tiles cover the image once, row by row', () => {
    const plan = tilePlan(10, 7, 4);
    expect(plan.map((t) => [t.row, t.col, t.height, t.width])).toEqual([
      [0, 0, 4, 4],
      [0, 4, 4, 3],
      [4, 0, 4, 4],
      [4, 4, 4, 3],
      [8, 0, 2, 4],
      [8, 4, 2, 3],
    ]);
    expect(plan.reduce((s, t) => s + t.height * t.width, 0)).toBe(70);
  });

  it('equals the loop reference, and running the whole mirrored image once, on random images', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 14 }),
        fc.integer({ min: 3, max: 14 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 9999 }),
        (h, w, b, tile, seed) => {
          const image = tf.randomUniform([1, h, w, 1], 0, 1, 'float32', seed) as tf.Tensor4D;
          const data = image.dataSync() as Float32Array;
          const [tiled, whole] = tf.tidy(() => [
            overlapTile(image, b, tile, boxTf(b)).dataSync(),
            boxTf(b)(mirrorPad(image, b)).dataSync(),
          ]);
          image.dispose();
          const loop = overlapTileLoop(data, h, w, b, tilePlan(h, w, tile), (x, wh, ww) => boxLoop(x, wh, ww, b));
          expectClose(tiled!, loop, 1e-5);
          expectClose(tiled!, whole!, 1e-5);
        },
      ),
      { seed: 11, numRuns: 40 },
    );
  });

  it('a network that does not shrink its input by the border is refused with the sizes', () => {
    const image = tf.zeros([1, 8, 8, 1]) as tf.Tensor4D;
    expect(() => overlapTile(image, 2, 4, boxTf(1))).toThrow(/8-pixel window gave 6×6, not 4×4/);
    image.dispose();
  });

  it('leaves no tensor behind', () => {
    const image = tf.ones([1, 9, 9, 1]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    overlapTile(image, 1, 4, boxTf(1)).dispose();
    expect(tf.memory().numTensors).toBe(before);
    image.dispose();
  });
});
