/**
 * Site-wide words: the header and footer, the backend status, and what every figure may say
 * (loading, errors, refused input). Kept apart from the lessons' words so the script every page
 * loads carries only these.
 */
import type { Refusal } from '../../lib/figure/settings.ts';

export const siteWords = {
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
    idleOnRequest:
      'TensorFlow.js is not loaded on this page until you ask: it picks the fastest backend your browser can run.',
    starting: 'Starting TensorFlow.js…',
    check: 'Start TensorFlow.js to see which backend your browser gets',
    running: (backend: string, detail: string) => `TensorFlow.js runs on ${backend}${detail ? ` (${detail})` : ''}.`,
    skipped: {
      unavailable: (b: string, d: string) => `${b} is not available here (${d}).`,
      software: (b: string, d: string) =>
        `${b} was skipped: it renders in software (${d}), slower than wasm on this machine.`,
      failed: (b: string, d: string) => `${b} failed to start (${d}); the next backend took over.`,
      unknown: (_: string, d: string) =>
        `?backend=${d} names no backend (webgpu, webgl, wasm or cpu); the fastest was chosen.`,
      asked: (b: string, d: string) => `${b} was not tried: the page asked for ${d}.`,
    },
    notStarted: (why: string) =>
      `the computation could not start (${why}). The text and formulas still read; reload to retry.`,
    failed: (message: string) => `The figures cannot compute in this browser: ${message}`,
  },
  figure: {
    loading: 'Loading the figure…',
    error: (message: string) => `This figure could not compute: ${message}`,
    urlAdjusted: (label: string, asked: string, shown: string) =>
      `The link asked for ${label} = ${asked.slice(0, 40)}; this figure shows ${shown}, the nearest it allows.`,
    refused: (label: string, why: Refusal) =>
      why.kind === 'empty'
        ? `Type a value for ${label}; the figure keeps the last one.`
        : why.kind === 'range'
          ? `${label} must be between ${why.min} and ${why.max}; the figure keeps the last valid value.`
          : `That is not a value ${label} can take; the figure keeps the last valid value.`,
    reroll: 'New random values',
  },
} as const;
