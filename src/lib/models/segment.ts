// Running a segmentation model on scenes, shared by evaluation, tests and pages.
import * as tf from '@tensorflow/tfjs';
import type { Scene } from '../data/scene.ts';

/** Scenes as a [N, H, W, 1] batch. */
export function scenesToTensor(scenes: Scene[]): tf.Tensor4D {
  const first = scenes[0];
  if (first === undefined) throw new Error('no scenes');
  const { height, width } = first;
  const data = new Float32Array(scenes.length * height * width);
  scenes.forEach((s, i) => data.set(s.image, i * height * width));
  return tf.tensor4d(data, [scenes.length, height, width, 1]);
}

/** Overlap-tile: mirror the image's edges into a border so an unpadded net labels every pixel. */
export function mirrorBorder(images: tf.Tensor4D, border: number): tf.Tensor4D {
  if (border === 0) return images;
  return tf.mirrorPad(
    images,
    [
      [0, 0],
      [border, border],
      [border, border],
      [0, 0],
    ],
    'reflect',
  );
}

/** Class probabilities [N, H, W, 11] for [N, H, W, 1] images. */
export function segmentProbabilities(model: tf.LayersModel, images: tf.Tensor4D, border: number): tf.Tensor4D {
  return tf.tidy(() => model.predict(mirrorBorder(images, border)) as tf.Tensor4D);
}

/** Most likely class per pixel, [N, H, W] int32. */
export function segment(model: tf.LayersModel, images: tf.Tensor4D, border: number): tf.Tensor3D {
  return tf.tidy(() => tf.argMax(segmentProbabilities(model, images, border), 3) as tf.Tensor3D);
}
