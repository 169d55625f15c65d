/** Words of the U-Net lesson's figures. */
import type { Misfit } from '../../lib/ops/size-walk.ts';

const side = (n: number) => `${n}×${n}`;

export const unet = {
  unetSizeWalk: {
    network: 'U-Net',
    networks: { paper: "The paper's", ours: 'Our trained one' },
    side: 'Input side (pixels)',
    layer: 'Layer',
    size: 'Map (side × side × channels)',
    note: 'What happens',
    measured: 'Measured in the trained model',
    tableCaption: (n: number) => `The size walk from a ${side(n)} input, computed layer by layer`,
    conv: (k: number) => `${k}×${k} conv, no padding: ${k - 1} pixels fewer`,
    pool: '2×2 max-pool, stride 2: half the side',
    upconv: '2×2 up-convolution: twice the side, half the channels',
    crop: (from: number, before: number, after: number) =>
      `centre crop of the skip: ${from} → ${from - before - after} (${before === after ? `${before} a side` : `${before} top/left, ${after} bottom/right`})`,
    concat: 'concatenate: cropped skip, then upsampled map',
    input: 'input',
    activation: 'softmax over the classes (same size)',
    output: (input: number, output: number) =>
      `Output ${side(output)} from a ${side(input)} input: ${(input - output) / 2} pixels lost on each side, which overlap-tile fills by mirroring.`,
    misfit: (m: Misfit) =>
      m.kind === 'uneven'
        ? `Does not fit: at ${m.layer} the map is ${m.side} pixels, and a ${m.size}-pixel window with stride ${m.stride} cannot tile it (it would drop ${(m.side - m.size) % m.stride} row and column, so the output would no longer line up with the input).`
        : m.kind === 'too-small'
          ? `Does not fit: at ${m.layer} the map is ${m.side} pixels, smaller than its ${m.span}-pixel window; the input is too small for this network.`
          : `Does not fit: at ${m.layer} the skip map is ${m.side} pixels, smaller than the ${m.target}-pixel map it must be cropped to.`,
    nearest: 'Nearest sizes that fit:',
    try: (n: number) => `Use ${n}`,
    none: 'none in range',
    agree: (n: number) => `All ${n} layers: the walk equals the shapes the trained model computes at this size.`,
    disagree: (layers: string) => `The walk differs from the trained model at: ${layers}.`,
    notRun: 'The trained model is run only at sizes that fit.',
    caption:
      "Type an input side or switch networks. Each unpadded 3×3 conv takes 2 pixels off the side, each pooling halves it, each up-convolution doubles it, and every skip is cropped to the map it joins. Notice that most sizes do not fit: a pooling must meet an even side, so the paper's U-Net takes 572 but not 570 or 571. For our trained U-Net the walk is checked against the shapes the real model produces.",
  },
  unetCropConcat: {
    seed: 'Scene seed',
    newScene: 'New scene',
    level: 'Skip connection',
    levels: { 1: 'Upper (crop1)', 2: 'Lower (crop2)' },
    channel: 'Channel',
    skip: (l: string, s: number[]) => `1. Contracting path, ${l}: ${s[0]}×${s[1]}×${s[2]}`,
    cropped: (l: string, s: number[]) => `2. Its centre crop, ${l}: ${s[0]}×${s[1]}`,
    up: (l: string, s: number[]) => `3. Up-convolved from below, ${l}: ${s[0]}×${s[1]}×${s[2]}`,
    concat: (l: string, s: number[]) => `4. Concatenated, ${l}: ${s[0]}×${s[1]}×${s[2]}`,
    heads: {
      skip: '1. Contracting path',
      crop: '2. Its centre crop',
      up: '3. Up-convolved from below',
      concat: '4. Concatenated',
    },
    concatFirst: (c: number) => `channel ${c} (from the crop)`,
    concatSecond: (c: number) => `channel ${c} (from the up-convolution)`,
    mapAlt: (what: string, c: number) =>
      `${what}, channel ${c}, as grey levels from its smallest (black) to its largest value (white).`,
    cropAlt: 'The skip map with the window the crop keeps outlined.',
    sceneAlt: (n: number, b: number) =>
      `A ${side(n)} scene of handwritten digits; the U-Net reads it with ${b} mirrored pixels added on every side.`,
    scene: 'The scene with its mirrored border',
    summary: (from: number, to: number, each: number, skipC: number, upC: number) =>
      `The skip map is ${from} pixels wide, the upsampled map ${to}: the crop removes ${each} pixels on each side. Concatenation stacks ${skipC} + ${upC} = ${skipC + upC} channels; nothing is added together (FCN sums scores instead).`,
    caption:
      "Pick a skip connection and slide through the channels. The contracting-path map is larger than the map coming up from below, because the convs below it lost pixels; its centre is cut out to match and the two are stacked channel by channel. Notice the crop and the concatenation's first half are the same picture.",
  },
  unetOverlapTile: {
    seed: 'Scene seed',
    newScene: 'New scene',
    tile: 'Tile side',
    padded: (n: number, b: number) => `The ${side(n)} scene with ${b} mirrored pixels on each side`,
    paddedHead: 'The scene with its mirrored border',
    paddedAlt: (n: number) =>
      `The scene with its mirrored border; ${n} tiles are outlined, and the input window of the tile under the cursor is dashed.`,
    tiled: 'Labelled tile by tile',
    whole: 'Labelled in one run',
    mapAlt: (what: string) => `${what}: a class colour for every pixel of the scene.`,
    summary: (tiles: number, tile: number, window: number, agree: number, total: number, diff: string) =>
      `${tiles} tiles, each ${tile}×${tile} pixels of output from a ${window}×${window} window. The classes agree on ${agree} of ${total} pixels; the largest difference in a probability is ${diff}.`,
    cursor: (row: number, col: number, top: number, left: number, size: number) =>
      `Tile at row ${row}, column ${col}: its input window starts at (${top}, ${left}) of the mirrored scene and is ${size} pixels wide.`,
    caption:
      "Change the tile side and move the pointer over the mirrored scene (or focus it and use the arrow keys). Each tile's labels need a border of context on every side, the pixels the unpadded convolutions use up; at the scene's edge that context is the scene mirrored. Notice that the tiled result equals the single run: the tile sides are multiples of the network's total stride, so each tile repeats the same arithmetic the whole run does there.",
  },
  unetFeatures: {
    seed: 'Scene seed',
    newScene: 'New scene',
    layer: 'Layer shown',
    pick: 'Point at or focus a block of the U to see its feature maps',
    mapsAlt: (layer: string, c: number, h: number) =>
      `All ${c} channels of ${layer}, each ${h}×${h}, as grey levels (black 0, white the layer's largest activation).`,
    summary: (layer: string, h: number, c: number, active: string) =>
      `${layer}: ${c} channels of ${h}×${h}; ${active} of the values are above zero after the ReLU.`,
    caption:
      "Point at or tab to a block of the U. Notice the upper contracting maps still look like strokes and edges, the bottom is small and coarse, and the expansive maps come back to full size with the digits' shapes, sharper than the bottom could say alone: the skips carried the detail across.",
  },
};
