/** Words of the transposed-convolution lesson's figures. */
export const transposed = {
  transposedScatter: {
    stride: 'Stride s',
    kernel: 'Kernel size k',
    padding: 'Padding p',
    input: 'Input x (3×3)',
    kernelTitle: (k: number) => `Kernel W (${k}×${k})`,
    inputLabel: (row: number, col: number) => `Input value at row ${row + 1}, column ${col + 1}`,
    kernelLabel: (row: number, col: number) => `Kernel weight at row ${row + 1}, column ${col + 1}`,
    stamp: 'This stamp: x[r, c] · W',
    noStamp: 'No stamp yet',
    partial: 'Sum of the stamps so far',
    conv: 'tf.conv2dTranspose(x, W)',
    player: 'Stamps',
    play: 'Play',
    pause: 'Pause',
    first: 'Start over',
    previous: 'Previous stamp',
    next: 'Next stamp',
    all: 'All stamps',
    stepNone: (total: number) => `0 of ${total} stamps placed: the output starts at zero.`,
    step: (j: number, total: number, row: number, col: number, value: string, top: number, left: number) =>
      `Stamp ${j} of ${total}: input pixel (${row + 1}, ${col + 1}) = ${value} scales the kernel, ` +
      `whose top-left tap lands on output row ${top + 1}, column ${left + 1}.`,
    cropped: ' Part of it falls in the padding and is cut off.',
    padLegend: 'Grey dashed band: the padding p, cut off the output.',
    size: 'Output size',
    maxDiff: 'Largest difference, sum of all stamps vs tf.conv2dTranspose',
    grid: (name: string, side: number, values: string) => `${name}, ${side}×${side}: ${values}`,
    padLimit: (asked: number, used: number, stride: number, k: number) =>
      `Padding ${asked} would cut away a whole kernel or the whole output at stride ${stride} with kernel ${k}; ` +
      `the figure uses p = ${used}, the largest that leaves some output.`,
    caption:
      'Step through the stamps, or press play, and edit any input value or kernel weight. Notice that each input ' +
      'pixel adds a copy of the kernel scaled by its value, that overlapping stamps add up, and that the finished ' +
      'sum equals tf.conv2dTranspose. Raise the stride to spread the stamps apart, and the padding to cut rows and ' +
      'columns off the result instead of adding them.',
  },
  transposedMatrix: {
    config: 'Convolution',
    configs: { s1: '4×4 input, 3×3 kernel, stride 1, padding 0', s2: '4×4 input, 3×3 kernel, stride 2, padding 1' },
    reroll: 'New y and x',
    c: (rows: number) => `C (${rows}×16): row = output pixel, column = input pixel`,
    ct: (rows: number) => `Cᵀ (16×${rows})`,
    cellLabel: (name: string, rows: number, cols: number, values: string) =>
      `${name}, ${rows} rows by ${cols} columns: ${values}`,
    kernel: 'Kernel W',
    y: 'y (2×2)',
    inputLabel: (name: string, row: number, col: number) => `${name}, row ${row + 1}, column ${col + 1}`,
    byMatrix: 'Cᵀ·y, matrix product',
    byConv: 'Cᵀ·y, tf.conv2dTranspose',
    maxDiff: 'Largest difference between the two',
    outputPadding:
      "Output padding a (the rows and columns the convolution's last window never reached) to get back to 4×4",
    roundTrip: 'Does Cᵀ undo C?',
    x: 'x (4×4)',
    cx: 'C·x (the convolution)',
    ctcx: 'Cᵀ(C·x)',
    roundTripDiff: 'Largest |Cᵀ(C·x) − x|',
    caption:
      'Switch between the two convolutions and edit y or x. Notice that every column of C is the convolution of ' +
      'one one-hot image, that Cᵀ·y as a matrix product equals tf.conv2dTranspose, and that at stride 2 a 3×3 ' +
      'and a 4×4 input both give 2×2, so going back needs output padding a = 1 to reach 4×4. Cᵀ(C·x) has ' +
      'the shape of x but not its values: the transpose is not an inverse.',
  },
  transposedCheckerboard: {
    weights: 'Kernel weights',
    modes: { uniform: 'All equal', random: 'Random (like an untrained layer)' },
    reroll: 'New random weights',
    input: (side: number) => `Input, ${side}×${side} (camera.png, CC0)`,
    k3: 'Transposed conv, kernel 3, stride 2',
    k4: 'Transposed conv, kernel 4, stride 2',
    resize: 'Nearest resize ×2, then 3×3 conv',
    overlap: (k: number) => `Stamps covering each output pixel, kernel ${k}`,
    ratio: (k: number, ratio: string) => `kernel ${k}: max : min away from the edge = ${ratio} : 1`,
    flat: (values: string) => `flat input of 1 → each 2×2 block: ${values}`,
    photoAlt: 'The cameraman photo, shrunk; below it, three ×2 upsamplings of it.',
    failed: 'The sample photo could not be loaded.',
    caption:
      'Compare the three upsampled photos, then switch to random weights. Notice the grid pattern of kernel 3, ' +
      'whose stamps cover some pixels four times and others once (the counts below), and that with random weights ' +
      'kernel 4 shows a pattern too, while resize-then-convolve turns a flat input into a flat output whatever ' +
      'its weights.',
  },
  transposedBilinear: {
    factor: 'Upsampling factor',
    factors: { 2: '×2', 4: '×4' },
    taps: (k: number) => `1-D taps of the ${k}-tap bilinear kernel`,
    kernel: (k: number) => `2-D kernel W = taps ⊗ taps (${k}×${k})`,
    input: (side: number) => `Input (${side}×${side})`,
    inputLabel: (row: number, col: number) => `Input value at row ${row + 1}, column ${col + 1}`,
    transposed: (k: number, s: number, p: number) => `Transposed conv, k = ${k}, s = ${s}, p = ${p}`,
    resized: 'tf.image.resizeBilinear, half-pixel',
    difference: 'Difference (transposed − resize)',
    interior: 'Largest |difference| inside',
    border: (b: number) => `Largest |difference| on the ${b}-pixel border`,
    caption:
      'Choose the factor and edit the input. Notice that the kernel is the product of two tent-shaped rows of taps, ' +
      'and that its transposed convolution (kernel 2s, stride s, padding s/2, a recipe for even s only) equals ' +
      'resizeBilinear inside the image but not on a border s/2 pixels wide, where the convolution reads zeros ' +
      'and resize repeats the edge.',
  },
  transposedLearned: {
    model: 'Trained network',
    models: { fcn16s: 'FCN-16s', fcn8s: 'FCN-8s' },
    cls: 'Class (score map)',
    pattern: 'Score map fed in',
    patterns: { pixel: 'one pixel', block: 'a 2×2 block' },
    loading: (received: string, total: string) => `Downloading the trained weights: ${received} of ${total} kB…`,
    source: (title: string, layer: string, k: number, s: number, cls: number, name: string) =>
      `${title}, layer ${layer}: a ${k}×${k} transposed convolution with stride ${s}, ` +
      'trained from the bilinear kernel. ' +
      `Taps from class ${cls} ("${name}") to itself:`,
    learned: 'As trained (shipped weights)',
    bilinear: 'Bilinear initialisation',
    difference: 'Trained − bilinear',
    change: (largest: string, relative: string) =>
      `Largest change of a tap: ${largest} (${relative} of the largest bilinear tap).`,
    leak: (cls: number, leak: string) =>
      `Largest weight from class ${cls} into another class's map: ${leak}. The initialisation has none: ` +
      'it upsamples every class on its own.',
    scores: (side: number) => `Score map in (${side}×${side})`,
    upLearned: 'Upsampled by the trained layer',
    upBilinear: 'Upsampled by the bilinear kernel',
    upDifference: 'Trained − bilinear',
    upLeak: (leak: string) =>
      `Largest score the trained layer writes into the other classes' maps from this one: ${leak}.`,
    gridLabel: (name: string, side: number, values: string) => `${name}, ${side}×${side}: ${values}`,
    caption:
      'Choose a network, a class and a score map. The first row is the trained 2× upsampler of that network next ' +
      "to the bilinear kernel it was initialised with, tap by tap; the second row feeds one class's score map to " +
      'both. Notice how far training moved each tap from its bilinear value, and whether the trained layer ' +
      "passes some of one class's score into the others, which the bilinear kernel never does. " +
      'Every number is read from the shipped weights.',
  },
} as const;
