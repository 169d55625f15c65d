import { t } from '../i18n/en.ts';

/** The scene seed every model figure offers (typed, and stepped by its "New scene" button). */
export const seedField = (initial: number) =>
  ({ kind: 'int', min: 1, max: 99999, default: initial, control: 'number', label: t.modelView.seed }) as const;

/** The next seed after `seed`, wrapping inside the field's range. */
export const nextSeed = (seed: number) => (seed % 99999) + 1;

/** Scenes on the lesson pages: the size the models were trained and measured on. */
export const SCENE_SIDE = 64;
