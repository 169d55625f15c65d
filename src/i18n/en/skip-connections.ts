/** Words of the skip-connections lesson's figures. */
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export const skipConnections = {
  skipCompare: {
    miou: (v: string) => `mean IU on this scene: ${v}`,
    value: pct,
    caption:
      'Press "New scene" or type a seed, and point at (or focus and arrow through) any of the three maps. Notice ' +
      'how FCN-32s paints blocky blobs 32 pixels apart, while each skip (16s, then 8s) brings the boundaries ' +
      "closer to the digits' shapes; the table lists each model's probabilities at the same pixel.",
  },
  skipFusion: {
    model: 'Model',
    models: { fcn16s: 'FCN-16s', fcn8s: 'FCN-8s' },
    className: 'Class',
    size: 'Scene side',
    sizes: { '64': '64 px', '128': '128 px' },
    step: {
      score_fr: 'Scores at stride 32 (score_fr)',
      upscore2_pool4: '… upsampled 2× (learned, started as bilinear)',
      score_pool4: 'pool4 scores at stride 16 (started at zero)',
      fuse_pool4: 'Sum: fused scores at stride 16',
      upscore2_pool3: '… upsampled 2×',
      score_pool3: 'pool3 scores at stride 8 (started at zero)',
      fuse_pool3: 'Sum: fused scores at stride 8',
      upscore16: 'Final 16× bilinear upsampling',
      upscore8: 'Final 8× bilinear upsampling',
    } as Record<string, string>,
    mapAlt: (step: string, rows: number, cols: number, cls: string) =>
      `${step}: a ${rows}×${cols} map of the score of ${cls} against the mean of all classes; blue above, red below.`,
    dims: (rows: number, cols: number, stride: number) => `${rows}×${cols}, one value every ${stride} px`,
    plus: '+',
    equals: '=',
    arrow: '→',
    sumCheck: (d: string) => `The model's own sums against upsampled + skip added here: largest difference ${d}.`,
    scale: (v: string) =>
      "Each map shows the class's score minus the mean score of the eleven classes at that position " +
      '(softmax ignores the shift, and sums stay sums). ' +
      `Colour scale, the same for every map: red −${v}, white 0, blue +${v}.`,
    caption:
      'Pick a class (try a digit in the scene) and a model. Read each row left to right: the coarse scores are ' +
      "upsampled 2× and added to the skip's scores from a finer layer. Notice that the stride-32 map only says " +
      'roughly where the digit is, and each sum adds detail along its edges; at 128 px the stride-32 map has 4×4 ' +
      'cells instead of 2×2.',
  },
  skipTable: {
    caption: (scenes: number) =>
      `Measured here (${scenes} held-out digit scenes, read from the evaluation file at build time) beside ` +
      "FCN's Table 2 (PASCAL VOC 2011 validation subset). Scores in percent.",
    ours: 'Ours (digit scenes)',
    paper: 'FCN, Table 2 (VOC 2011)',
    model: 'Model',
    pixelAccuracy: 'pixel acc.',
    meanAccuracy: 'mean acc.',
    meanIoU: 'mean IU',
    frequencyWeightedIoU: 'f.w. IU',
    fixed: 'FCN-32s-fixed (only the last layer trained)',
  },
} as const;
