import { defineSettings } from '../lib/figure/settings.ts';

/** The row the lesson's table upsamples (docs/sources.md lists its three results). */
export const INPUT = [10, 20, 30, 40] as const;
export const OUT = 8;

export const settings = defineSettings('bilinear-conventions', {});
