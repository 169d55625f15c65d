import { defineSettings } from '../lib/figure/settings.ts';
import { seedField } from './seg-scene.settings.ts';

export const settings = defineSettings('seg-classify', { seed: seedField(3) });
