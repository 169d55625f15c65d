import { describe, expect, it } from 'vitest';
import { nearestFits, paperUnet, type SizeNode, sizeWalk } from '../../src/lib/ops/size-walk.ts';

const sides = (names: string[], walk = sizeWalk(paperUnet(), 572)) =>
  names.map((n) => walk.steps.find((s) => s.name === n)!.side);

describe('size walk', () => {
  it("the paper's U-Net from 572: every side of Fig. 1 (docs/sources.md)", () => {
    const walk = sizeWalk(paperUnet(), 572);
    expect(walk.misfit).toBeUndefined();
    const down = [
      'input',
      'enc1_conv1',
      'enc1_conv2',
      'pool1',
      'enc2_conv1',
      'enc2_conv2',
      'pool2',
      'enc3_conv1',
      'enc3_conv2',
      'pool3',
      'enc4_conv1',
      'enc4_conv2',
      'pool4',
      'bottom_conv1',
      'bottom_conv2',
    ];
    expect(sides(down)).toEqual([572, 570, 568, 284, 282, 280, 140, 138, 136, 68, 66, 64, 32, 30, 28]);
    const up = [
      'up4',
      'dec4_conv1',
      'dec4_conv2',
      'up3',
      'dec3_conv1',
      'dec3_conv2',
      'up2',
      'dec2_conv1',
      'dec2_conv2',
      'up1',
      'dec1_conv1',
      'dec1_conv2',
      'score',
    ];
    expect(sides(up)).toEqual([56, 54, 52, 104, 102, 100, 200, 198, 196, 392, 390, 388, 388]);
    const crops = [4, 3, 2, 1].map((l) => walk.steps.find((s) => s.name === `crop${l}`)!.crop);
    expect(crops.map((c) => c!.from)).toEqual([64, 136, 280, 568]);
    expect(crops.map((c) => [c!.before, c!.after])).toEqual([
      [4, 4],
      [16, 16],
      [40, 40],
      [88, 88],
    ]);
    expect(walk.output).toBe(388);
    expect((572 - 388) / 2).toBe(92);
    // 23 conv layers: 18 3×3, 4 up-convolutions, one 1×1; channels double down and halve up.
    const convs = walk.steps.filter((s) => s.op.kind === 'conv' || s.op.kind === 'upconv');
    expect(convs).toHaveLength(23);
    expect(walk.steps.find((s) => s.name === 'bottom_conv2')!.channels).toBe(1024);
    expect(walk.steps.find((s) => s.name === 'concat1')!.channels).toBe(128);
    expect(walk.steps.at(-1)!.channels).toBe(2);
  });

  it('an input that does not fit is explained at the layer where it fails, never rounded', () => {
    const odd = sizeWalk(paperUnet(), 571);
    expect(odd.misfit).toEqual({ kind: 'uneven', layer: 'pool1', side: 567, size: 2, stride: 2 });
    expect(odd.output).toBeUndefined();
    expect(odd.steps.at(-1)!.name).toBe('enc1_conv2');
    // 570: 566 pools to 283, which the second pooling cannot halve.
    expect(sizeWalk(paperUnet(), 570).misfit).toEqual({
      kind: 'uneven',
      layer: 'pool2',
      side: 279,
      size: 2,
      stride: 2,
    });
    expect(sizeWalk(paperUnet(), 2).misfit).toEqual({ kind: 'too-small', layer: 'enc1_conv1', side: 2, span: 3 });
  });

  it("the paper's U-Net takes 16k + 124 from 188 (output 4): 572 is one, its neighbours are 556 and 588", () => {
    const fit = Array.from({ length: 600 }, (_, n) => n + 1).filter(
      (n) => sizeWalk(paperUnet(), n).misfit === undefined,
    );
    expect(fit[0]).toBe(188);
    expect(sizeWalk(paperUnet(), 188).output).toBe(4);
    expect(fit.every((n) => (n - 124) % 16 === 0)).toBe(true);
    expect(nearestFits(paperUnet(), 572, 1, 1000)).toEqual({ below: 556, above: 588 });
    expect(nearestFits(paperUnet(), 571, 1, 1000)).toEqual({ below: 556, above: 572 });
  });

  it('a crop to a larger map and a strided window that does not tile are refused', () => {
    const nodes: SizeNode[] = [
      { name: 'x', op: { kind: 'input', channels: 1 }, inputs: [] },
      { name: 'a', op: { kind: 'conv', kernel: 3, stride: 2, padding: 'valid', channels: 4 }, inputs: ['x'] },
      { name: 'c', op: { kind: 'crop' }, inputs: ['a', 'x'] },
    ];
    expect(sizeWalk(nodes, 10).misfit).toEqual({ kind: 'uneven', layer: 'a', side: 10, size: 3, stride: 2 });
    expect(sizeWalk(nodes, 11).misfit).toEqual({ kind: 'crop-larger', layer: 'c', side: 5, target: 11 });
    const same: SizeNode[] = [
      nodes[0]!,
      { name: 's', op: { kind: 'conv', kernel: 3, stride: 2, padding: 'same', channels: 2 }, inputs: ['x'] },
    ];
    expect(sizeWalk(same, 11).output).toBe(6);
  });
});
