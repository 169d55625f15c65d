/**
 * A real photo: the reader picks a small region and sees it enlarged by nearest neighbour and by
 * bilinear interpolation under two conventions, with the difference between the two bilinear
 * results. Computes in the worker: bilinearPhoto.
 */
import { interpolateMagma } from 'd3';
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import { fmt } from '../lib/viz/format.ts';
import { drawHeatmap, drawRgba, loadImagePixels } from '../lib/viz/pixels.ts';
import { arrowStep, pixelAt } from '../lib/viz/pointer.ts';
import { CROP, settings } from './bilinear-photo.settings.ts';

const p = t.bilinearPhoto;
const KEY_STEP = 8;

export default defineFigure(settings, async ({ $, root, state, api, update }) => {
  const photoCanvas = $<HTMLCanvasElement>('[data-photo]');
  const photo = await loadImagePixels(root.dataset.src!).catch((e: Error) => {
    throw new Error(`${p.failed} (${e.message})`);
  });
  photoCanvas.width = photo.width;
  photoCanvas.height = photo.height;
  const ctx = photoCanvas.getContext('2d')!;

  // The crop stays inside this photo: the settings only know the largest photo that loads.
  const inside = (x: number, y: number) => ({
    x: Math.min(Math.max(x, 0), photo.width - CROP),
    y: Math.min(Math.max(y, 0), photo.height - CROP),
  });
  const moveCrop = (x: number, y: number) => state.set(inside(x, y));
  // A linked crop past this photo's edge is moved inside it, and the figure says so.
  const asked = { ...state.values };
  const kept = inside(asked.x, asked.y);
  for (const key of ['x', 'y'] as const) {
    if (kept[key] !== asked[key]) state.urlNotes.push(t.figure.urlAdjusted(key, String(asked[key]), String(kept[key])));
  }
  state.set(kept);
  const cropPixels = (x: number, y: number) => {
    const out = new Uint8ClampedArray(CROP * CROP * 4);
    for (let row = 0; row < CROP; row++) {
      const start = ((y + row) * photo.width + x) * 4;
      out.set(photo.data.subarray(start, start + CROP * 4), row * CROP * 4);
    }
    return out;
  };

  photoCanvas.addEventListener('click', (event) => {
    const [row, col] = pixelAt(photoCanvas, event as PointerEvent, photo.width, photo.height);
    moveCrop(col - CROP / 2, row - CROP / 2);
    void update();
  });
  photoCanvas.addEventListener('keydown', (event) => {
    const move = arrowStep(event, KEY_STEP);
    if (!move) return;
    event.preventDefault();
    moveCrop(state.values.x + move[1], state.values.y + move[0]);
    void update();
  });

  return {
    async compute({ factor, x, y }) {
      const side = CROP * Number(factor);
      return { side, ...(await (await api()).bilinearPhoto(cropPixels(x, y), [CROP, CROP], [side, side])) };
    },
    draw(r, { x, y }) {
      ctx.putImageData(photo, 0, 0);
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#f0a500';
      ctx.strokeRect(x - 1.5, y - 1.5, CROP + 3, CROP + 3);
      const { side } = r;
      for (const key of ['nearest', 'halfPixel', 'alignCorners'] as const) {
        drawRgba($(`[data-out="${key}"]`), r[key], side, side);
      }
      // Shown at their own size at most, so no browser scaling blurs or blocks the result.
      root.querySelectorAll<HTMLCanvasElement>('canvas.pixels').forEach((c) => (c.style.maxWidth = `${side}px`));
      const max = r.difference.reduce((m, v) => Math.max(m, v), 0);
      drawHeatmap($('[data-out="difference"]'), r.difference, side, side, interpolateMagma, [0, Math.max(max, 1)]);
      $('[data-diff-max]').textContent = p.differenceMax(fmt(max, 1));
    },
  };
});
