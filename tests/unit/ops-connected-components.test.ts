import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOfDigit, makeScene } from '../../src/lib/data/scene.ts';
import { componentsLoop } from '../../src/lib/ops/connected-components.reference.ts';
import { connectedComponents } from '../../src/lib/ops/connected-components.ts';
import { loadMnist } from '../../src/lib/training/mnist-node.ts';

const FC = { seed: 777, numRuns: 100 };

/** A map drawn from rows of characters: '.' background, a digit its class. */
const map = (rows: string[]) => ({
  labels: Uint8Array.from(rows.join(''), (ch) => (ch === '.' ? 0 : Number(ch))),
  height: rows.length,
  width: rows[0]!.length,
});

describe('connected components of a label map', () => {
  it('equal a flood fill on random maps (ids, count, class and area of each)', () => {
    const maps = fc
      .record({
        height: fc.integer({ min: 1, max: 12 }),
        width: fc.integer({ min: 1, max: 12 }),
        classes: fc.integer({ min: 1, max: 3 }),
      })
      .chain(({ height, width, classes }) =>
        fc
          .array(fc.integer({ min: 0, max: classes }), { minLength: height * width, maxLength: height * width })
          .map((v) => ({ height, width, labels: v })),
      );
    fc.assert(
      fc.property(maps, ({ height, width, labels }) => {
        const found = connectedComponents(labels, height, width);
        const ref = componentsLoop(labels, height, width);
        expect(Array.from(found.ids)).toEqual(Array.from(ref));
        expect(found.count).toBe(Math.max(0, ...ref));
        for (let id = 1; id <= found.count; id++) {
          const pixels = labels.filter((_, i) => ref[i] === id);
          expect(found.areas[id - 1]).toBe(pixels.length);
          expect(found.classes[id - 1]).toBe(pixels[0]);
        }
      }),
      FC,
    );
  });

  it('hand cases: two copies of one class get two ids; diagonal touch does not join; a U joins late', () => {
    const two = map(['44..44', '44..44', '......', '..3...']);
    const a = connectedComponents(two.labels, two.height, two.width);
    expect(a.count).toBe(3);
    expect(a.classes).toEqual([4, 4, 3]);
    expect(a.areas).toEqual([4, 4, 1]);
    expect(Array.from(a.ids.slice(0, 6))).toEqual([1, 1, 0, 0, 2, 2]);

    const diagonal = map(['5.', '.5']);
    expect(connectedComponents(diagonal.labels, 2, 2).count).toBe(2);

    // The two arms of the U start as two provisional ids and merge on the bottom row.
    const u = map(['7.7', '7.7', '777']);
    const b = connectedComponents(u.labels, 3, 3);
    expect(b.count).toBe(1);
    expect(Array.from(b.ids)).toEqual([1, 0, 1, 1, 0, 1, 1, 1, 1]);

    // Touching regions of different classes stay apart.
    const touching = map(['1122']);
    expect(connectedComponents(touching.labels, 1, 4).classes).toEqual([1, 2]);

    expect(() => connectedComponents(new Uint8Array(3), 2, 2)).toThrow(/3 pixels, not 2×2/);
  });

  it('on a test scene with two copies of a digit, the ground truth gives that class at least two ids', () => {
    const digits = loadMnist('test');
    let seed = 0;
    const twice = (s: number) => {
      const ds = makeScene(digits, s).placements.map((p) => p.digit);
      return ds.find((d, i) => ds.indexOf(d) !== i);
    };
    while (twice(seed) === undefined) seed++;
    const scene = makeScene(digits, seed);
    const cls = classOfDigit(twice(seed)!);
    const found = connectedComponents(scene.label, scene.height, scene.width);
    expect(found.classes.filter((c) => c === cls).length).toBeGreaterThanOrEqual(2);
  });
});
