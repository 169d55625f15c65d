// What the in-browser training page trains and measures on: the first MNIST train digits shipped
// in public/data/ (scripts/export-train-digits.ts), and held-out scenes of the shipped test digits.
export const SHIPPED_TRAIN_DIGITS = 1000;
/** Held-out scenes for the page's mean IU (test seeds, so the same scenes `npm run evaluate` starts with). */
export const HELD_OUT_SCENES = 48;
