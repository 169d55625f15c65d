// Registers the one custom layer a shipped model needs at inference (the U-Net's CropToMatch);
// import before tf.loadLayersModel. DeepLab's training-only AtrousConv2D ships as Conv2D.
export { CropToMatch } from './crop-to-match.ts';
