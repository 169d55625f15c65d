// Registers the two custom layers with tfjs's serialization; import before tf.loadLayersModel.
export { AtrousConv2D } from './atrous-conv2d.ts';
export { CenterCrop } from './center-crop.ts';
