/** Words of the segmentation lesson's figures, and of the model-output view every model lesson shares. */
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export const segmentation = {
  modelView: {
    titles: {
      classifier: 'Digit classifier',
      fcn32s: 'FCN-32s',
      fcn16s: 'FCN-16s',
      fcn8s: 'FCN-8s',
      unet: 'U-Net',
    } as Record<string, string>,
    className: (k: number) => (k === 0 ? 'background' : `digit ${k - 1}`),
    legend: 'Colours of the classes',
    loading: (received: number, total: number) =>
      total > 0
        ? `Downloading the trained weights: ${kb(received)} of ${kb(total)}`
        : 'Downloading the trained weights…',
    scene: 'The scene (input)',
    sceneAlt: (side: number, digits = '') =>
      `A ${side}×${side} scene of handwritten digits, white on black${digits ? `: ${digits}` : ''}.`,
    mapAlt: (title: string) =>
      `${title}: a class colour for every pixel. Focus it and use the arrow keys to pick a pixel; ` +
      'its class probabilities are listed below.',
    topClasses: (parts: string[]) => `Most pixels: ${parts.join(', ')}.`,
    classShare: (name: string, share: number) => `${name} ${pct(share)}`,
    fieldAlt: 'The receptive field of the picked output pixel, outlined on the input.',
    probabilities: 'Class probabilities at the picked pixel',
    class: 'Class',
    picked: (row: number, col: number, top: number, bottom: number, left: number, right: number, clipped: boolean) =>
      `Picked pixel: row ${row}, column ${col}. Its theoretical receptive field spans input rows ${top}–${bottom} ` +
      `and columns ${left}–${right}${clipped ? ' (clipped to the image; the rest lies in the padding)' : ''}.`,
    truth: 'Ground truth',
    newScene: 'New scene',
    seed: 'Scene seed',
    digits: (list: number[]) => list.join(', '),
  },
  segClassify: {
    single: 'A classifier: one label for the image',
    singleNote: "The whole scene shrunk to the classifier's 28×28 input.",
    singleAnswer: (digit: number, p: string, truth: string) =>
      `It answers "${digit}" (p = ${p}). The scene holds ${truth}.`,
    barsLabel: "The classifier's probability for each digit",
    coarse: 'The same classifier slid over the scene: a coarse map',
    coarseAlt: (rows: number, cols: number) =>
      `A ${rows}×${cols} map: the most likely digit of each 28×28 window, paler where unsure.`,
    segmenter: 'A segmentation network (U-Net): a class for every pixel',
    caption:
      'Press "New scene" or type a seed. Notice that the classifier must pick one digit even when the scene ' +
      'holds two or three, and its slid version only says roughly where; the segmenter colours every pixel. ' +
      "Point at (or focus and arrow through) the label map: the outline on the scene is everything that pixel's " +
      'answer can depend on, and the table lists its eleven probabilities.',
  },
  segInstances: {
    source: 'Label map from',
    sources: { prediction: "the U-Net's prediction", truth: 'the ground truth' },
    semantic: 'Semantic: one colour per class',
    semanticAlt: 'The label map: both copies of the repeated digit share one colour.',
    instances: 'Instances: connected regions of one class',
    instancesAlt: (n: number) => `The same map split into ${n} connected regions, one shade each.`,
    repeated: (digit: number, seed: number) => `Scene ${seed}: the digit ${digit} occurs more than once.`,
    count: (n: number, classes: number) => `${n} instances from ${classes} ${classes === 1 ? 'class' : 'classes'}:`,
    instance: (id: number, cls: string, area: number) => `#${id}: ${cls}, ${area} pixels`,
    caption:
      'Press "New scene" for another scene with a repeated digit, and switch between the prediction and the ' +
      'ground truth. Notice that semantic segmentation gives both copies the same colour; splitting the map into ' +
      'connected regions separates them here only because they do not touch. A stray blob of wrong pixels ' +
      'becomes an instance of its own.',
  },
  segScores: {
    model: 'Model',
    models: { fcn32s: 'FCN-32s', fcn8s: 'FCN-8s', unet: 'U-Net' },
    truth: 'Ground truth',
    predicted: 'Prediction',
    matrix: 'Confusion matrix of this scene (pixels)',
    matrixCaption: 'Rows: true class i. Columns: predicted class j. Only classes that occur in either map are shown.',
    trueClass: 'true ↓ / predicted →',
    classIoU: 'IU per class',
    iou: (cls: string, v: string) => `${cls}: ${v}`,
    absent: 'not in this scene',
    scores: 'The four scores of this scene',
    names: {
      pixelAccuracy: 'Pixel accuracy',
      meanAccuracy: 'Mean accuracy',
      meanIoU: 'Mean IU',
      frequencyWeightedIoU: 'Frequency-weighted IU',
    } as Record<string, string>,
    pixelFraction: (hit: number, total: number, v: number) => `= ${hit} / ${total} = ${pct(v)}`,
    valueWith: (v: number, classes: number, where: 'truth' | 'either') =>
      `= ${pct(v)} (n_cl = ${classes} classes in the ground truth${where === 'either' ? ' or the prediction' : ''})`,
    value: (v: number) => `= ${pct(v)}`,
    notation:
      "n_ij: pixels of true class i predicted as j; t_i = Σ_j n_ij: pixels of class i. As in FCN's own scoring " +
      'code, mean accuracy averages over the classes in the ground truth, mean IU over the classes in the ground ' +
      'truth or the prediction (a class that is only predicted scores IU 0), and a class in neither is left out.',
    caption:
      'Pick a model and press "New scene". The matrix counts pixels: the diagonal holds correct ones. Notice how ' +
      'pixel accuracy stays high even for FCN-32s, because background fills most of the scene, while mean IU, ' +
      'which weighs every class present equally, shows how badly the digits themselves are labelled.',
  },
} as const;
