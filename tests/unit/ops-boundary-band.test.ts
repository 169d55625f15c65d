import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryBandLoop } from '../../src/lib/ops/boundary-band.reference.ts';
import { boundaryBand } from '../../src/lib/ops/boundary-band.ts';

describe('boundary band', () => {
  it('equals the loop reference on random label maps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 9999 }),
        (h, w, band, classes, seed) => {
          const labels = Array.from({ length: h * w }, (_, i) => ((i * 7919 + seed) >> 3) % classes);
          const got = tf.tidy(() => Array.from(boundaryBand(tf.tensor2d(labels, [h, w], 'int32'), band).dataSync()));
          expect(got).toEqual(Array.from(boundaryBandLoop(labels, h, w, band)));
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });

  it('a square of class 1 in class 0: the band is the ring around its edge, width pixels each way', () => {
    const labels = Array.from({ length: 64 }, (_, i) =>
      Math.floor(i / 8) >= 2 && Math.floor(i / 8) < 6 && i % 8 >= 2 && i % 8 < 6 ? 1 : 0,
    );
    const band = tf.tidy(() => Array.from(boundaryBand(tf.tensor2d(labels, [8, 8], 'int32'), 1).dataSync()));
    expect(band.reduce((a, b) => a + b, 0)).toBe(6 * 6 - 2 * 2);
    expect(band[0]).toBe(0);
    expect(band[3 * 8 + 3]).toBe(0);
  });
});
