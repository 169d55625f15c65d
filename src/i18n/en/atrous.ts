/** Words of the atrous-convolution lesson's figures. */
export const atrous = {
  atrousDilation: {
    rate: 'Dilation rate r',
    kernel: 'Kernel',
    kernels: {
      edges: 'Edge detector (Laplacian)',
      vertical: 'Vertical edges (Sobel)',
      blur: 'Blur (3×3 mean)',
      random: 'Random weights',
    },
    newRandom: 'New random weights',
    input: 'Input: move the pointer over the photo, or focus it and use the arrow keys',
    output: 'Output of the 3×3 conv at rate r',
    photoAlt:
      'The cameraman photo (scikit-image sample, CC0), 128×128 grey levels; the nine marked squares are the taps of the 3×3 kernel at the cursor.',
    outputAlt: (r: number) =>
      `The image after the 3×3 convolution at rate ${r}; the ring marks the output pixel at the cursor.`,
    tapsTitle: 'Pixels under the taps (0 black, 1 white)',
    weightsTitle: 'The nine weights w',
    span: (k: number) => `Effective kernel size: ${k} × ${k}`,
    weights: (n: number) => `Weights: ${n}`,
    zeros: (k: number, nonzero: number) =>
      `Written as a ${k}×${k} kernel with zeros between the nine taps: ${k * k} entries; ${nonzero} of them are non-zero weights (a tap whose weight is 0, like the Laplacian's corners, still counts as a tap)`,
    cursor: (row: number, col: number, y: string) => `Output at row ${row}, column ${col}: y = ${y}`,
    spaceToBatch: (n: number, d: string) =>
      `tf.conv2d with dilations = r vs spaceToBatchND → conv → batchToSpaceND on this photo, random weights, every rate from 1 to ${n}: largest difference ${d}`,
    failed: 'The sample photo could not be loaded.',
    caption:
      "Drag the rate slider and move the pointer over the photo. Notice that the nine taps spread to span 2r + 1 pixels while the number of weights stays 9, and that the output shows structures of about that span. The frame along the output's edges is zero padding: near the border some taps fall outside the photo and read 0 (dashed squares), which an edge detector answers strongly.",
  },
  atrousSpaceToBatch: {
    rate: 'Rate r',
    split: (r: number, side: number) => `1. spaceToBatchND: ${r * r} sub-maps of ${side}×${side}`,
    splitAlt: (r: number, side: number) =>
      `The photo split into ${r}×${r} interleaved sub-maps of ${side}×${side} pixels; sub-map (a, b) holds every ${r}th pixel starting at row a, column b.`,
    convolved: '2. An ordinary 3×3 conv of each sub-map',
    convolvedAlt: (r: number) => `Each of the ${r * r} sub-maps after an ordinary 3×3 convolution.`,
    output: '3. batchToSpaceND: interleaved back',
    outputAlt: (r: number) =>
      `The convolved sub-maps interleaved back into one 128×128 map: the 3×3 convolution at rate ${r}.`,
    diff: (r: number, d: string) => `Largest difference from tf.conv2d with dilations = ${r}: ${d}`,
    splitPending: 'The photo split into interleaved sub-maps.',
    caption:
      'Pick a rate and a kernel. Pixels r apart in the photo are neighbours in a sub-map, so an ordinary 3×3 ' +
      'convolution of the sub-maps, interleaved back, is the 3×3 convolution at rate r of the photo: notice that ' +
      'its largest difference from tf.conv2d stays at zero or rounding. This holds for kernels of odd side, as ' +
      'here: with an even side TensorFlow pads unevenly and the result would come out shifted, so the step-by-step ' +
      'form refuses those.',
  },
  atrousStack: {
    preset: 'Preset',
    presets: {
      context: 'Yu & Koltun context module (1, 1, 2, 4, 8, 16, 1)',
      doubling: 'Dilations 1, 2, 4',
      vgg: 'VGG-16 to pool5 (stride-2 pools)',
      custom: 'Your own stack',
    },
    layer: 'Layer',
    layerShort: '#',
    kernel: 'k',
    stride: 's',
    dilation: 'd',
    span: 'Span',
    adds: 'Adds',
    jump: 'Jump',
    field: 'Field',
    add: 'Add a layer',
    removeColumn: 'Remove',
    remove: (i: number) => `Remove layer ${i}`,
    kernelOf: (i: number) => `Kernel size of layer ${i}`,
    strideOf: (i: number) => `Stride of layer ${i}`,
    dilationOf: (i: number) => `Dilation of layer ${i}`,
    chart: (fields: string) => `Receptive field after each layer: ${fields}`,
    chartPending: 'Bars of the receptive field after each layer, centred on one input pixel.',
    total: (r: string, n: number, w: string) =>
      `Whole stack: ${r} × ${r} input pixels with ${n} layers and ${w} weights per channel pair`,
    urlClamped: (asked: string, shown: string) =>
      `The link asked for the stack ${asked}; the inputs allow ${shown}, so each number was brought into its limits.`,
    caption:
      'Pick a preset, then edit any layer or add one. k: kernel size, s: stride, d: dilation. Span: the effective ' +
      'kernel size d(k − 1) + 1. Adds: the input pixels the layer widens the field by, (span − 1) times the jump ' +
      'of the layer before it. Jump: input pixels between neighbouring outputs of the layer. Field: the receptive ' +
      'field of one output, in input pixels; each bar shows it, centred on the same input pixel. Notice that in ' +
      'VGG each layer after a pool adds twice as much as before it, while the dilated presets grow the field ' +
      'without any stride.',
  },
  atrousErf: {
    depth: 'Layers',
    dilation: 'Dilation of every layer',
    weights: 'Weights',
    weightKinds: { uniform: 'uniform (1/9)', random: 'random' },
    activation: 'Between layers',
    activations: { linear: 'linear', relu: 'ReLU' },
    newRandom: 'New random weights and input',
    heatAltPending: 'Gradient magnitude of the centre output with respect to each input pixel.',
    heatAlt: (r: number) =>
      `Gradient magnitude of the centre output with respect to each input pixel; the outlined ${r}×${r} square is the theoretical receptive field.`,
    theoretical: (r: number) => `Theoretical receptive field: ${r} × ${r}`,
    sigma: (s: string) => `Spread of the gradient (root-mean-square distance from the centre): ${s} px`,
    strong: (p: string) => `Pixels with at least 10% of the peak gradient: ${p}% of the theoretical field`,
    unreached: 'No input pixel reaches this output through the map, so it has no theoretical field here.',
    dead: 'For this input the centre output sits on the flat side of a ReLU, so no gradient flows back: every input pixel gets 0. Try new random weights and input.',
    profile: 'Gradient along the centre row (peak = 1)',
    profileAlt: 'Line chart of the gradient magnitude across the centre row of the input',
    caption:
      'Add layers with uniform weights and linear activations: the outline (the theoretical field) grows by 2r ' +
      'pixels a layer, the bright core far more slowly, and the share of the field with at least 10% of the peak ' +
      'falls. Then try random weights, ReLU, and a dilation above 1, which turns the heat map into a lattice.',
  },
  atrousValidTaps: {
    size: 'Feature map side',
    rate: 'Highlighted rate',
    chartTitle: (n: number) => `Share of output positions on a ${n}×${n} map with exactly j valid taps`,
    series: { 9: 'all 9 taps valid', 4: 'exactly 4 valid', 1: 'exactly 1 valid (a 1×1 filter)' },
    mean: 'mean share of valid taps',
    axisRate: 'atrous rate r',
    axisShare: 'share of positions',
    chartAlt: (n: number) =>
      `Line chart: for rates 1 to 80 on a ${n}×${n} map, the share of positions where all 9, exactly 4 and exactly 1 of the 3×3 taps fall inside the map.`,
    mapTitle: (r: number) => `Valid taps at each position, rate ${r}`,
    mapAlt: (r: number) => `Map of the number of valid taps (1 to 9) at each output position for rate ${r}.`,
    legend: 'valid taps: 1 (light) to 9 (dark)',
    tableCaption: (n: number) => `Measured on the ${n}×${n} map`,
    rateCol: 'rate r',
    selectedRow: (r: number) => `${r} (highlighted)`,
    allCol: 'all 9 valid',
    oneCol: 'exactly 1 valid',
    meanCol: 'mean valid share',
    pairingsCaption: (crop: number) => `DeepLab's own pairings of rates and maps (${crop}-px crops)`,
    strideCol: 'output stride',
    mapCol: 'map',
    closedCol: '((n − 2r)/n)²',
    showCol: 'Show on the chart',
    show: 'Show',
    showAlt: (r: number, n: number) => `Show rate ${r} on the ${n}×${n} map`,
    caption:
      "Change the map side and drag the rate, or press Show beside one of DeepLab's pairings. Notice that the " +
      'share of positions with all nine taps on the map falls to 0 once 2r exceeds the side minus 1, and that ' +
      "at DeepLab's own pairings the largest rate never has all nine taps on the map: the 65×65 curves of its " +
      'Fig. 4 look healthier at rates 6, 12 and 18 than the 33×33 map those rates actually meet.',
  },
  atrousGridding: {
    rates: (side: string) => `Rates, stack ${side} (first layer first)`,
    sides: ['A', 'B'] as const,
    hint: (layers: number, rate: number) => `1 to ${layers} rates between 1 and ${rate}, separated by commas.`,
    mapPending: 'Paths from each input pixel of the field to one output.',
    mapAlt: (rates: string, r: number, holes: number) =>
      `Paths from each input pixel of the ${r}×${r} field to one output through rates ${rates}; ${holes} pixels are holes.`,
    field: (r: number) => `Receptive field ${r} × ${r}`,
    holes: (h: number, r: number) => `Holes: ${h} of ${r * r} pixels`,
    factor: (g: number) => (g > 1 ? `Common factor ${g}: holes are certain` : 'No common factor'),
    hdc: {
      holds: (m: number) => `HDC: M₂ = ${m} ≤ 3 and the first rate is 1, so the rule promises no holes`,
      'first-rate-above-1': (m: number, first: number) =>
        `HDC: M₂ = ${m}, but the first rate is ${first}, not 1, so the rule promises nothing`,
      'gap-above-kernel': (m: number) => `HDC: M₂ = ${m} > 3, so the rule does not promise a field without holes`,
    },
    legend: 'white = hole (no path); darker = more paths',
    caption:
      'Type rates for either stack (first layer first). Notice that 2, 4, 8 leaves about three quarters of its field ' +
      'as holes, and that one rate-1 layer first is enough to fill them: try 1, 2, 4. Rates without a common ' +
      "factor can still leave holes (try 1, 4); HDC's bound M₂ ≤ 3 promises none only when the first rate is 1 " +
      '(try 2, 2, 2).',
  },
} as const;
