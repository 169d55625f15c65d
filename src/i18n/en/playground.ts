/** Words of the playground (/playground/): its inputs, models, messages and the photo notes. */
import type { ImageKind, ImageNote, ImageProblem } from '../../lib/data/image-file.ts';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const KIND: Record<ImageKind, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  avif: 'AVIF',
  heic: 'HEIC',
  svg: 'SVG',
  unknown: 'file',
};

export const playground = {
  playground: {
    title: 'Playground',
    intro:
      'Run every segmentation model this course trained, and a real photo model, on a scene, your drawing, ' +
      'a photo or your camera.',
    onDevice:
      'Everything runs on your device: your image, drawing and camera frames are decoded and segmented ' +
      'in this browser tab and never uploaded anywhere.',
    caption:
      'Pick an input and tick the models to compare. Point at (or focus and arrow through) any result: ' +
      'the probabilities of that pixel are listed below, and for a digit model its receptive field is outlined ' +
      'on the input. Notice how the digit models fail on photos and the selfie model on digits: each only knows ' +
      'the kind of image it was trained on.',
    tryIt: 'Try the models',
    input: 'Input',
    inputs: { scene: 'Digit scene', draw: 'Draw', sample: 'Sample photo', file: 'Your image', webcam: 'Camera' },
    newScene: 'New scene',
    seed: (seed: number) => `Scene seed ${seed} (in the page address, so this scene can be linked)`,
    sceneAlt: (seed: number) => `A 64×64 scene of test digits, white on black, from seed ${seed}.`,
    drawHelp:
      'Write one or more digits with the mouse, a pen or a finger. The models segment your drawing ' + 'as you write.',
    drawAlt: 'Drawing area, 64×64 pixels: white strokes on black.',
    clear: 'Clear',
    undo: 'Undo stroke',
    strokes: (n: number) => `${n} ${n === 1 ? 'stroke' : 'strokes'}`,
    sample: 'Photo',
    samples: {
      astronaut: 'Astronaut (Eileen Collins)',
      coffee: 'Coffee cup',
      chelsea: 'Chelsea the cat',
      camera: 'Cameraman',
      rocket: 'Rocket launch',
      horse: 'Horse silhouette',
    } as Record<string, string>,
    sampleNotes: {
      astronaut: 'Eileen Collins, NASA photograph, public domain (NASA Great Images), via scikit-image.',
      coffee: 'Photograph by Rachel Michetti, courtesy of Pikolo Espresso Bar, CC0, via scikit-image.',
      chelsea: 'Chelsea the cat, by Stéfan van der Walt, CC0, via scikit-image.',
      camera: 'The cameraman test image, CC0 as distributed by scikit-image.',
      rocket: 'Falcon 9 launching DSCOVR, SpaceX photograph released into the public domain, via scikit-image.',
      horse: 'Horse silhouette by Andreas Preuss (openclipart), CC0, via scikit-image.',
    } as Record<string, string>,
    samplesSource:
      'Photos from the scikit-image sample data (Debian package python3-skimage); astronaut, ' +
      'coffee, rocket and horse downscaled to 320 pixels.',
    filePick: 'Choose an image',
    fileHelp:
      'Or drop an image file here, or paste one (Ctrl+V / ⌘V). PNG, JPEG, GIF, WebP, BMP or AVIF; ' +
      'it is fitted into a square with black bars.',
    dropZone: 'Drop an image here',
    cameraStart: 'Start camera',
    cameraStop: 'Stop camera',
    cameraHelp:
      'The camera starts only when you press the button, and stops when you switch input or leave ' + 'the page.',
    cameraAlt: "The camera's live picture.",
    fps: (fps: number) => `${fps.toFixed(1)} frames segmented per second`,
    inputAlt: 'The input image fitted into a square with black bars, as the models see it.',
    decoding: 'Decoding the image…',
    loaded: (name: string, width: number, height: number) =>
      `${name}: ${width}×${height} pixels, fitted into a square.`,
    notes: {
      'first-frame': (n: { frames: number }) =>
        `It is an animated GIF with ${n.frames} frames: the first frame is used.`,
      transparent: () => 'It can hold transparent pixels: they are composited on black.',
      rotated: (n: { orientation: number }) =>
        `Its EXIF orientation (${n.orientation}) was applied, so it shows upright.`,
      tiny: (n: { width: number; height: number }) =>
        `At ${n.width}×${n.height} pixels it is tiny: it is enlarged, so the models see a few flat blocks of colour.`,
      downscaled: (n: { width: number; height: number }) =>
        `It was downscaled while decoding from ${n.width}×${n.height}.`,
    } satisfies { [C in ImageNote['code']]: (n: Extract<ImageNote, { code: C }>) => string },
    problems: {
      empty: () => 'That file is empty (0 bytes). Choose another image.',
      svg: () =>
        'SVG is a vector drawing, not pixels: the playground does not rasterise it. Export it as PNG ' +
        'and try again.',
      heic: () =>
        'HEIC photos (the iPhone default) cannot be decoded by this browser. Export it as JPEG or PNG ' +
        'and try again.',
      'not-image': () =>
        'That file is not an image this page can read: its bytes are not PNG, JPEG, GIF, WebP, ' +
        'BMP or AVIF, whatever its name says.',
      truncated: (p: { kind: ImageKind }) =>
        `That ${KIND[p.kind]} file ends early (truncated, perhaps an unfinished download). Choose a complete file.`,
      'too-large': (p: { width: number; height: number; maxPixels: number }) =>
        `At ${p.width}×${p.height} pixels (${Math.round((p.width * p.height) / 1e6)} megapixels) that image would ` +
        `need more memory to decode than this page uses (at most ${p.maxPixels / 1e6} megapixels). Downscale it first.`,
      'no-size': (p: { kind: ImageKind }) =>
        `That ${KIND[p.kind]} file has no readable image size. Choose another image.`,
    } satisfies { [C in ImageProblem['code']]: (p: Extract<ImageProblem, { code: C }>) => string },
    undecodable: (kind: string) =>
      `This browser could not decode that ${kind} file (it may be damaged or in a variant it does not support).`,
    notAFile: 'The pasted or dropped item is not an image file.',
    camera: {
      starting: 'Asking for the camera…',
      running: 'The camera is on. Its frames are segmented here and go nowhere else.',
      stopped: 'The camera is off.',
      refused:
        "Camera access was refused. Allow it in the browser's site settings and press Start camera again, " +
        'or pick another input.',
      none: 'No camera was found on this device. Pick another input.',
      busy:
        'The camera is in use by another program or could not start. Close that program and press Start ' +
        'camera again.',
      lost:
        'The camera stopped sending frames (unplugged or switched off). Press Start camera to try again, ' +
        'or pick another input.',
      unsupported: 'This browser does not offer camera access on this page (it needs a secure https page).',
    },
    models: 'Models',
    titles: {
      fcn32s: 'FCN-32s',
      fcn16s: 'FCN-16s',
      fcn8s: 'FCN-8s',
      unet: 'U-Net',
      deeplabv3: 'DeepLab v3',
      deeplabv3plus: 'DeepLab v3+',
      trained: 'Your trained network',
      selfie: 'Selfie (person)',
    } as Record<string, string>,
    lesson: 'lesson',
    trainedLesson: 'trainer',
    trainedLink: 'The page where you trained it',
    trainedMissing: (reason: string) =>
      `Your trained network could not be loaded from this browser's storage (${reason}). ` +
      'Train one and press "Use this model in the playground" on the trainer page.',
    lessonLink: (title: string) => `The lesson that explains ${title}`,
    opacity: 'Overlay opacity',
    outputAlt: (title: string) =>
      `${title}: its classes over the input. Focus it and use the arrow keys to pick ` +
      'a pixel; its probabilities are listed below.',
    classesFound: (list: string) => (list ? `Classes found: ${list}` : 'Only background found'),
    personShare: (share: number) => `${pct(share)} of pixels marked person`,
    person: 'person',
    background: 'background',
    sizeNote: (side: number) => `run at ${side}×${side}`,
    picked: (title: string, row: number, col: number) => `${title}, pixel row ${row}, column ${col}:`,
    field: (top: number, bottom: number, left: number, right: number) =>
      `its receptive field (outlined on the input) spans rows ${top}–${bottom} and columns ${left}–${right}, ` +
      'clipped to the image.',
    noField: 'the selfie model is a graph without layer shapes here, so no receptive field is drawn for it.',
    probabilities: 'Probabilities at the picked pixel',
    pickHint: 'Point at a result, or focus one and use the arrow keys, to list its probabilities here.',
    download: 'Download the result (PNG)',
    downloadName: (input: string) => `pixelwise-playground-${input}.png`,
    noModel: 'Tick at least one model to see a result.',
    noFile: 'Choose, drop or paste an image to see what the models make of it.',
    noCamera: 'Press Start camera to segment its live picture.',
    inputSize: (side: number) => `${side}×${side}`,
    legendSelfie: 'Selfie model: person in magenta over the image; background left as it is.',
  },
};
