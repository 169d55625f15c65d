/**
 * Instances from a semantic label map: 4-connected regions of one class each, background
 * excluded. Two copies of the same digit share a class but not a region, so they get two ids.
 * One raster pass with union–find over provisional ids, then a pass to renumber them 1, 2, …
 * in raster order of each region's first pixel.
 */

export interface Components {
  /** Row-major instance id per pixel: 0 for background, 1 … count otherwise. */
  ids: Int32Array;
  count: number;
  /** Class and pixel count of instance id (index id − 1). */
  classes: number[];
  areas: number[];
}

function root(parent: Int32Array, a: number): number {
  let r = a;
  while (parent[r] !== r) r = parent[r]!;
  // Path compression keeps later look-ups short.
  let x = a;
  while (parent[x] !== r) {
    const next = parent[x]!;
    parent[x] = r;
    x = next;
  }
  return r;
}

export function connectedComponents(
  labels: ArrayLike<number>,
  height: number,
  width: number,
  background = 0,
): Components {
  if (labels.length !== height * width) {
    throw new Error(`label map has ${labels.length} pixels, not ${height}×${width}`);
  }
  const provisional = new Int32Array(height * width);
  // parent[k] for provisional id k (0 unused).
  const parent = new Int32Array(height * width + 1);
  let next = 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * width + x;
      const cls = labels[at]!;
      if (cls === background) continue;
      const up = y > 0 && labels[at - width] === cls ? provisional[at - width]! : 0;
      const left = x > 0 && labels[at - 1] === cls ? provisional[at - 1]! : 0;
      if (up === 0 && left === 0) {
        parent[next] = next;
        provisional[at] = next++;
      } else if (up === 0 || left === 0) {
        provisional[at] = up || left;
      } else {
        const a = root(parent, up);
        const b = root(parent, left);
        parent[Math.max(a, b)] = Math.min(a, b);
        provisional[at] = Math.min(a, b);
      }
    }
  }
  const final = new Int32Array(next);
  const ids = new Int32Array(height * width);
  const classes: number[] = [];
  const areas: number[] = [];
  for (let at = 0; at < ids.length; at++) {
    const p = provisional[at]!;
    if (p === 0) continue;
    const r = root(parent, p);
    if (final[r] === 0) {
      classes.push(labels[at]!);
      areas.push(0);
      final[r] = classes.length;
    }
    ids[at] = final[r]!;
    areas[final[r]! - 1]! += 1;
  }
  return { ids, count: classes.length, classes, areas };
}
