// The U-Net and ASPP lessons' worker tasks, in Node on the shipped weights.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runLayers } from '../../src/lib/models/run-layers.ts';
import { sizeWalk } from '../../src/lib/ops/size-walk.ts';
import { asppTasks } from '../../src/lib/runtime/worker/tasks/aspp.ts';
import { modelTasks, sharedModel } from '../../src/lib/runtime/worker/tasks/models.ts';
import { unetTasks } from '../../src/lib/runtime/worker/tasks/unet.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';
import { noLeak } from './no-leak.ts';

beforeAll(() => {
  vi.stubGlobal('fetch', (url: string) => fileFetch(`public${url}`));
});
afterAll(() => vi.unstubAllGlobals());

describe('running a model layer by layer', () => {
  it.each(['unet', 'deeplabv3', 'deeplabv3plus'])('%s: equals predict() when nothing is zeroed', async (name) => {
    const { model, info } = await sharedModel(name);
    const side = info.input.height + 2 * info.border;
    const diff = tf.tidy(() => {
      const x = tf.randomUniform([1, side, side, 1], 0, 1, 'float32', 5);
      return runLayers(model, x)
        .output.sub(model.predict(x) as tf.Tensor)
        .abs()
        .max()
        .dataSync()[0]!;
    });
    expect(diff).toBeLessThan(1e-5);
    expect(() => tf.tidy(() => runLayers(model, tf.zeros([1, side, side, 1]), new Set(['nope'])).output)).toThrow(
      /nope/,
    );
  });
});

describe('U-Net tasks', () => {
  it("the size walk of the trained U-Net's layer list equals the shapes it really computes", async () => {
    const nodes = await unetTasks.unetSizeNodes();
    for (const side of [44, 104]) {
      const walk = sizeWalk(nodes, side);
      expect(walk.misfit).toBeUndefined();
      expect(walk.output).toBe(side - 40);
      const real = await noLeak(() => unetTasks.unetShapes(side));
      for (const step of walk.steps) {
        const shape = real.find((r) => r.name === step.name)!.shape;
        expect([shape[0], shape[1], shape[2]], step.name).toEqual([step.side, step.side, step.channels]);
      }
    }
    // 106 is even but (106 − 4) / 2 = 51 is not: the second pooling would drop a row.
    expect(sizeWalk(nodes, 106).misfit).toEqual({ kind: 'uneven', layer: 'pool2', side: 47, size: 2, stride: 2 });
    expect(sizeWalk(nodes, 40).misfit?.kind).toBe('too-small');
  });

  it('overlap-tile: 32-pixel tiles of a 96-pixel scene give exactly the whole-scene result', async () => {
    const scene = await modelTasks.sceneForPage(3, 96, { minDigits: 3, maxDigits: 5 });
    await modelTasks.modelLoad('unet');
    const r = await noLeak(() => unetTasks.unetOverlapTile(scene.image, 96, 96, 32));
    expect(r.tiles).toHaveLength(9);
    expect(r.padded.length).toBe(136 * 136);
    expect(r.agreeing).toBe(96 * 96);
    expect(r.maxDifference).toBeLessThan(1e-5);
    expect(new Set(r.tiledClasses).size).toBeGreaterThan(2);
    // The mirrored border: row −1 is row 1.
    expect(Array.from(r.padded.subarray(19 * 136 + 20, 19 * 136 + 116))).toEqual(
      Array.from(scene.image.subarray(96, 192)),
    );
  });
});

describe('ASPP tasks', () => {
  it("reads the trained DeepLab's branches: 1×1, rates 3 / 6 / 9 and image pooling on a 16×16 map (output stride 4)", async () => {
    const info = await asppTasks.asppInfo('deeplabv3');
    expect(info.branches.map((b) => [b.kind, b.kernel, b.rate])).toEqual([
      ['conv', 1, 1],
      ['conv', 3, 3],
      ['conv', 3, 6],
      ['conv', 3, 9],
      ['pool', 0, 0],
    ]);
    expect([info.mapSize, info.inputSize, info.outputStride]).toEqual([16, 64, 4]);
    const shares = await noLeak(() => asppTasks.asppValidShares(33, [6, 12, 18]));
    expect(shares.map((s) => Number(s[0].toFixed(3)))).toEqual([0.405, 0.074, 0]);
  });

  it("switching branches off changes the prediction and the scene's mean IoU; all on is the model itself", async () => {
    const scene = await modelTasks.sceneForPage(7, 64);
    const info = await asppTasks.asppInfo('deeplabv3');
    const none = await asppTasks.asppSwitch('deeplabv3', scene.image, scene.label, 64, 64, []);
    expect(none.changed).toBe(0);
    expect(none.meanIoU).toBe(none.fullMeanIoU);
    const run = await modelTasks.modelRun('deeplabv3', scene.image, 64, 64);
    expect(Array.from(none.fullClassMap)).toEqual(Array.from(run.classMap));
    const off = info.branches.filter((b) => b.kind === 'conv').map((b) => b.layer);
    const r = await noLeak(() => asppTasks.asppSwitch('deeplabv3', scene.image, scene.label, 64, 64, off));
    expect(r.changed).toBeGreaterThan(0);
    expect(r.meanIoU).not.toBe(r.fullMeanIoU);
  });

  it('v3 against v3+: errors split into the boundary band and the rest', async () => {
    const scene = await modelTasks.sceneForPage(7, 64);
    await Promise.all(['deeplabv3', 'deeplabv3plus'].map((name) => modelTasks.modelLoad(name)));
    const r = await noLeak(() => asppTasks.asppDecoder(scene.image, scene.label, 64, 64, 1));
    for (const run of [r.v3, r.v3plus]) {
      const wrong = run.classMap.filter((c, i) => c !== scene.label[i]).length;
      expect(run.errorsInBand + run.errorsOutside).toBe(wrong);
    }
    expect(r.bandPixels).toBeGreaterThan(0);
    expect(r.v3plus.errorsInBand).toBeLessThan(r.v3.errorsInBand);
  });
});
