/** Words of the fully-convolutional lesson's figures. */
const shape = (dims: readonly number[]) => `[${dims.join(', ')}]`;

export const fullyConvolutional = {
  fullyConv: {
    classes: 'Class probabilities',
    barsLabel: (where: string) => `Probability of each digit class ${where}`,
  },
  fullyConvDigit: {
    index: 'Test digit #',
    another: 'Another digit',
    digitAlt: (i: number, label: number) => `MNIST test digit ${i}, labelled ${label}`,
    digitPending: 'The chosen MNIST test digit',
    heads: 'The head, two ways',
    layer: 'layer',
    asDense: 'Dense kernel',
    asConv: 'the same numbers as a conv kernel',
    flatten: (map: readonly number[], units: number) =>
      `pool2 gives a ${map.join('×')} map; flatten reads it as ${units} numbers.`,
    convOutput: (dims: readonly number[]) => `Output of the conv head: ${shape(dims)}, one position with ten scores.`,
    shape,
    dense: 'Flatten → Dense (as trained)',
    conv: 'Reshaped into convolutions',
    maxDiff: 'Largest difference between the two',
    unit: 'fc1 output unit',
    channel: 'Input channel',
    column: (unit: number, units: number) => `Column ${unit} of fc1's Dense matrix: ${units} weights`,
    columnNote: (rows: number, channels: number) =>
      `Drawn as ${rows} rows (map positions, row-major) × ${channels} columns (channels): flatten puts the ` +
      'channels of one position side by side. The outlined column is the chosen channel.',
    columnPending: "One column of fc1's Dense matrix",
    slicePending: 'The same numbers in the conv kernel',
    slice: (unit: number, channel: number) => `The same numbers in the conv kernel: [:, :, ${channel}, ${unit}]`,
    sliceNote: (w: number, channels: number, channel: number) =>
      `Kernel entry (r, c) is column entry (r·${w} + c)·${channels} + ${channel}: nothing is recomputed.`,
    sliceLabel: (values: string) => `Kernel slice, row by row: ${values}`,
    columnLabel: (unit: number) => `The ${unit}th column of fc1's weights as a grid of positions by channels`,
    colours: 'Blue: positive weight; red: negative; white: zero.',
    verdict: (label: number, predicted: number, p: string) =>
      `Label ${label}. Both heads predict ${predicted} with probability ${p}.`,
    caption:
      "Type a test digit's number or ask for another digit. Notice that the two sets of ten bars are the same: " +
      'the Dense head and the conv head multiply the same weights, and their largest difference is zero or ' +
      'rounding. Below, pick an fc1 unit and an input channel: the 7×7 kernel slice is every 32nd number of ' +
      "the unit's Dense column, put back into the shape of the map.",
  },
  fullyConvScene: {
    seed: 'Scene seed',
    another: 'New scene',
    size: 'Canvas',
    show: 'Show',
    argmax: 'most likely digit',
    classOption: (d: string) => `P(digit ${d})`,
    scene: 'The scene the classifier slides over',
    map: 'Output of the convolutionalized classifier',
    mapLabel: (rows: number, cols: number) =>
      `${rows}×${cols} map of class probabilities. Use the arrow keys to move between cells; the readout ` +
      "below lists the selected cell's probabilities.",
    sceneAlt: (size: number, digits: string) => `A ${size}×${size} canvas with the digits ${digits}, white on black.`,
    cell: (row: number, col: number, top: number, left: number, side: number) =>
      `Cell (row ${row}, column ${col}) classifies the ${side}×${side} window at rows ${top}–${top + side - 1}, ` +
      `columns ${left}–${left + side - 1}.`,
    shapes: (size: number, feature: readonly number[], kernel: number, out: readonly number[], stride: number) =>
      `${size}×${size} input → trunk → ${feature.join('×')} map → fc1 as a ${kernel}×${kernel} conv → ` +
      `fc2 as a 1×1 conv → ${out.join('×')} scores, one every ${stride} pixels.`,
    placed: (digits: string) => `Digits in this scene: ${digits}.`,
    legendLow: '0',
    legendHigh: '1',
    caption:
      'Point at a cell of the map or at the scene, or focus the map and use the arrow keys; change the seed ' +
      'or the canvas size for another scene. Each cell is drawn over the centre of the 28×28 window it judged. ' +
      'Notice that cells on a digit are confident and right, while pale cells between digits are unsure: the ' +
      'classifier has no "no digit" class, so it must name a digit even for an empty window.',
  },
  fullyConvSize: {
    dims: 'Drawing',
    one: '1-D',
    two: '2-D',
    input: 'Input i',
    kernel: 'Kernel k',
    stride: 'Stride s',
    padding: 'Padding p',
    dilation: 'Dilation d',
    formulaTitle: 'The formula',
    tf: 'A real tf.conv2d',
    call: (input: readonly number[], kernel: readonly number[], stride: number, padding: number, dilation: number) =>
      `tf.conv2d(ones ${shape(input)}, ones ${shape(kernel)}, stride ${stride}, padding ${padding}, ` +
      `dilation ${dilation})`,
    gives: (dims: readonly number[]) => `→ output shape ${shape(dims)}`,
    empty: (dims: readonly number[]) => `→ no window fits: an empty output ${shape(dims)}`,
    formula: (i: number, k: number, s: number, p: number, d: number) =>
      `o = ⌊(${i} + 2·${p} − ${k} − (${k}−1)(${d}−1)) / ${s}⌋ + 1`,
    worked: (top: number, s: number, o: number) => ` = ⌊${top}/${s}⌋ + 1 = ${o}`,
    none: (top: number) => `: the numerator is ${top} < 0, so no window fits and o = 0`,
    agree: 'The formula and tf.conv2d agree.',
    disagree: 'The formula and tf.conv2d disagree.',
    noFit: (span: number, padded: number) =>
      `No window fits: the kernel spans ${span} cells and the padded input has only ${padded}, so the output ` +
      'has 0 cells. The ops on this site return such an output as an empty tensor; tf.conv2d alone fails on the ' +
      'negative size its arithmetic gives.',
    writtenOut:
      'TF.js refuses stride and dilation both above 1, so the kernel is written out dilated (zeros between ' +
      'the taps) and run at dilation 1: the same convolution.',
    drawingPending: 'Sliding windows over the input',
    drawingLabel: (o: number) =>
      `Sliding windows: ${o} output positions. Each output shows how many of its taps read the input rather ` +
      'than padding.',
    window: (index: string, taps: string) => `Output ${index} reads input cells ${taps}`,
    pad: 'padding (zeros)',
    caption:
      'Type an input size, kernel, stride, padding and dilation; in 2-D, point at an output cell or focus the ' +
      'drawing and use the arrow keys to see its window. Notice that the formula and tf.conv2d agree wherever ' +
      'a window fits, that each output cell counts its taps on the input (computed on all-ones tensors), and ' +
      "that k = 1, s = 1, p = 0 gives the input's own size: at stride 1 a 1×1 kernel keeps the map size.",
  },
} as const;
