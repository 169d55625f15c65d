import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearStackGradientLoop, reachableBoxLoop } from '../../src/lib/ops/effective-receptive-field.reference.ts';
import {
  effectiveReceptiveField,
  outputGradient,
  stackFilters,
  theoreticalFieldBox,
} from '../../src/lib/ops/effective-receptive-field.ts';
import { type LayerSpec, receptiveField } from '../../src/lib/ops/receptive-field.ts';

const FC = { seed: 4242, numRuns: 25 };

const layer: fc.Arbitrary<Required<Pick<LayerSpec, 'kernel' | 'stride' | 'dilation'>>> = fc
  .record({
    kernel: fc.integer({ min: 1, max: 4 }),
    stride: fc.integer({ min: 1, max: 2 }),
    dilation: fc.integer({ min: 1, max: 3 }),
    s: fc.boolean(),
  })
  .map(({ kernel, stride, dilation, s }) => (s ? { kernel, stride, dilation: 1 } : { kernel, stride: 1, dilation }));

const scenario = fc.record({
  layers: fc.array(layer, { minLength: 1, maxLength: 4 }),
  n: fc.integer({ min: 4, max: 20 }),
  r: fc.nat(),
  c: fc.nat(),
  seed: fc.integer({ min: 0, max: 10_000 }),
});

function outSize(layers: readonly LayerSpec[], n: number): number {
  return layers.reduce((m, l) => Math.ceil(m / (l.stride ?? 1)), n);
}

describe('effective receptive field', () => {
  it('linear stacks: the tf gradient equals the loop backprop (random weights, strides, dilations, any pixel)', () => {
    fc.assert(
      fc.property(scenario, ({ layers, n, r, c, seed }) => {
        const m = outSize(layers, n);
        const row = r % m;
        const col = c % m;
        tf.tidy(() => {
          const g = outputGradient(layers, n, { weights: 'random', seed, row, col });
          const filters = stackFilters(layers, 'random', seed);
          const ref = linearStackGradientLoop(
            layers.map((l, i) => ({ ...l, weights: Float32Array.from(filters[i]!.dataSync()) })),
            n,
            row,
            col,
          );
          const got = g.dataSync();
          for (let i = 0; i < ref.length; i++)
            expect(Math.abs(got[i]! - ref[i]!)).toBeLessThan(1e-3 * (1 + Math.abs(ref[i]!)));
        });
      }),
      FC,
    );
  });

  it('the field box is the box of the input pixels with a path to the output (2-D reachability loop)', () => {
    // 3x3 at dilation 2 on 5x5, output (3, 3): taps 1, 3 and 5, and 5 is padding
    const clipped = theoreticalFieldBox([{ kernel: 3, dilation: 2 }], 5, 3, 3);
    expect(clipped).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    // 2 taps at dilation 4 on 3x3: output 1 reads −1 and 3, padding only
    expect(theoreticalFieldBox([{ kernel: 2, dilation: 4 }], 3, 1, 1)).toBeNull();
    expect(theoreticalFieldBox([{ kernel: 2, dilation: 4 }], 3, 1, 0)).toBeNull();
    expect(() => theoreticalFieldBox([{ kernel: 3 }], 5, 5, 0)).toThrow(RangeError);
    fc.assert(
      fc.property(scenario, ({ layers, n, r, c }) => {
        const m = outSize(layers, n);
        const row = r % m;
        const col = c % m;
        expect(theoreticalFieldBox(layers, n, row, col)).toEqual(reachableBoxLoop(layers, n, row, col));
      }),
      { ...FC, numRuns: 300 },
    );
  });

  it('its support lies inside the field box (also with ReLU); uniform and linear, the support spans the box', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom('linear' as const, 'relu' as const),
        ({ layers, n, r, c, seed }, activation) => {
          const m = outSize(layers, n);
          const row = r % m;
          const col = c % m;
          const box = theoreticalFieldBox(layers, n, row, col);
          const inside = (y: number, x: number) =>
            box !== null && y >= box.top && y <= box.bottom && x >= box.left && x <= box.right;
          const erf = tf.tidy(() =>
            effectiveReceptiveField(layers, n, { weights: 'random', activation, seed, row, col }).arraySync(),
          );
          erf.forEach((line, y) =>
            line.forEach((v, x) => {
              if (!inside(y, x)) expect(v).toBe(0);
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }),
          );
          // positive weights and no ReLU: nothing cancels, so the support is exactly the reachable set
          const uniform = tf.tidy(() => effectiveReceptiveField(layers, n, { row, col }).arraySync());
          const rows = uniform.flatMap((line, y) => (line.some((v) => v > 0) ? [y] : []));
          const cols = uniform[0]!.flatMap((_, x) => (uniform.some((line) => line[x]! > 0) ? [x] : []));
          const support =
            rows.length === 0 ? null : { top: rows[0], left: cols[0], bottom: rows.at(-1), right: cols.at(-1) };
          expect(support).toEqual(box);
          // with no strides or dilations there are no gaps: the box is filled
          if (layers.every((l) => l.dilation === 1 && l.stride === 1)) {
            uniform.forEach((line, y) => line.forEach((v, x) => expect(v > 0).toBe(inside(y, x))));
          }
        },
      ),
      FC,
    );
  });

  it('the theoretical box has the closed-form size when it is not clipped', () => {
    const layers: LayerSpec[] = [{ kernel: 3 }, { kernel: 3, dilation: 2 }, { kernel: 3, dilation: 4 }];
    const box = theoreticalFieldBox(layers, 41, 20, 20);
    expect(box).toEqual({ top: 13, left: 13, bottom: 27, right: 27 });
    expect(box!.bottom - box!.top + 1).toBe(receptiveField(layers));
  });

  it('symmetric stack: centre of mass at the output location; peaked (most mass in the central half)', () => {
    const layers: LayerSpec[] = Array.from({ length: 10 }, () => ({ kernel: 3 }));
    for (const [row, col] of [
      [20, 20],
      [15, 24],
    ] as const) {
      const erf = tf.tidy(() => effectiveReceptiveField(layers, 41, { row, col }).arraySync());
      let mass = 0;
      let my = 0;
      let mx = 0;
      let central = 0;
      erf.forEach((line, y) =>
        line.forEach((v, x) => {
          mass += v;
          my += v * y;
          mx += v * x;
          if (Math.abs(y - row) <= 5 && Math.abs(x - col) <= 5) central += v; // a 11x11 square of the 21x21 field
        }),
      );
      expect(my / mass).toBeCloseTo(row, 4);
      expect(mx / mass).toBeCloseTo(col, 4);
      expect(central / mass).toBeGreaterThan(0.8);
      expect(erf[row]![col]).toBe(1);
    }
  });

  it('dilated layers differentiate (through spaceToBatch) and show the gridding holes of (2, 4)', () => {
    const erf = tf.tidy(() =>
      effectiveReceptiveField(
        [
          { kernel: 3, dilation: 2 },
          { kernel: 3, dilation: 4 },
        ],
        25,
      ).arraySync(),
    );
    expect(erf[12]![12]).toBeGreaterThan(0);
    expect(erf[12]![13]).toBe(0); // odd offsets never reached
    expect(erf[6]![6]).toBeGreaterThan(0); // corner of the 13x13 field
  });
});
