import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dilatedConvLoop } from '../../src/lib/ops/dilated-conv.reference.ts';
import { linearStackGradientLoop } from '../../src/lib/ops/effective-receptive-field.reference.ts';
import { griddingCountsLoop } from '../../src/lib/ops/gridding.reference.ts';
import { validTapCountsLoop } from '../../src/lib/ops/valid-taps.reference.ts';
import { atrousTasks } from '../../src/lib/runtime/worker/tasks/atrous.ts';
import { noLeak } from './no-leak.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the worker tasks of the atrous-convolution lesson', () => {
  it('conv image: matches the loop at rates 1, 2, 5 for every kernel; k̂ = 2r + 1 with 9 weights; spaceToBatch agrees at rates 1…16', async () => {
    const size = 16;
    const image = Float32Array.from({ length: size * size }, (_, i) => ((i * 37) % 101) / 100);
    for (const kernel of ['edges', 'vertical', 'blur', 'random'] as const) {
      for (const rate of [1, 2, 5]) {
        const r = await noLeak(() => atrousTasks.atrousConvImage(image, size, kernel, 7, rate));
        const before = rate; // 'same' padding of a 3x3 at rate r puts r zeros first
        const loop = dilatedConvLoop(image, size, size, 1, r.weights, 3, 1, rate, before, before, size, size);
        Array.from(r.output).forEach((v, i) => expect(v).toBeCloseTo(loop[i]!, 4));
        expect(r.effectiveKernel).toBe(2 * rate + 1);
        expect(r.parameters).toBe(9);
        expect(r.dilated).toHaveLength((2 * rate + 1) ** 2);
        expect(Array.from(r.dilated).filter((v) => v !== 0).length).toBe(
          Array.from(r.weights).filter((v) => v !== 0).length,
        );
      }
    }
    const check = await noLeak(() => atrousTasks.atrousSpaceToBatchCheck(image, size, 16));
    expect(check).toBeLessThan(1e-5);
    const edges = await atrousTasks.atrousConvImage(image, size, 'edges', 0, 1);
    expect(Array.from(edges.weights)).toEqual([0, 1, 0, 1, -4, 1, 0, 1, 0]);
  });

  it('space to batch: rate² sub-maps, the same output as the dilated conv, nothing left behind', async () => {
    const size = 16;
    const image = Float32Array.from({ length: size * size }, (_, i) => ((i * 53) % 97) / 96);
    for (const rate of [2, 4]) {
      const r = await noLeak(() => atrousTasks.atrousSpaceToBatch(image, size, 'vertical', 0, rate));
      expect(r.subMaps).toHaveLength(size * size);
      // sub-map 1 starts at x[0, 1]
      expect(r.subMaps[(size / rate) ** 2]).toBe(image[1]);
      const conv = await atrousTasks.atrousConvImage(image, size, 'vertical', 0, rate);
      Array.from(r.output).forEach((v, i) => expect(v).toBeCloseTo(conv.output[i]!, 5));
      expect(r.maxDiff).toBeLessThan(1e-5);
    }
  });

  it('erf: uniform linear gradient equals the loop backprop; the theoretical field and box are the closed form', async () => {
    const r = await noLeak(() => atrousTasks.atrousErf(3, 2, 'uniform', 'linear', 0));
    expect(r.theoretical).toBe(13);
    expect(r.size).toBe(21);
    expect(r.box).toEqual({ top: 4, left: 4, bottom: 16, right: 16 });
    const layer = { kernel: 3, stride: 1, dilation: 2, weights: new Float32Array(9).fill(1 / 9) };
    const loop = linearStackGradientLoop([layer, layer, layer], 21, 10, 10);
    const peak = Math.max(...loop);
    Array.from(r.heat).forEach((v, i) => expect(v).toBeCloseTo(loop[i]! / peak, 5));
    expect(r.sigma).toBeGreaterThan(0);
    expect(r.sigma).toBeLessThan(13 / 2);
    expect(r.strongShare).toBeGreaterThan(0);
    expect(r.strongShare).toBeLessThanOrEqual(1);
    expect(r.reached).toBe(Array.from(loop).filter((v) => v !== 0).length);
    const relu = await noLeak(() => atrousTasks.atrousErf(4, 1, 'random', 'relu', 3));
    expect(relu.heat).toHaveLength(17 * 17);
    expect(Math.max(...relu.heat)).toBe(relu.reached > 0 ? 1 : 0);
    // With ReLU the centre output is switched off for some inputs: then nothing at all is reached.
    const runs = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7].map((seed) => atrousTasks.atrousErf(6, 1, 'random', 'relu', seed)),
    );
    for (const run of runs) if (run.reached === 0) expect(Math.max(...run.heat)).toBe(0);
    expect(runs.some((run) => run.reached > 0)).toBe(true);
  });

  it('valid taps: docs/sources.md numbers on 65x65 and the loop counts for the chosen rate', async () => {
    const r = await noLeak(() => atrousTasks.atrousValidTaps(65, 80));
    expect(r.rates).toHaveLength(80);
    const at = (rate: number) => r.histograms[rate - 1]!;
    expect(at(6)[9]).toBeCloseTo(0.665, 3);
    expect(at(12)[9]).toBeCloseTo(0.398, 3);
    expect(at(18)[9]).toBeCloseTo(0.199, 3);
    for (const rate of [33, 50, 64, 65, 80]) expect(at(rate)[9]).toBe(0);
    for (const rate of [65, 70, 80]) expect(at(rate)[1]).toBeCloseTo(1, 6);
    for (const h of r.histograms) expect(h.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
    const loop12 = validTapCountsLoop(65, 12);
    expect(r.meanValid[11]).toBeCloseTo(loop12.reduce((s, c) => s + c, 0) / 9 / 65 ** 2, 5);
    expect(r.meanValid[79]).toBeCloseTo(1 / 9, 6);
    expect(Array.from(await noLeak(() => atrousTasks.atrousValidTapCounts(65, 12)))).toEqual(Array.from(loop12));
    expect(Array.from(await noLeak(() => atrousTasks.atrousValidTapCounts(33, 40)))).toEqual(
      Array.from(validTapCountsLoop(33, 40)),
    );
  });

  it("all-nine shares at DeepLab's pairings: docs/sources.md on 33x33 (rates 6, 12, 18) and 65x65 (12, 24, 36), as the loop counts", async () => {
    const allNine = (n: number, rate: number) => validTapCountsLoop(n, rate).filter((c) => c === 9).length / n ** 2;
    const os16 = await noLeak(() => atrousTasks.atrousAllValidShares(33, [6, 12, 18]));
    const os8 = await noLeak(() => atrousTasks.atrousAllValidShares(65, [12, 24, 36]));
    expect(os16.map((v) => Number(v.toFixed(3)))).toEqual([0.405, 0.074, 0]);
    expect(os8.map((v) => Number(v.toFixed(3)))).toEqual([0.398, 0.068, 0]);
    [6, 12, 18].forEach((r, i) => expect(os16[i]).toBeCloseTo(allNine(33, r), 6));
    [12, 24, 36].forEach((r, i) => expect(os8[i]).toBeCloseTo(allNine(65, r), 6));
  });

  it('gridding: (2, 4, 8) has holes, (1, 2, 5) has none; counts equal the loop', async () => {
    const [a, b] = await noLeak(() =>
      atrousTasks.atrousGridding([
        [2, 4, 8],
        [1, 2, 5],
      ]),
    );
    expect(a!.size).toBe(29);
    expect(b!.size).toBe(17);
    expect(a!.holes).toBeGreaterThan(0);
    expect(b!.holes).toBe(0);
    expect(Array.from(a!.counts)).toEqual(Array.from(griddingCountsLoop([2, 4, 8]).counts));
    const [c] = await atrousTasks.atrousGridding([[1, 4]]);
    expect(c!.holes).toBeGreaterThan(0);
  });
});
