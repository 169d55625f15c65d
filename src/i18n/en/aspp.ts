/** Words of the ASPP (DeepLab) lesson's figures. */
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export const aspp = {
  asppFields: {
    map: 'Setting',
    maps: { ours: 'Ours', os16: 'Paper, output stride 16', os8: 'Paper, output stride 8' },
    setting: (n: number, input: number, stride: number, rates: string) =>
      `A ${input}-pixel input at output stride ${stride} gives a ${n}×${n} map; the 3×3 branches use rates ${rates}.`,
    input: (input: number) => `The branches' taps on the ${input}×${input} input, at the cursor`,
    inputHead: "The branches' taps on the input",
    branchHead: (i: number) => `Branch ${i + 2}: 3×3 atrous`,
    inputAlt:
      'The input with, at the cursor, the taps of each branch drawn as squares one output stride wide, a colour per branch.',
    branch1x1: '1×1 conv',
    branchRate: (r: number) => `3×3, rate ${r}`,
    pool: 'Image pooling',
    poolNote: 'averages the whole map: always all of it',
    branchAlt: (name: string, n: number) =>
      `${name} on the ${n}×${n} map: each position shaded by how many of its taps land on the map (white 0, dark 9); the cursor's taps are marked, hollow where they fall on padding.`,
    span: (span: number, inputSpan: number) => `spans ${span} map pixels (${inputSpan} input pixels)`,
    shares: (all: number, mean: number) =>
      `all taps on the map at ${pct(all)} of positions; ${pct(mean)} of taps on average`,
    cursor: (row: number, col: number) => `Cursor at map row ${row}, column ${col}.`,
    caption:
      "Switch between our model and the paper's two settings, and move the pointer over a branch's map (or focus it and use the arrow keys). Each branch reads the same map with a wider spread of nine taps. Notice that at the paper's rate 18 on a 33×33 map no position keeps all nine taps on the map: the filter degenerates toward its centre tap, and only image pooling sees the whole image.",
  },
  asppSwitch: {
    model: 'Model',
    models: { deeplabv3: 'DeepLab v3', deeplabv3plus: 'DeepLab v3+' },
    seed: 'Scene seed',
    newScene: 'New scene',
    b0: 'Branch 1: 1×1 conv',
    b1: 'Branch 2: 3×3, smallest rate',
    b2: 'Branch 3: 3×3, middle rate',
    b3: 'Branch 4: 3×3, largest rate',
    b4: 'Branch 5: image pooling',
    branches: 'Branches (on or off)',
    branchList: (names: string[]) => `This model's branches: ${names.join('; ')}.`,
    scene: 'The scene',
    truth: 'Ground truth',
    full: 'Every branch on',
    switched: 'Your choice',
    mapAlt: (what: string) => `${what}: a class colour for every pixel.`,
    result: (full: string, now: string, changed: number, total: number) =>
      `Scene mean IoU: ${full} with every branch, ${now} with your choice; ${changed} of ${total} pixels change class.`,
    caption:
      "Switch branches off and on. A switched-off branch sends zeros into the concatenation, so it adds nothing to the fused features; the model re-runs and the scene's mean IoU is recomputed against the ground truth. Point at a label map (or focus it and use the arrow keys) to compare one pixel's class probabilities in the two runs. Notice which branches this model leans on: without the 1×1 branch or the smallest rate the digits lose their classes, while the largest rates and image pooling can go with little change.",
  },
  asppDecoder: {
    seed: 'Scene seed',
    newScene: 'New scene',
    band: 'Band width',
    scene: 'The scene',
    truth: 'Ground truth and its boundary band',
    truthAlt: 'The ground-truth classes, with the band along class boundaries shaded.',
    prediction: (title: string) => `${title}: prediction`,
    errors: (title: string) => `${title}: errors`,
    errorsAlt: (title: string) => `${title}: wrong pixels in red inside the boundary band, orange elsewhere.`,
    mapAlt: (what: string) => `${what}: a class colour for every pixel.`,
    counts: (title: string, miou: string, inBand: number, outside: number) =>
      `${title}: scene mean IoU ${miou}; ${inBand} wrong pixels in the band, ${outside} elsewhere.`,
    bandSize: (w: number, n: number, total: number) =>
      `The band (pixels within ${w} of a class boundary) covers ${n} of ${total} pixels.`,
    caption:
      "Try a few scenes and widen the boundary band. DeepLab v3 predicts at output stride 4 and upsamples its scores bilinearly; v3+ adds a decoder that mixes in stride-2 features. Notice where v3's errors sit: almost all on the band, along the thin strokes, where the coarse map cannot place an edge.",
    table: 'Measured on our 500 test scenes, beside the paper',
    setting: 'Setting',
    withoutDecoder: 'Without decoder (v3)',
    withDecoder: 'With decoder (v3+)',
    gain: 'Gain',
    ours: 'Ours: mean IoU on the test scenes',
    paper: 'Paper: DeepLab v3+, VOC 2012 val mIoU at eval output stride 16',
  },
};
