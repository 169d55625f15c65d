// FCN's segmentation metrics (Long et al. §5) from a confusion matrix. With n_ij the pixels of
// class i predicted as j, t_i = Σ_j n_ij: pixel accuracy Σ n_ii / Σ t_i; mean accuracy
// mean_i n_ii / t_i; mean IU mean_i n_ii / (t_i + Σ_j n_ji − n_ii); frequency weighted IU
// Σ t_i · IU_i / Σ t_i. As in FCN's own scoring code, mean accuracy runs over the classes present
// in the ground truth and mean IU over the classes present in the truth or the prediction (a class
// only predicted scores IU 0); a class in neither is left out. Over a test set where every class
// occurs, the two rules agree; on one scene they need not.

/** Row = true class, column = predicted class. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): Float64Array {
  if (truth.length !== predicted.length) throw new Error('truth and prediction differ in size');
  const m = new Float64Array(classes * classes);
  for (let i = 0; i < truth.length; i++) m[(truth[i] as number) * classes + (predicted[i] as number)]! += 1;
  return m;
}

export function addInto(total: Float64Array, part: Float64Array): Float64Array {
  for (let i = 0; i < total.length; i++) total[i]! += part[i] as number;
  return total;
}

export interface SegmentationMetrics {
  pixelAccuracy: number;
  meanAccuracy: number;
  meanIoU: number;
  frequencyWeightedIoU: number;
  /** IoU per class (null where the class never occurs, in truth or prediction). */
  classIoU: (number | null)[];
}

export function segmentationMetrics(confusion: Float64Array, classes: number): SegmentationMetrics {
  const at = (i: number, j: number) => confusion[i * classes + j] as number;
  let correct = 0;
  let total = 0;
  let accSum = 0;
  let iouSum = 0;
  let fw = 0;
  let present = 0;
  let seen = 0;
  const classIoU: (number | null)[] = [];
  for (let i = 0; i < classes; i++) {
    let t = 0;
    let p = 0;
    for (let j = 0; j < classes; j++) {
      t += at(i, j);
      p += at(j, i);
    }
    const hit = at(i, i);
    const union = t + p - hit;
    const iou = union > 0 ? hit / union : null;
    classIoU.push(iou);
    correct += hit;
    total += t;
    if (iou !== null) {
      seen++;
      iouSum += iou;
    }
    if (t > 0) {
      present++;
      accSum += hit / t;
      fw += t * (iou as number);
    }
  }
  return {
    pixelAccuracy: correct / total,
    meanAccuracy: accSum / present,
    meanIoU: iouSum / seen,
    frequencyWeightedIoU: fw / total,
    classIoU,
  };
}

/** Where a segmenter's errors lie, each as a share of the pixels that are a digit (class ≥ 1). */
export interface ErrorShares {
  /** Digit pixels labelled background. */
  strokeMissed: number;
  /** Digit pixels labelled another digit. */
  wrongDigit: number;
  /** Background pixels labelled a digit (the paint outside the strokes). */
  overpainted: number;
}

export function errorShares(confusion: Float64Array, classes: number): ErrorShares {
  const at = (i: number, j: number) => confusion[i * classes + j] as number;
  let stroke = 0;
  let missed = 0;
  let wrong = 0;
  let over = 0;
  for (let i = 1; i < classes; i++) {
    over += at(0, i);
    missed += at(i, 0);
    for (let j = 1; j < classes; j++) {
      stroke += at(i, j);
      if (j !== i) wrong += at(i, j);
    }
  }
  stroke += missed;
  return { strokeMissed: missed / stroke, wrongDigit: wrong / stroke, overpainted: over / stroke };
}
