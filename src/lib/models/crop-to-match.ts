// Crops its first input to the height and width of its second, centred (Caffe's Crop layer, which
// the FCN and U-Net reference code use). Not called CenterCrop: that is the class name of tfjs's
// own one-input preprocessing layer, and any other tfjs code would read the shipped U-Net with it.
// tf.layers.cropping2D would do for one fixed input size, but with an unknown size it infers
// negative dimensions (null − crop) that Concatenate rejects, and the models must accept any
// multiple of 32. An odd difference leaves the extra pixel at the bottom/right.
import * as tf from '@tensorflow/tfjs';
import { centerCrop } from '../ops/crop-and-concat.ts';

export class CropToMatch extends tf.layers.Layer {
  static className = 'CropToMatch';

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [source, target] = inputShape as [tf.Shape, tf.Shape];
    return [source[0] ?? null, target[1] ?? null, target[2] ?? null, source[3] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [source, target] = inputs as [tf.Tensor4D, tf.Tensor4D];
    return centerCrop(source, target.shape[1], target.shape[2]);
  }
}

tf.serialization.registerClass(CropToMatch);
