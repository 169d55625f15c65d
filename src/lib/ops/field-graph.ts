/**
 * Theoretical receptive field through a layer graph, one axis at a time (square or not, every
 * layer here acts on rows and columns separately). Walking backwards from output positions
 * [lo, hi] of one node, each layer maps the interval to the input interval it reads; where paths
 * merge (skips, concatenation, ASPP branches) the intervals are joined. Every map is monotone in
 * both ends, so the joined interval is exactly the span of the reachable positions.
 * Positions are on an unbounded lattice: padding is not clipped, the caller clips to the image.
 */

export type FieldOp =
  /** The graph's input. */
  | { kind: 'input' }
  /** Convolution or pooling: output o reads o·stride − padBefore + t·dilation, t < kernel. */
  | { kind: 'window'; kernel: number; stride: number; dilation: number; padBefore: number }
  /** Transposed convolution: input i writes output i·stride − padBefore + t, t < kernel. */
  | { kind: 'transposed'; kernel: number; stride: number; padBefore: number }
  /** Output o is input o + offset (a centred crop). */
  | { kind: 'crop'; offset: number }
  /** Every position of the input (global pooling, flatten, dense). */
  | { kind: 'global' }
  /**
   * Output o reads position o of each input (activations, batch norm, add, concatenate), or
   * position 0 of an input of length 1 (broadcast, as DeepLab adds its image-pooling branch).
   */
  | { kind: 'pointwise' };

export interface FieldNode {
  name: string;
  op: FieldOp;
  /** Names of the nodes it reads, earlier in the list. */
  inputs: readonly string[];
  /** Its output length on this axis. */
  size: number;
}

export interface Interval {
  lo: number;
  hi: number;
}

/** The input positions a node reads for its outputs [lo, hi]; `inputSize` is its input's length. */
export function readInterval(op: FieldOp, { lo, hi }: Interval, inputSize: number): Interval {
  switch (op.kind) {
    case 'window':
      return { lo: lo * op.stride - op.padBefore, hi: hi * op.stride - op.padBefore + (op.kernel - 1) * op.dilation };
    case 'transposed':
      return {
        // + 0 turns Math.ceil's −0 into 0.
        lo: Math.ceil((lo + op.padBefore - op.kernel + 1) / op.stride) + 0,
        hi: Math.floor((hi + op.padBefore) / op.stride),
      };
    case 'crop':
      return { lo: lo + op.offset, hi: hi + op.offset };
    case 'global':
      return { lo: 0, hi: inputSize - 1 };
    case 'pointwise':
      return inputSize === 1 ? { lo: 0, hi: 0 } : { lo, hi };
    case 'input':
      return { lo, hi };
  }
}

/** How far the field moves per step of the node's output: a rational, 0 after global pooling. */
function stepAfter(op: FieldOp, inputStep: number, inputSize: number): number {
  switch (op.kind) {
    case 'window':
      return inputStep * op.stride;
    case 'transposed':
      return inputStep / op.stride;
    case 'global':
      return 0;
    case 'pointwise':
      return inputSize === 1 ? 0 : inputStep;
    case 'crop':
    case 'input':
      return inputStep;
  }
}

/** Input positions per output step of every node (the largest over its inputs where they merge). */
export function fieldSteps(nodes: readonly FieldNode[]): Map<string, number> {
  const steps = new Map<string, number>();
  const sizes = new Map(nodes.map((n) => [n.name, n.size]));
  for (const node of nodes) {
    const after = (i: string) => stepAfter(node.op, steps.get(i)!, sizes.get(i)!);
    const step = node.op.kind === 'input' ? 1 : Math.max(...node.inputs.map(after));
    steps.set(node.name, step);
  }
  return steps;
}

function checkGraph(nodes: readonly FieldNode[]): Map<string, number> {
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    for (const input of node.inputs) {
      if (!index.has(input)) throw new Error(`${node.name} reads ${input}, which is not before it`);
    }
    // With kernel < stride some outputs read nothing and the span is no longer one interval.
    if (node.op.kind === 'transposed' && node.op.kernel < node.op.stride) {
      throw new Error(`${node.name}: transposed kernel ${node.op.kernel} < stride ${node.op.stride}`);
    }
    index.set(node.name, i);
  });
  return index;
}

/** The span at the input of outputs [lo, hi] of node `from` (nodes in topological order). */
export function fieldInterval(nodes: readonly FieldNode[], from: string, outputs: Interval): Interval {
  const index = checkGraph(nodes);
  const start = index.get(from);
  if (start === undefined) throw new Error(`no node ${from}`);
  const reach: (Interval | undefined)[] = nodes.map(() => undefined);
  reach[start] = outputs;
  let found: Interval | undefined;
  for (let n = start; n >= 0; n--) {
    const node = nodes[n]!;
    const here = reach[n];
    if (here === undefined) continue;
    if (node.op.kind === 'input') {
      found = found === undefined ? here : { lo: Math.min(found.lo, here.lo), hi: Math.max(found.hi, here.hi) };
      continue;
    }
    for (const name of node.inputs) {
      const i = index.get(name)!;
      const read = readInterval(node.op, here, nodes[i]!.size);
      const seen = reach[i];
      reach[i] = seen === undefined ? read : { lo: Math.min(seen.lo, read.lo), hi: Math.max(seen.hi, read.hi) };
    }
  }
  if (found === undefined) throw new Error(`${from} does not depend on an input`);
  return found;
}

export interface AxisField {
  /** Input length (this axis) and output length of the node. */
  inputSize: number;
  outputSize: number;
  /** For every output o: the first and last input position its field spans (may lie in padding). */
  first: Int32Array;
  last: Int32Array;
  /**
   * The smallest box of one size sliding by one step that holds every output's field: output o's
   * field lies within [offset + o·jump, offset + o·jump + size − 1], jump = the product of the
   * strides on the way (divided by a transposed conv's). `exact` when every field is that box:
   * not so after a strided transposed conv, whose fields step by the coarse map's stride instead
   * of sliding with the output, nor after global pooling, whose field does not move.
   */
  size: number;
  jump: number;
  offset: number;
  exact: boolean;
}

/** Each output position of `from` and its field at the graph's input. */
export function axisField(nodes: readonly FieldNode[], from: string): AxisField {
  const node = nodes.find((n) => n.name === from);
  const input = nodes.find((n) => n.op.kind === 'input');
  if (node === undefined || input === undefined) throw new Error(`no node ${from} or no input`);
  const first = new Int32Array(node.size);
  const last = new Int32Array(node.size);
  for (let o = 0; o < node.size; o++) {
    const { lo, hi } = fieldInterval(nodes, from, { lo: o, hi: o });
    first[o] = lo;
    last[o] = hi;
  }
  checkGraph(nodes);
  const jump = fieldSteps(nodes).get(from)!;
  let offset = Infinity;
  let end = -Infinity;
  for (let o = 0; o < node.size; o++) {
    offset = Math.min(offset, first[o]! - o * jump);
    end = Math.max(end, last[o]! - o * jump);
  }
  const size = end - offset + 1;
  let exact = true;
  for (let o = 0; o < node.size; o++) {
    if (first[o] !== offset + o * jump || last[o] !== end + o * jump) exact = false;
  }
  return { inputSize: input.size, outputSize: node.size, first, last, size, jump, offset, exact };
}
