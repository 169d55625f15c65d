/**
 * FCN §5's four scores straight from the pixels (tests only), no confusion matrix: per class,
 * count true positives, false positives and false negatives, then IU = TP / (TP + FP + FN).
 * As FCN's own scoring code: mean accuracy runs over the classes present in the ground truth,
 * mean IU over the classes present in the truth or the prediction (a class only predicted scores
 * IU 0), and a class in neither is left out.
 */
export interface ScoresLoop {
  pixelAccuracy: number;
  meanAccuracy: number;
  meanIoU: number;
  frequencyWeightedIoU: number;
  classIoU: (number | null)[];
}

export function scoresLoop(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ScoresLoop {
  const classIoU: (number | null)[] = [];
  let correct = 0;
  const acc: number[] = [];
  const iou: number[] = [];
  let weighted = 0;
  for (let c = 0; c < classes; c++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i++) {
      if (truth[i] === c && predicted[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (truth[i] === c) fn++;
    }
    correct += tp;
    classIoU.push(tp + fp + fn > 0 ? tp / (tp + fp + fn) : null);
    if (tp + fp + fn > 0) iou.push(tp / (tp + fp + fn));
    if (tp + fn > 0) {
      acc.push(tp / (tp + fn));
      weighted += (tp + fn) * (tp / (tp + fp + fn));
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    pixelAccuracy: correct / truth.length,
    meanAccuracy: mean(acc),
    meanIoU: mean(iou),
    frequencyWeightedIoU: weighted / truth.length,
    classIoU,
  };
}
