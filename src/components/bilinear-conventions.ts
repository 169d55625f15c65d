/**
 * One row of four values upsampled to eight under each convention, by tf.image.resizeBilinear,
 * so the reader sees the shift and the repeated edge of TF.js's default.
 */
import { defineFigure } from '../lib/figure/scaffold.ts';
import { CONVENTIONS, type Convention } from '../lib/ops/bilinear-coordinates.ts';
import { fmt } from '../lib/viz/format.ts';
import { INPUT, OUT, settings } from './bilinear-conventions.settings.ts';

export default defineFigure(settings, ({ $, api }) => ({
  async compute() {
    const runtime = await api();
    const input = Float32Array.from(INPUT);
    return Promise.all(
      CONVENTIONS.map(async (c) => {
        const { tfjs } = await runtime.bilinearUpsample(input, [1, input.length], [1, OUT], c);
        return [c, tfjs] as const;
      }),
    );
  },
  draw(rows: (readonly [Convention, Float32Array])[]) {
    for (const [c, values] of rows) {
      $(`[data-row="${c}"]`).textContent = Array.from(values, (v) => fmt(v)).join(', ');
    }
  },
}));
