import { describe, expect, it } from 'vitest';
import { type Plateau, plateauStart, plateauUpdate } from '../../src/lib/training/plateau.ts';

const rule: Plateau = { every: 100, after: 0, patience: 2, minGain: 0.01, drop: 0.5, drops: 1 };

function run(values: number[], plateau = rule) {
  let state = plateauStart(1);
  const rates: number[] = [];
  for (const [i, v] of values.entries()) {
    if (state.done) break;
    state = plateauUpdate(state, plateau, (i + 1) * plateau.every, v);
    rates.push(state.learningRate);
  }
  return { state, rates };
}

describe('plateau schedule', () => {
  it('keeps the rate while the held-out score gains at least minGain', () => {
    const { state, rates } = run([0.1, 0.2, 0.3, 0.31]);
    expect(rates).toEqual([1, 1, 1, 1]);
    expect(state.best).toBe(0.31);
    expect(state.done).toBe(false);
  });

  it('cuts the rate after `patience` measurements without gain, then stops at the next plateau', () => {
    // 0.305 is a gain below minGain over 0.3: it counts as no improvement.
    const { state, rates } = run([0.3, 0.305, 0.29, 0.295, 0.28, 0.5]);
    expect(rates).toEqual([1, 1, 0.5, 0.5, 0.5]);
    expect(state.done).toBe(true);
    expect(state.curve.map((p) => p.step)).toEqual([100, 200, 300, 400, 500]);
    expect(state.curve.map((p) => p.learningRate)).toEqual([1, 1, 1, 0.5, 0.5]);
  });

  it('counts nothing before step `after`', () => {
    const flat = [0.087, 0.087, 0.087, 0.087, 0.087];
    expect(run(flat, { ...rule, after: 500 }).rates).toEqual([1, 1, 1, 1, 1]);
    expect(run(flat, { ...rule, after: 300 }).rates).toEqual([1, 1, 1, 0.5, 0.5]);
  });

  it('a gain after a cut resets the count', () => {
    const { state } = run([0.3, 0.3, 0.3, 0.4, 0.4, 0.45, 0.45]);
    expect(state.cuts).toBe(1);
    expect(state.done).toBe(false);
    expect(state.best).toBe(0.45);
  });
});
