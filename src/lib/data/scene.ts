// Seeded digit scenes shared by training, tests and pages (pure: no DOM, no Node APIs).
import { DIGIT_SIZE, type DigitSet, digitPixels } from './digits.ts';
import { mulberry32, randInt } from './prng.ts';

export const NUM_CLASSES = 11;
export const BACKGROUND = 0;
/** Ink brighter than this (of 1) is labelled with its digit's class. */
export const INK_THRESHOLD = 0.5;
/** Class index of digit d. */
export const classOfDigit = (d: number): number => d + 1;

export interface SceneOptions {
  height: number;
  width: number;
  minDigits: number;
  maxDigits: number;
}

export interface Placement {
  /** Index of the digit in its DigitSet. */
  index: number;
  digit: number;
  /** Top-left corner of the 28x28 frame; may lie outside the canvas where the frame is blank. */
  top: number;
  left: number;
}

export interface Scene {
  height: number;
  width: number;
  /** Row-major intensities in [0, 1], white digits on black (MNIST polarity). */
  image: Float32Array;
  /** Row-major class per pixel: 0 background, d + 1 for digit d. */
  label: Uint8Array;
  placements: Placement[];
}

export const DEFAULT_SCENE: SceneOptions = { height: 64, width: 64, minDigits: 1, maxDigits: 3 };

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Tight box (inclusive) of a digit's non-zero pixels within its frame. */
function inkBox(pixels: Uint8Array): Box {
  const box = { top: DIGIT_SIZE, left: DIGIT_SIZE, bottom: -1, right: -1 };
  for (let y = 0; y < DIGIT_SIZE; y++) {
    for (let x = 0; x < DIGIT_SIZE; x++) {
      if ((pixels[y * DIGIT_SIZE + x] as number) === 0) continue;
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
    }
  }
  return box;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left <= b.right + 1 && b.left <= a.right + 1 && a.top <= b.bottom + 1 && b.top <= a.bottom + 1;

const PLACEMENT_TRIES = 50;

/**
 * Places 1–3 (by default) random digits of `digits` on a blank canvas, their ink boxes kept
 * apart by at least one pixel. The same seed always gives the same scene.
 */
export function makeScene(digits: DigitSet, seed: number, options: SceneOptions = DEFAULT_SCENE): Scene {
  const { height, width } = options;
  const rand = mulberry32(seed);
  const wanted = randInt(rand, options.minDigits, options.maxDigits);
  const image = new Float32Array(height * width);
  const label = new Uint8Array(height * width);
  const placed: Box[] = [];
  const placements: Placement[] = [];
  for (let k = 0; k < wanted; k++) {
    const index = randInt(rand, 0, digits.count - 1);
    const pixels = digitPixels(digits, index);
    const ink = inkBox(pixels);
    if (ink.bottom < 0) continue;
    for (let attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
      const top = randInt(rand, -ink.top, height - 1 - ink.bottom);
      const left = randInt(rand, -ink.left, width - 1 - ink.right);
      const box = { top: top + ink.top, left: left + ink.left, bottom: top + ink.bottom, right: left + ink.right };
      if (placed.some((b) => overlaps(b, box))) continue;
      placed.push(box);
      const digit = digits.labels[index] as number;
      placements.push({ index, digit, top, left });
      paint(image, label, width, pixels, box, top, left, classOfDigit(digit));
      break;
    }
  }
  return { height, width, image, label, placements };
}

function paint(
  image: Float32Array,
  label: Uint8Array,
  width: number,
  pixels: Uint8Array,
  box: Box,
  top: number,
  left: number,
  cls: number,
): void {
  for (let y = box.top; y <= box.bottom; y++) {
    for (let x = box.left; x <= box.right; x++) {
      const v = (pixels[(y - top) * DIGIT_SIZE + (x - left)] as number) / 255;
      const at = y * width + x;
      image[at] = v;
      if (v > INK_THRESHOLD) label[at] = cls;
    }
  }
}
