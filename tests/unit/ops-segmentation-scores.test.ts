// FCN §5's scores as src/lib/models/metrics.ts computes them from a confusion matrix (what
// `npm run evaluate` writes), against counting pixels directly and against hand-computed cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInto, confusionMatrix, segmentationMetrics } from '../../src/lib/models/metrics.ts';
import { scoresLoop } from '../../src/lib/ops/segmentation-scores.reference.ts';
import { expectClose } from './expect-close.ts';

const FC = { seed: 99, numRuns: 100 };
const KEYS = ['pixelAccuracy', 'meanAccuracy', 'meanIoU', 'frequencyWeightedIoU'] as const;

describe('confusion matrix and FCN scores', () => {
  it('match per-class TP/FP/FN counting on random maps', () => {
    const pairs = fc
      .integer({ min: 1, max: 60 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(pairs, ([truth, predicted]) => {
        const got = segmentationMetrics(confusionMatrix(truth, predicted, 5), 5);
        const ref = scoresLoop(truth, predicted, 5);
        for (const k of KEYS) expect(got[k]).toBeCloseTo(ref[k], 12);
        expect(got.classIoU).toEqual(ref.classIoU);
      }),
      FC,
    );
  });

  it('a hand case with a class absent from both maps and a class only predicted', () => {
    // 4 classes; truth has 0 (6 px) and 1 (4 px); prediction also says 3 on two pixels; 2 appears nowhere.
    const truth = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const predicted = [0, 0, 0, 0, 1, 3, 1, 1, 1, 3];
    const m = confusionMatrix(truth, predicted, 4);
    // rows = truth, columns = prediction
    expect(Array.from(m)).toEqual([4, 1, 0, 1, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const s = segmentationMetrics(m, 4);
    // n_00 = 4, t_0 = 6, predicted 0: 4 → IU_0 = 4 / (6 + 4 − 4) = 4/6
    // n_11 = 3, t_1 = 4, predicted 1: 4 → IU_1 = 3 / (4 + 4 − 3) = 3/5
    // Class 2 (in neither) has no IU and is left out of every mean. Class 3 (only predicted,
    // t_3 = 0) has IU 0: as in FCN's scoring code it counts in mean IU, not in mean accuracy
    // (no pixel of it to find) nor in f.w. IU (weight t_3 = 0).
    expect(s.classIoU).toEqual([4 / 6, 3 / 5, null, 0]);
    expectClose(
      [s.pixelAccuracy, s.meanAccuracy, s.meanIoU, s.frequencyWeightedIoU],
      [7 / 10, (4 / 6 + 3 / 4) / 2, (4 / 6 + 3 / 5 + 0) / 3, (6 * (4 / 6) + 4 * (3 / 5)) / 10],
      1e-12,
    );
  });

  it('a perfect prediction scores 1 everywhere; summed matrices score the union of pixels', () => {
    const truth = [0, 2, 2, 5, 0];
    const perfect = segmentationMetrics(confusionMatrix(truth, truth, 11), 11);
    for (const k of KEYS) expect(perfect[k]).toBe(1);
    const a: [number[], number[]] = [
      [0, 1, 1],
      [0, 1, 0],
    ];
    const b: [number[], number[]] = [
      [1, 2],
      [2, 2],
    ];
    const summed = addInto(confusionMatrix(...a, 3), confusionMatrix(...b, 3));
    const joined = scoresLoop([...a[0], ...b[0]], [...a[1], ...b[1]], 3);
    for (const k of KEYS) expect(segmentationMetrics(summed, 3)[k]).toBeCloseTo(joined[k], 12);
  });
});
