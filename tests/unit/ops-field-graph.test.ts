import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLoop } from '../../src/lib/ops/field-graph.reference.ts';
import { axisField, type FieldNode, type FieldOp, fieldInterval } from '../../src/lib/ops/field-graph.ts';
import { type LayerSpec, receptiveFields } from '../../src/lib/ops/receptive-field.ts';

const FC = { seed: 4242, numRuns: 80 };
const input: FieldNode = { name: 'in', op: { kind: 'input' }, inputs: [], size: 16 };

const windowOp = fc
  .record({
    kernel: fc.integer({ min: 1, max: 5 }),
    stride: fc.integer({ min: 1, max: 3 }),
    dilation: fc.integer({ min: 1, max: 3 }),
    padBefore: fc.integer({ min: 0, max: 4 }),
  })
  .map((w): FieldOp => ({ kind: 'window', ...w }));
const transposedOp = fc
  .record({
    stride: fc.integer({ min: 1, max: 4 }),
    extra: fc.integer({ min: 0, max: 4 }),
    padBefore: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ stride, extra, padBefore }): FieldOp => ({ kind: 'transposed', kernel: stride + extra, stride, padBefore }));
const oneInputOp: fc.Arbitrary<FieldOp> = fc.oneof(
  windowOp,
  windowOp,
  transposedOp,
  fc.integer({ min: 0, max: 6 }).map((offset): FieldOp => ({ kind: 'crop', offset })),
  fc.constant<FieldOp>({ kind: 'global' }),
);

/**
 * A random graph: each new node applies an op to one earlier node, or merges two or three
 * earlier nodes pointwise (sizes are arbitrary: only global pooling and broadcast read them).
 */
const graph = fc
  .array(
    fc.record({
      op: oneInputOp,
      merge: fc.boolean(),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      size: fc.integer({ min: 1, max: 9 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((steps) => {
    const nodes: FieldNode[] = [input];
    steps.forEach((s, i) => {
      const from = s.picks.map((p) => nodes[nodes.length - 1 - (p % nodes.length)]!.name);
      const inputs = s.merge ? [...new Set(from)] : [from[0]!];
      nodes.push({ name: `n${i}`, op: s.merge ? { kind: 'pointwise' } : s.op, inputs, size: s.size });
    });
    return nodes;
  });

const chain = (layers: LayerSpec[]): FieldNode[] => [
  input,
  ...layers.map(
    (l, i): FieldNode => ({
      name: `l${i}`,
      op: { kind: 'window', kernel: l.kernel, stride: l.stride ?? 1, dilation: l.dilation ?? 1, padBefore: 0 },
      inputs: [i === 0 ? 'in' : `l${i - 1}`],
      size: 8,
    }),
  ),
];

describe('receptive field through a layer graph', () => {
  it('equals brute-force reachability on random graphs with merges, transposed convs, crops and global pooling', () => {
    fc.assert(
      fc.property(graph, (nodes) => {
        const last = nodes.at(-1)!;
        const field = axisField(nodes, last.name);
        for (let o = 0; o < last.size; o++) {
          expect({ first: field.first[o], last: field.last[o] }).toEqual(fieldLoop(nodes, last.name, o));
          // the sliding box holds every field
          expect(field.first[o]).toBeGreaterThanOrEqual(field.offset + o * field.jump);
          expect(field.last[o]).toBeLessThanOrEqual(field.offset + o * field.jump + field.size - 1);
        }
        // an interval of outputs spans from its first output's field to its last's
        const whole = fieldInterval(nodes, last.name, { lo: 0, hi: last.size - 1 });
        expect(whole).toEqual({ lo: Math.min(...field.first), hi: Math.max(...field.last) });
      }),
      FC,
    );
  });

  it('on a chain of convs and pools, equals the closed form of Araujo et al.: size r₀, jump Πs, exact', () => {
    const layer = fc.record({
      kernel: fc.integer({ min: 1, max: 5 }),
      stride: fc.integer({ min: 1, max: 3 }),
      dilation: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(layer, { minLength: 1, maxLength: 6 }), (layers) => {
        const closed = receptiveFields(layers).at(-1)!;
        const field = axisField(chain(layers), `l${layers.length - 1}`);
        expect(field.size).toBe(closed.receptiveField);
        expect(field.jump).toBe(closed.jump);
        expect(field.exact).toBe(true);
        expect(field.offset).toBe(0);
      }),
      FC,
    );
  });

  it('hand cases: half-pixel 2x upsampling, a two-branch merge, a crop, image pooling', () => {
    // k=4, s=2, p=1 (bilinear 2x): output o sits at input (o − 0.5)/2 and reads its two neighbours.
    const up: FieldNode[] = [
      input,
      { name: 'up', op: { kind: 'transposed', kernel: 4, stride: 2, padBefore: 1 }, inputs: ['in'], size: 8 },
    ];
    const f = axisField(up, 'up');
    expect(Array.from(f.first)).toEqual([-1, 0, 0, 1, 1, 2, 2, 3]);
    expect(Array.from(f.last)).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
    expect([f.jump, f.offset, f.size, f.exact]).toEqual([0.5, -1, 2.5, false]);

    // 3x3 and 5x5 'same' branches added: the field is the larger, 5.
    const merge: FieldNode[] = [
      input,
      { name: 'a', op: { kind: 'window', kernel: 3, stride: 1, dilation: 1, padBefore: 1 }, inputs: ['in'], size: 16 },
      { name: 'b', op: { kind: 'window', kernel: 5, stride: 1, dilation: 1, padBefore: 2 }, inputs: ['in'], size: 16 },
      { name: 'sum', op: { kind: 'pointwise' }, inputs: ['a', 'b'], size: 16 },
    ];
    expect(axisField(merge, 'sum')).toMatchObject({ size: 5, jump: 1, offset: -2, exact: true });

    // A U-Net-like skip: valid 3x3 then a crop by 1 concatenated with the input cropped by 2.
    const skip: FieldNode[] = [
      input,
      { name: 'c', op: { kind: 'window', kernel: 3, stride: 1, dilation: 1, padBefore: 0 }, inputs: ['in'], size: 14 },
      { name: 'cc', op: { kind: 'crop', offset: 1 }, inputs: ['c'], size: 12 },
      { name: 'ic', op: { kind: 'crop', offset: 2 }, inputs: ['in'], size: 12 },
      { name: 'cat', op: { kind: 'pointwise' }, inputs: ['cc', 'ic'], size: 12 },
    ];
    expect(axisField(skip, 'cat')).toMatchObject({ size: 3, jump: 1, offset: 1, exact: true });

    // A 3x3 branch plus a broadcast image-pooling branch: every output sees the whole input.
    const pooled: FieldNode[] = [
      input,
      { name: 'g', op: { kind: 'global' }, inputs: ['in'], size: 1 },
      { name: 'a', op: { kind: 'window', kernel: 3, stride: 1, dilation: 1, padBefore: 1 }, inputs: ['in'], size: 16 },
      { name: 'sum', op: { kind: 'pointwise' }, inputs: ['a', 'g'], size: 16 },
    ];
    const p = axisField(pooled, 'sum');
    expect([p.first[0], p.last[0], p.first[15], p.last[15]]).toEqual([-1, 15, 0, 16]);
    expect(p.exact).toBe(false);
  });

  it('FCN-32s-style final upsampling (k=64, s=32, p=16): fields step by 32, every one the same size', () => {
    const nodes: FieldNode[] = [
      input,
      {
        name: 'score',
        op: { kind: 'window', kernel: 32, stride: 32, dilation: 1, padBefore: 0 },
        inputs: ['in'],
        size: 2,
      },
      { name: 'up', op: { kind: 'transposed', kernel: 64, stride: 32, padBefore: 16 }, inputs: ['score'], size: 64 },
    ];
    const f = axisField(nodes, 'up');
    const sizes = new Set(Array.from(f.first, (a, o) => f.last[o]! - a + 1));
    expect([...sizes]).toEqual([64]);
    expect(f.first[15]).toBe(-32);
    expect(f.first[16]).toBe(0);
    expect(f.exact).toBe(false);
  });

  it('refuses a graph that reads a later node and a transposed kernel smaller than its stride', () => {
    const later: FieldNode = { name: 'x', op: { kind: 'pointwise' }, inputs: ['y'], size: 4 };
    expect(() => axisField([input, later], 'x')).toThrow(/not before/);
    const op: FieldOp = { kind: 'transposed', kernel: 1, stride: 2, padBefore: 0 };
    const sparse: FieldNode = { name: 'x', op, inputs: ['in'], size: 4 };
    expect(() => axisField([input, sparse], 'x')).toThrow(/kernel 1 < stride 2/);
  });
});
