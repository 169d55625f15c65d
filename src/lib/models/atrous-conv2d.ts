// A 3x3 'same' convolution at a dilation rate, without bias (batch norm follows it).
// Why not tf.layers.conv2d({dilationRate}): with a linear activation the layer runs tfjs's fused
// conv2d, whose gradient refuses dilation > 1 on every backend; this layer calls the plain
// tf.conv2d op, whose registered gradient training replaces (src/lib/training/conv2d-grad.ts).
// Inference needs none of this, so the export writes each one as a standard Conv2D with
// dilationRate (asConv2D), and the shipped DeepLab weights load in plain tfjs.
import * as tf from '@tensorflow/tfjs';

export interface AtrousConv2DArgs {
  filters: number;
  rate: number;
  seed?: number;
  name?: string;
  trainable?: boolean;
}

const KERNEL_SIZE = 3;

export class AtrousConv2D extends tf.layers.Layer {
  static className = 'AtrousConv2D';
  readonly filters: number;
  readonly rate: number;
  private readonly seed: number | undefined;
  private kernel: tf.LayerVariable | null = null;

  constructor(args: AtrousConv2DArgs) {
    super(args);
    this.filters = args.filters;
    this.rate = args.rate;
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[shape.length - 1] as number;
    this.kernel = this.addWeight(
      'kernel',
      [KERNEL_SIZE, KERNEL_SIZE, channels, this.filters],
      'float32',
      tf.initializers.heNormal({ seed: this.seed }),
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
    const kernel = (this.kernel as tf.LayerVariable).read() as tf.Tensor4D;
    return tf.conv2d(x, kernel, 1, 'same', 'NHWC', this.rate);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), filters: this.filters, rate: this.rate };
  }
}

tf.serialization.registerClass(AtrousConv2D);

export interface LayerJson {
  class_name: string;
  config: Record<string, unknown>;
}

/**
 * The Conv2D that computes what an AtrousConv2D layer does, as model.json config: same kernel
 * ('<name>/kernel', [3, 3, in, filters]), no bias, linear. Other layers pass through unchanged.
 */
export function asConv2D(layer: LayerJson): LayerJson {
  if (layer.class_name !== AtrousConv2D.className) return layer;
  const { name, trainable, filters, rate } = layer.config;
  return {
    ...layer,
    class_name: 'Conv2D',
    config: {
      name,
      trainable,
      filters,
      kernel_size: [KERNEL_SIZE, KERNEL_SIZE],
      strides: [1, 1],
      padding: 'same',
      data_format: 'channels_last',
      dilation_rate: [rate, rate],
      activation: 'linear',
      use_bias: false,
    },
  };
}
