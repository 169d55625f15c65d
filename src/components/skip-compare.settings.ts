import { defineSettings } from '../lib/figure/settings.ts';
import { seedField } from './seg-scene.settings.ts';

export const settings = defineSettings('skip-compare', { seed: seedField(3) });

/** The three FCNs, coarsest first. */
export const FCNS = ['fcn32s', 'fcn16s', 'fcn8s'] as const;
