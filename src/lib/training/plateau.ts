// "Train until the held-out mean IU stops improving": measure every `every` steps; after
// `patience` measurements without a gain of `minGain` over the best, cut the rate by `drop`;
// after `drops` cuts, the next such plateau ends the run. Nothing counts before step `after`: a
// fresh segmenter first paints everything background, a flat start that is no plateau. Pure, so a
// checkpoint can carry it.

export interface Plateau {
  every: number;
  after: number;
  patience: number;
  minGain: number;
  drop: number;
  drops: number;
}

export interface CurvePoint {
  step: number;
  meanIoU: number;
  learningRate: number;
}

export interface PlateauState {
  learningRate: number;
  best: number;
  /** Measurements since the best (or since the last cut). */
  since: number;
  cuts: number;
  done: boolean;
  curve: CurvePoint[];
}

export const plateauStart = (learningRate: number): PlateauState => ({
  learningRate,
  best: -Infinity,
  since: 0,
  cuts: 0,
  done: false,
  curve: [],
});

export function plateauUpdate(state: PlateauState, plateau: Plateau, step: number, meanIoU: number): PlateauState {
  const curve = [...state.curve, { step, meanIoU, learningRate: state.learningRate }];
  if (meanIoU >= state.best + plateau.minGain) return { ...state, best: meanIoU, since: 0, curve };
  if (step < plateau.after) return { ...state, since: 0, curve };
  const since = state.since + 1;
  if (since < plateau.patience) return { ...state, since, curve };
  if (state.cuts >= plateau.drops) return { ...state, since, curve, done: true };
  // A cut restarts the count; the best so far stays the bar to beat.
  return { ...state, since: 0, cuts: state.cuts + 1, learningRate: state.learningRate * plateau.drop, curve };
}
