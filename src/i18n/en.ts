/**
 * Every word a component shows, in English: site-wide words here, each lesson's figures in
 * en/<lesson>.ts. Lesson prose lives in the MDX files.
 */
import { atrous } from './en/atrous.ts';
import { bilinear } from './en/bilinear.ts';
import { fullyConvolutional } from './en/fully-convolutional.ts';
import { transposed } from './en/transposed.ts';

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
    yourBrowser: 'Your browser',
  },
  runtime: {
    idle: 'TensorFlow.js starts when you reach the first figure.',
    idleOnRequest: 'TensorFlow.js is not loaded on this page until you ask: it picks the fastest backend your browser can run.',
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
  ...bilinear,
  ...fullyConvolutional,
  ...transposed,
  ...atrous,
} as const;

export const t = en;
