/**
 * The size walk of a network without padding (U-Net, Ronneberger et al. 2015, Fig. 1): the side
 * of every map, given the side of the input, computed from a list of layers in graph order. A
 * size that does not fit (a 2×2 pool meeting an odd side, a window wider than its map, a skip
 * smaller than the map it must be cropped to) stops the walk with the reason; nothing is rounded.
 * Square maps: one side stands for both.
 */

export type SizeOp =
  | { kind: 'input'; channels: number }
  | { kind: 'conv'; kernel: number; stride: number; padding: 'valid' | 'same'; channels: number }
  | { kind: 'pool'; size: number; stride: number }
  | { kind: 'upconv'; kernel: number; stride: number; channels: number }
  /** Centre crop of the first input to the side of the second. */
  | { kind: 'crop' }
  | { kind: 'concat' }
  /** Keeps the side (activations, batch norm, 1×1 layers named as such elsewhere). */
  | { kind: 'same-size' };

export interface SizeNode {
  name: string;
  op: SizeOp;
  inputs: string[];
}

export interface SizeStep {
  name: string;
  op: SizeOp;
  side: number;
  channels: number;
  /** For a crop: the side it cut from and the pixels removed on each side (the extra one bottom/right). */
  crop?: { from: number; before: number; after: number };
}

export type Misfit =
  | { kind: 'uneven'; layer: string; side: number; size: number; stride: number }
  | { kind: 'too-small'; layer: string; side: number; span: number }
  | { kind: 'crop-larger'; layer: string; side: number; target: number };

export interface SizeWalk {
  input: number;
  /** Every layer reached, in order; stops at the misfit when there is one. */
  steps: SizeStep[];
  misfit?: Misfit;
  /** The last layer's side when the whole network fits. */
  output?: number;
}

/** Walks the graph from an input side; `nodes` must be in graph order (inputs before users). */
export function sizeWalk(nodes: readonly SizeNode[], input: number): SizeWalk {
  const sides = new Map<string, { side: number; channels: number }>();
  const steps: SizeStep[] = [];
  const get = (name: string) => {
    const found = sides.get(name);
    if (found === undefined) throw new Error(`layer ${name} is used before it is computed`);
    return found;
  };
  const stop = (misfit: Misfit): SizeWalk => ({ input, steps, misfit });
  for (const node of nodes) {
    const op = node.op;
    const [a, b] = node.inputs.map(get);
    let side: number;
    let channels: number;
    let crop: SizeStep['crop'];
    switch (op.kind) {
      case 'input':
        side = input;
        channels = op.channels;
        break;
      case 'conv':
        if (op.padding === 'same') side = Math.ceil(a!.side / op.stride);
        else {
          if (a!.side < op.kernel) return stop({ kind: 'too-small', layer: node.name, side: a!.side, span: op.kernel });
          if ((a!.side - op.kernel) % op.stride !== 0) {
            return stop({ kind: 'uneven', layer: node.name, side: a!.side, size: op.kernel, stride: op.stride });
          }
          side = (a!.side - op.kernel) / op.stride + 1;
        }
        channels = op.channels;
        break;
      case 'pool':
        // A window that does not tile the map leaves its last row and column out.
        if (a!.side < op.size) return stop({ kind: 'too-small', layer: node.name, side: a!.side, span: op.size });
        if ((a!.side - op.size) % op.stride !== 0) {
          return stop({ kind: 'uneven', layer: node.name, side: a!.side, size: op.size, stride: op.stride });
        }
        side = (a!.side - op.size) / op.stride + 1;
        channels = a!.channels;
        break;
      case 'upconv':
        side = (a!.side - 1) * op.stride + op.kernel;
        channels = op.channels;
        break;
      case 'crop': {
        if (b!.side > a!.side) return stop({ kind: 'crop-larger', layer: node.name, side: a!.side, target: b!.side });
        const before = Math.floor((a!.side - b!.side) / 2);
        side = b!.side;
        channels = a!.channels;
        crop = { from: a!.side, before, after: a!.side - b!.side - before };
        break;
      }
      case 'concat':
        side = a!.side;
        channels = node.inputs.map(get).reduce((sum, s) => sum + s.channels, 0);
        break;
      case 'same-size':
        side = a!.side;
        channels = a!.channels;
        break;
    }
    sides.set(node.name, { side, channels });
    steps.push(
      crop === undefined ? { name: node.name, op, side, channels } : { name: node.name, op, side, channels, crop },
    );
  }
  return { input, steps, output: steps.at(-1)?.side };
}

/** The nearest input sides below and above `input` (within [min, max]) that fit the whole network. */
export function nearestFits(
  nodes: readonly SizeNode[],
  input: number,
  min: number,
  max: number,
): { below?: number; above?: number } {
  const fits = (n: number) => sizeWalk(nodes, n).misfit === undefined;
  let below: number | undefined;
  let above: number | undefined;
  for (let n = input - 1; n >= min && below === undefined; n--) if (fits(n)) below = n;
  for (let n = input + 1; n <= max && above === undefined; n++) if (fits(n)) above = n;
  return { below, above };
}

// ---- the paper's network, as a layer list ------------------------------------------------------

const CHANNELS = [64, 128, 256, 512, 1024];

/** U-Net of the paper's Fig. 1: four poolings, 23 conv layers, two classes out. */
export function paperUnet(): SizeNode[] {
  const nodes: SizeNode[] = [{ name: 'input', op: { kind: 'input', channels: 1 }, inputs: [] }];
  let last = 'input';
  const add = (name: string, op: SizeOp, inputs = [last]) => {
    nodes.push({ name, op, inputs });
    last = name;
  };
  const convs = (prefix: string, channels: number) => {
    add(`${prefix}_conv1`, { kind: 'conv', kernel: 3, stride: 1, padding: 'valid', channels });
    add(`${prefix}_conv2`, { kind: 'conv', kernel: 3, stride: 1, padding: 'valid', channels });
  };
  const levels = CHANNELS.length - 1;
  for (let level = 1; level <= levels; level++) {
    convs(`enc${level}`, CHANNELS[level - 1]!);
    add(`pool${level}`, { kind: 'pool', size: 2, stride: 2 });
  }
  convs('bottom', CHANNELS[levels]!);
  for (let level = levels; level >= 1; level--) {
    const channels = CHANNELS[level - 1]!;
    add(`up${level}`, { kind: 'upconv', kernel: 2, stride: 2, channels });
    add(`crop${level}`, { kind: 'crop' }, [`enc${level}_conv2`, `up${level}`]);
    add(`concat${level}`, { kind: 'concat' }, [`crop${level}`, `up${level}`]);
    convs(`dec${level}`, channels);
  }
  add('score', { kind: 'conv', kernel: 1, stride: 1, padding: 'valid', channels: 2 });
  return nodes;
}
