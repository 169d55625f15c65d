// Worker tasks of the U-Net lesson: the trained U-Net's layer list for the size walk, its real
// output shapes at a size, and overlap-tile against running the whole scene at once.
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { runLayers } from '../../../models/run-layers.ts';
import { mirrorPad, overlapTile, type Tile, tilePlan } from '../../../ops/overlap-tile.ts';
import type { SizeNode, SizeOp } from '../../../ops/size-walk.ts';
import { readBack } from '../read-back.ts';
import { sharedModel } from './models.ts';

const pair = (v: unknown): number => (Array.isArray(v) ? (v[0] as number) : (v as number));

/** What a layer does to the side of its map, read from its config. */
function sizeOp(layer: tf.layers.Layer): SizeOp {
  const c = layer.getConfig();
  switch (layer.getClassName()) {
    case 'InputLayer':
      return { kind: 'input', channels: (layer.batchInputShape?.at(-1) as number | undefined) ?? 1 };
    case 'Conv2D':
      return {
        kind: 'conv',
        kernel: pair(c.kernelSize),
        stride: pair(c.strides),
        channels: c.filters as number,
        padding: c.padding === 'same' ? 'same' : 'valid',
      };
    case 'MaxPooling2D':
      return { kind: 'pool', size: pair(c.poolSize), stride: pair(c.strides ?? c.poolSize) };
    case 'Conv2DTranspose':
      if (c.padding !== 'valid') throw new Error(`${layer.name}: the size walk knows only unpadded up-convolutions`);
      return { kind: 'upconv', kernel: pair(c.kernelSize), stride: pair(c.strides), channels: c.filters as number };
    case 'CropToMatch':
    case 'CenterCrop':
      return { kind: 'crop' };
    case 'Concatenate':
      return { kind: 'concat' };
    case 'Activation':
      return { kind: 'same-size' };
    default:
      throw new Error(`the size walk has no rule for ${layer.name} (${layer.getClassName()})`);
  }
}

export interface OverlapTileResult {
  height: number;
  width: number;
  border: number;
  tiles: Tile[];
  /** The scene with its mirrored border, (height + 2·border) × (width + 2·border). */
  padded: Float32Array;
  tiledClasses: Uint8Array;
  wholeClasses: Uint8Array;
  /** Largest difference between the two runs' probabilities, and pixels whose classes agree. */
  maxDifference: number;
  agreeing: number;
}

export const unetTasks = {
  /** The trained U-Net as a layer list for sizeWalk, read from its layers' configs. */
  async unetSizeNodes(): Promise<SizeNode[]> {
    const { model } = await sharedModel('unet');
    return model.layers.map((layer) => ({
      name: layer.name,
      op: sizeOp(layer),
      inputs: (layer.inboundNodes[0]?.inboundLayers ?? []).map((l) => l.name),
    }));
  },

  /** Runs the trained U-Net on a blank side × side input; every layer's [rows, cols, channels] as computed. */
  async unetShapes(side: number): Promise<{ name: string; shape: number[] }[]> {
    const { model } = await sharedModel('unet');
    return tf.tidy(() => {
      const { values } = runLayers(model, tf.zeros([1, side, side, 1]));
      return [...values].map(([name, t]) => ({ name, shape: t.shape.slice(1) }));
    });
  },

  /** Labels a scene tile by tile with mirrored context, and whole, with the trained U-Net. */
  async unetOverlapTile(image: Float32Array, height: number, width: number, tile: number): Promise<OverlapTileResult> {
    const { model, info } = await sharedModel('unet');
    const border = info.border;
    const predict = (x: tf.Tensor4D) => model.predict(x) as tf.Tensor4D;
    const [tiledT, wholeT, paddedT, diffT, agreeT] = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, height, width, 1]);
      const tiled = overlapTile(x, border, tile, predict);
      const padded = mirrorPad(x, border);
      const whole = predict(padded);
      const a = tiled.argMax(-1);
      const b = whole.argMax(-1);
      return [a, b, padded, tiled.sub(whole).abs().max(), a.equal(b).sum()];
    });
    const [tiledClasses, wholeClasses, padded, diff, agree] = await readBack(tiledT, wholeT, paddedT, diffT, agreeT);
    const result: OverlapTileResult = {
      height,
      width,
      border,
      tiles: tilePlan(height, width, tile),
      padded: padded!,
      tiledClasses: Uint8Array.from(tiledClasses!),
      wholeClasses: Uint8Array.from(wholeClasses!),
      maxDifference: diff![0]!,
      agreeing: agree![0]!,
    };
    return Comlink.transfer(result, [padded!.buffer, result.tiledClasses.buffer, result.wholeClasses.buffer]);
  },
};
