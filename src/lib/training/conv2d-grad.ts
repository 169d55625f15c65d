// tfjs-core's Conv2D gradient refuses dilation > 1. This one passes the layer's dilations on to
// the backprop kernels, which on wasm (wasm-conv-kernels.ts) honour them; the stock cpu/webgl
// kernels ignore the attribute, so only register this where those wasm kernels are in use.
import * as tf from '@tensorflow/tfjs';

export function registerDilatedConv2DGradient(): void {
  tf.registerGradient({
    kernelName: 'Conv2D',
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy, saved, attrs) => {
      const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const dy4 = dy as tf.Tensor4D;
      const { strides, pad, dimRoundingMode, dilations } = attrs as Record<string, unknown>;
      const common = { strides, pad, dimRoundingMode, dataFormat: 'NHWC', dilations } as tf.NamedAttrMap;
      return {
        x: () =>
          tf
            .engine()
            .runKernel('Conv2DBackpropInput', { dy: dy4, filter }, { ...common, inputShape: x.shape }) as tf.Tensor,
        filter: () =>
          tf
            .engine()
            .runKernel('Conv2DBackpropFilter', { x, dy: dy4 }, { ...common, filterShape: filter.shape }) as tf.Tensor,
      };
    },
  });
}
