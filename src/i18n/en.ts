/** Every word a component shows, in English. Lesson prose lives in the MDX files. */
export const en = {
  site: {
    name: 'Pixelwise',
    tagline: 'Semantic segmentation, computed live in your browser',
    contents: 'Contents',
    lessons: 'Lessons',
    sources: 'Sources and further reading',
    previous: 'Previous',
    next: 'Next',
    skip: 'Skip to the lesson',
    licences: 'Bundled data and fonts',
  },
  runtime: {
    idle: 'TensorFlow.js starts when you reach the first figure.',
    starting: 'Starting TensorFlow.js…',
    check: 'Start TensorFlow.js to see which backend your browser gets',
    running: (backend: string, detail: string) => `TensorFlow.js runs on ${backend}${detail ? ` (${detail})` : ''}.`,
    skipped: {
      unavailable: (b: string, d: string) => `${b} is not available here (${d}).`,
      software: (b: string, d: string) =>
        `${b} was skipped: it renders in software (${d}), slower than wasm on this machine.`,
      failed: (b: string, d: string) => `${b} failed to start (${d}); the next backend took over.`,
    },
    failed: (message: string) => `The figures cannot compute in this browser: ${message}`,
  },
  figure: {
    loading: 'Loading the figure…',
    error: (message: string) => `This figure could not compute: ${message}`,
    reroll: 'New random values',
  },
  bilinearCell: {
    label: 'Sample point in the unit cell',
    pointText: (fx: string, fy: string) => `Sample point at x = ${fx}, y = ${fy}`,
    hint: 'Drag the point, or focus it and use the arrow keys (Shift for finer steps).',
    corners: ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const,
    weight: 'weight',
    value: 'Interpolated value',
    sum: 'Sum of the weights',
  },
  bilinearGrid: {
    input: 'Input',
    inputSize: 'Input size',
    scale: 'Output size',
    custom: 'custom',
    outputSide: 'Output side',
    convention: 'Convention',
    conventions: {
      'half-pixel': 'Half-pixel centres',
      'align-corners': 'Align corners',
      'tfjs-default': 'TF.js default',
    },
    cellLabel: (row: number, col: number) => `Input value at row ${row + 1}, column ${col + 1}`,
    tfjs: 'tf.image.resizeBilinear',
    ours: 'The formula (src/lib/ops/bilinear.ts)',
    maxDiff: 'Largest difference between the two',
    sourceX: 'Input x read by each output column',
  },
  bilinearConventions: {
    caption: 'tf.image.resizeBilinear on [10, 20, 30, 40], output length 8',
    output: 'Output',
  },
  bilinearPhoto: {
    pick: 'Region to enlarge: click the photo or use the arrow keys',
    factor: 'Enlargement',
    nearest: 'Nearest neighbour',
    halfPixel: 'Bilinear, half-pixel centres',
    alignCorners: 'Bilinear, align corners',
    difference: 'Difference of the two bilinear results',
    differenceMax: (v: string) => `largest: ${v} grey levels`,
    photoAlt: 'Chelsea the cat (scikit-image sample, CC0); the outlined square is the region enlarged below.',
    failed: 'The sample photo could not be loaded.',
  },
} as const;

export const t = en;
