/** Words of the bilinear-interpolation lesson's figures. */
const conventions = {
  'half-pixel': 'Half-pixel centres',
  'align-corners': 'Align corners',
  'tfjs-default': 'TF.js default',
} as const;

export const bilinear = {
  bilinearCell: {
    label: 'Sample point in the unit cell',
    pointText: (fx: string, fy: string) => `Sample point at x = ${fx}, y = ${fy}`,
    caption:
      'Drag the point, or focus it and use the arrow keys (Shift for finer steps); type your own corner values. ' +
      "Notice that each corner's weight is the area of the rectangle opposite it, so the four weights always " +
      'sum to 1 and the value never leaves the range of the corners.',
    corners: ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const,
    corner: 'corner',
    cornerValue: 'value',
    valueOf: (corner: string) => `${corner} value`,
    weight: 'weight',
    value: 'Interpolated value',
    top: 'top',
    bottom: 'bottom',
    sum: 'Sum of the weights',
  },
  bilinearGrid: {
    input: 'Input',
    inputSize: 'Input size',
    sizes: { '2': '2×2', '3': '3×3', '4': '4×4' },
    scale: 'Output size',
    scales: { '2': '×2', '3': '×3', custom: 'custom' },
    outputSide: 'Output side',
    convention: 'Convention',
    conventions,
    cellLabel: (row: number, col: number) => `Input value at row ${row + 1}, column ${col + 1}`,
    tfjs: 'tf.image.resizeBilinear',
    ours: 'The formula (src/lib/ops/bilinear.ts)',
    maxDiff: 'Largest difference between the two',
    sourceX: 'Input x read by each output column',
    shift: (nIn: number, nOut: number, inputPx: string, outputPx: string, formula: string) =>
      `TF.js default against half-pixel centres at ${nIn} → ${nOut}: every output reads ${inputPx} input pixels ` +
      `further along, which is ${outputPx} output pixels; (1 − n_in/n_out)/2 = ${formula} input pixels.`,
    caption:
      "Edit the input values or roll new ones, then switch the size and the convention. Notice that TF.js's own " +
      "kernel and the formula agree to rounding under every convention, and that the TF.js default's shift " +
      'is (s − 1)/2 output pixels for an integer factor s: half a pixel at ×2, a whole pixel at ×3.',
  },
  bilinearCentres: {
    inputSize: 'Input pixels n_in',
    outputSize: 'Output pixels n_out',
    conventions,
    inputRow: 'Input pixel centres',
    lineAlt: (nIn: number, nOut: number) =>
      `Number line of ${nIn} input pixel centres and where each of ${nOut} output pixels samples them, per convention`,
    samples: (convention: string, positions: string) => `${convention}: output pixels sample the input at ${positions}`,
    outside: 'hollow: outside the first or last centre, so clamped to the edge pixel',
    step: (step: string) => `step ${step} input pixels`,
    ratios: (nIn: number, nOut: number, ratio: string, alignRatio: string) =>
      `n_in/n_out = ${nIn}/${nOut} = ${ratio}; (n_in − 1)/(n_out − 1) = ${alignRatio}`,
    shift: (inputPx: string, outputPx: string) =>
      `TF.js default minus half-pixel: ${inputPx} input pixels, ${outputPx} output pixels, at every output pixel`,
    caption:
      'Change the two sizes. Each row marks where output pixel 0, 1, 2, … reads the input, in input pixels ' +
      '(input pixel i has its centre at i). Notice that half-pixel centres sit symmetrically inside the input, ' +
      'that align corners puts the first and last samples on the corner centres and steps evenly by ' +
      '(n_in − 1)/(n_out − 1), not n_in/n_out, and that the TF.js default starts at the first centre and is ' +
      'shifted by (1 − n_in/n_out)/2 input pixels, so its last samples run past the last centre.',
  },
  bilinearConventions: {
    title: (input: string, out: number) => `tf.image.resizeBilinear on [${input}], output length ${out}`,
    output: 'Output',
    convention: 'Convention',
    conventions,
    caption:
      'Computed by tf.image.resizeBilinear in your browser. Notice the symmetric clamped ends of half-pixel ' +
      'centres, the exact 10 and 40 at both ends of align corners, and the repeated final 40 of the TF.js default.',
  },
  bilinearPhoto: {
    pick: 'Region to enlarge: click the photo or use the arrow keys',
    factor: 'Enlargement',
    factors: { '4': '×4', '8': '×8' },
    nearest: 'Nearest neighbour',
    halfPixel: 'Bilinear, half-pixel centres',
    alignCorners: 'Bilinear, align corners',
    difference: 'Difference of the two bilinear results',
    differenceMax: (v: string) => `largest: ${v} grey levels`,
    photoAlt: 'Chelsea the cat (scikit-image sample, CC0); the outlined square is the region enlarged below.',
    failed: 'The sample photo could not be loaded.',
    caption:
      'Click the photo, or focus it and use the arrow keys, to pick a region; switch the enlargement. Notice the ' +
      'blocks of nearest neighbour against the ramps of bilinear, and that the two bilinear conventions differ ' +
      'most where the image changes fastest.',
  },
} as const;
