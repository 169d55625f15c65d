import { describe, expect, it } from 'vitest';
import { topClasses } from '../../src/lib/viz/class-shares.ts';

describe('topClasses', () => {
  it('lists the classes covering most pixels, largest first, ties by class', () => {
    const map = Uint8Array.from([0, 0, 0, 0, 3, 3, 7, 7, 5, 0]);
    expect(topClasses(map)).toEqual([
      { k: 0, share: 0.5 },
      { k: 3, share: 0.2 },
      { k: 7, share: 0.2 },
    ]);
    expect(topClasses(map, 5).map((c) => c.k)).toEqual([0, 3, 7, 5]);
  });

  it('agrees with counting each class on random maps', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 20; trial++) {
      const map = Uint8Array.from({ length: 64 }, () => Math.floor(rand() * 11));
      const top = topClasses(map, 11);
      for (const { k, share } of top) expect(share).toBe(map.filter((v) => v === k).length / 64);
      expect(top.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
      for (let i = 1; i < top.length; i++) expect(top[i]!.share).toBeLessThanOrEqual(top[i - 1]!.share);
    }
  });
});
