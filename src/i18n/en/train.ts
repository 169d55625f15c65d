/** Words of /playground/train/: training a small segmenter in the reader's browser. */
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const netTitles: Record<string, string> = {
  'small-fcn': 'Small FCN',
  'small-unet': 'Small U-Net',
  'tiny-unet': 'Tiny U-Net',
};

export const train = {
  trainPage: {
    title: 'Train a segmenter in your browser',
    tryIt: 'Train it',
    intro:
      'Press play and a small network learns, from scratch and on your device, to label every pixel of a digit ' +
      'scene with its digit. Within a minute the blobs it paints turn into digits.',
  },
  trainNetwork: {
    net: 'Network',
    nets: netTitles,
    seed: 'Seed',
    learningRate: 'Learning rate (Adam)',
    batchSize: 'Scenes per step',
    play: 'Play',
    pause: 'Pause',
    step: 'One step',
    reset: 'Reset',
    resetHint:
      'Reset starts a new network from the seed and network above; the learning rate and batch size apply at once.',
    size: (title: string, parameters: string, backend: string) =>
      `${title}: ${parameters} trainable weights, training on ${backend}.`,
    stepCount: (step: number) => `Step ${step}`,
    rate: (perSecond: string) => `${perSecond} steps per second`,
    rateIdle: 'not training',
    loss: (v: string) => `loss ${v}`,
    lossNone: 'loss: no step yet',
    miou: (v: string, step: number) => `held-out mean IU ${v} (at step ${step})`,
    miouNone: 'held-out mean IU: not measured yet',
    lossTitle: 'Loss (class-weighted cross-entropy) per step',
    miouTitle: 'Held-out mean IU',
    stepAxis: 'step',
    curvesAlt: (step: number, loss: string, miou: string) =>
      `Curves up to step ${step}: latest loss ${loss}, latest held-out mean IU ${miou}. ` +
      'The same numbers are in the table below.',
    curvesEmpty: 'No steps taken yet.',
    tableSummary: 'The curves as a table',
    tableCaption: 'Loss and held-out mean IU at each measurement',
    tableStep: 'Step',
    tableLoss: 'Mean loss since the row before',
    tableMiou: 'Held-out mean IU',
    scene: 'A held-out scene',
    truth: 'Ground truth',
    prediction: (step: number) => `Its labels, step ${step}`,
    sceneAlt: 'A held-out digit scene: white digits on black',
    truthAlt: (digits: string) => `Ground truth: the pixels of ${digits} in their class colours`,
    predictionAlt: (step: number, share: string) =>
      `The network's labels at step ${step}: ${share} of the pixels agree with the ground truth`,
    use: 'Use this model in the playground',
    kept: (step: number) => `Kept in this browser at step ${step}.`,
    openPlayground: 'Open the playground with it',
    download: 'Download (TensorFlow.js format)',
    hidden: 'Paused: the page was hidden. Press play to go on.',
    compare: (
      title: string,
      mine: string,
      step: number,
      scenes: number,
      shipped: string,
      shippedTitle: string,
      shippedScenes: number,
      training: string,
    ) =>
      `Yours (${title}): ${mine} mean IU after ${step} steps, on ${scenes} held-out scenes. ` +
      `The shipped ${shippedTitle}: ` +
      `${shipped} on ${shippedScenes} held-out scenes after ${training}.`,
    shippedTraining: (steps: number, batch: number, minutes: string, from?: string) =>
      `${steps} steps of ${batch} scenes (${minutes} min on one core)` +
      (from ? `, starting from the shipped ${from}` : ''),
    caption:
      'Press play and watch the right-hand map: at first the network paints the whole scene one colour, then blobs ' +
      'where the digits are, then digit shapes, and last the right colour for each digit. The loss falls at once; ' +
      'the held-out mean IU, measured on scenes of digits the network never trains on, lags behind it. Try a ' +
      'learning rate of 0.03 and watch the loss jump about.',
    pct,
  },
} as const;
