/**
 * One row of four values upsampled to eight under each convention, by tf.image.resizeBilinear,
 * so the reader sees the shift and the repeated edge of TF.js's default.
 */
import { CONVENTIONS } from '../lib/ops/bilinear-coordinates.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import { fmt } from '../lib/viz/format.ts';

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const input = Float32Array.from(root.dataset.input!.split(',').map(Number));
  const out = Number(root.dataset.out);
  await Promise.all(
    CONVENTIONS.map(async (c) => {
      const { tfjs } = await api.bilinearUpsample(input, [1, input.length], [1, out], c);
      root.querySelector(`[data-row="${c}"]`)!.textContent = Array.from(tfjs, (v) => fmt(v)).join(', ');
    }),
  );
}
