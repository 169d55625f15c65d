// Runs a loaded functional model layer by layer on real tensors, in graph order, so that a figure
// can replace a layer's output with zeros on the way (an ASPP branch switched off) or keep any
// layer's output (shapes of a U-Net at a new size). Each layer is called with the same weights
// and in inference mode (batch norm uses its moving statistics), exactly as predict() calls it;
// the unit tests check the two agree. Call inside tf.tidy: intermediate tensors are not freed here.
import * as tf from '@tensorflow/tfjs';

export interface LayerRun {
  output: tf.Tensor;
  /** Every layer's output, by name (the input layer's is the input). */
  values: Map<string, tf.Tensor>;
}

export function runLayers(model: tf.LayersModel, input: tf.Tensor, zero: ReadonlySet<string> = new Set()): LayerRun {
  for (const name of zero) model.getLayer(name); // throws, naming the layer, when there is none
  const values = new Map<string, tf.Tensor>();
  // model.layers lists a functional model's layers so that each comes after its inputs.
  for (const layer of model.layers) {
    const inbound = layer.inboundNodes[0]?.inboundLayers ?? [];
    let y: tf.Tensor;
    if (inbound.length === 0) y = input;
    else {
      const xs = inbound.map((l) => values.get(l.name)!);
      y = layer.apply(xs.length === 1 ? xs[0]! : xs) as tf.Tensor;
    }
    values.set(layer.name, zero.has(layer.name) ? tf.zerosLike(y) : y);
  }
  return { output: values.get(model.outputs[0]!.sourceLayer.name)!, values };
}
