/**
 * Brute-force reachability (tests only): mark the output positions, then for every node from the
 * last to the first, mark each input position that one of its marked outputs reads, tap by tap.
 * No intervals involved; the field is the first and last mark at the input.
 */
import type { FieldNode } from './field-graph.ts';

function reads(node: FieldNode, o: number, inputSize: number): number[] {
  const op = node.op;
  switch (op.kind) {
    case 'window':
      return Array.from({ length: op.kernel }, (_, t) => o * op.stride - op.padBefore + t * op.dilation);
    case 'transposed': {
      // Every input i and tap t that writes o.
      const found: number[] = [];
      for (let t = 0; t < op.kernel; t++) {
        const at = o + op.padBefore - t;
        if (at % op.stride === 0) found.push(at / op.stride);
      }
      return found;
    }
    case 'crop':
      return [o + op.offset];
    case 'global':
      return Array.from({ length: inputSize }, (_, i) => i);
    case 'pointwise':
      return [inputSize === 1 ? 0 : o];
    case 'input':
      return [o];
  }
}

export function fieldLoop(nodes: readonly FieldNode[], from: string, output: number): { first: number; last: number } {
  const marks = new Map<string, Set<number>>(nodes.map((n) => [n.name, new Set<number>()]));
  marks.get(from)!.add(output);
  let first = Infinity;
  let last = -Infinity;
  for (let n = nodes.length - 1; n >= 0; n--) {
    const node = nodes[n]!;
    for (const o of marks.get(node.name)!) {
      if (node.op.kind === 'input') {
        first = Math.min(first, o);
        last = Math.max(last, o);
      }
      for (const name of node.inputs) {
        const size = nodes.find((m) => m.name === name)!.size;
        for (const i of reads(node, o, size)) marks.get(name)!.add(i);
      }
    }
  }
  return { first, last };
}
