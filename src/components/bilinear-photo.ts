/**
 * A real photo: the reader picks a small region and sees it enlarged by nearest neighbour and by
 * bilinear interpolation under two conventions, with the difference between the two bilinear
 * results. Computes in the worker: bilinearPhoto.
 */
import { interpolateMagma } from 'd3';
import { t } from '../i18n/en.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import { fmt } from '../lib/viz/format.ts';
import { setFigureState } from '../lib/viz/lazy-figure.ts';
import { liveUpdate } from '../lib/figure/live-update.ts';
import { drawHeatmap, drawRgba, loadImagePixels } from '../lib/viz/pixels.ts';
import { bindControls, urlState } from '../lib/viz/url-state.ts';

// 24x24 enlarged 8x is 192x192 per panel: big enough to see, cheap enough to redraw every frame.
const CROP = 24;
const KEY_STEP = 8;

// The crop starts on the cat's eye, where blur and blocks are easiest to see.
const SETTINGS = {
  factor: { kind: 'enum', values: ['4', '8'], default: '8' },
  x: { kind: 'int', min: 0, max: 4096, default: 148 },
  y: { kind: 'int', min: 0, max: 4096, default: 84 },
} as const;

export async function mount(root: HTMLElement, api: Runtime): Promise<void> {
  const p = t.bilinearPhoto;
  const $ = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  const photoCanvas = $<HTMLCanvasElement>('[data-photo]');
  const state = urlState('bilinear-photo', SETTINGS);

  const photo = await loadImagePixels(root.dataset.src!).catch((e: Error) => {
    throw new Error(`${p.failed} (${e.message})`);
  });
  photoCanvas.width = photo.width;
  photoCanvas.height = photo.height;
  const ctx = photoCanvas.getContext('2d')!;
  const crop = { x: state.values.x, y: state.values.y };

  const clampCrop = () => {
    crop.x = Math.min(Math.max(crop.x, 0), photo.width - CROP);
    crop.y = Math.min(Math.max(crop.y, 0), photo.height - CROP);
    state.set({ x: crop.x, y: crop.y });
  };
  const drawPhoto = () => {
    ctx.putImageData(photo, 0, 0);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#f0a500';
    ctx.strokeRect(crop.x - 1.5, crop.y - 1.5, CROP + 3, CROP + 3);
  };
  const cropPixels = () => {
    const out = new Uint8ClampedArray(CROP * CROP * 4);
    for (let row = 0; row < CROP; row++) {
      const start = ((crop.y + row) * photo.width + crop.x) * 4;
      out.set(photo.data.subarray(start, start + CROP * 4), row * CROP * 4);
    }
    return out;
  };

  const update = liveUpdate(
    'bilinear-photo',
    async () => {
      clampCrop();
      drawPhoto();
      const side = CROP * Number(state.values.factor);
      const r = await api.bilinearPhoto(cropPixels(), [CROP, CROP], [side, side]);
      for (const key of ['nearest', 'halfPixel', 'alignCorners'] as const) {
        drawRgba($(`[data-out="${key}"]`), r[key], side, side);
      }
      // Shown at their own size at most, so no browser scaling blurs or blocks the result.
      root.querySelectorAll<HTMLCanvasElement>('canvas.pixels').forEach((c) => (c.style.maxWidth = `${side}px`));
      const max = r.difference.reduce((m, v) => Math.max(m, v), 0);
      drawHeatmap($(`[data-out="difference"]`), r.difference, side, side, interpolateMagma, [0, Math.max(max, 1)]);
      $('[data-diff-max]').textContent = p.differenceMax(fmt(max, 1));
    },
    (e) => setFigureState(root, 'error', t.figure.error(e.message)),
  );

  photoCanvas.addEventListener('click', (event) => {
    const box = photoCanvas.getBoundingClientRect();
    crop.x = Math.round(((event.clientX - box.left) / box.width) * photo.width - CROP / 2);
    crop.y = Math.round(((event.clientY - box.top) / box.height) * photo.height - CROP / 2);
    void update(undefined);
  });
  photoCanvas.addEventListener('keydown', (event) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0], ArrowRight: [KEY_STEP, 0], ArrowUp: [0, -KEY_STEP], ArrowDown: [0, KEY_STEP],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    crop.x += move[0];
    crop.y += move[1];
    void update(undefined);
  });
  bindControls(root, state, () => void update(undefined));

  await update(undefined);
}
