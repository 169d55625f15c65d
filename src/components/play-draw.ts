/**
 * The playground's drawing pad: strokes of the mouse, a pen or a finger on a canvas, kept as
 * lists of points in the models' 64×64 pixel grid so undo can drop the last one, and drawn white
 * on black at that grid's size: exactly the picture the digit models get.
 */
import { t } from '../i18n/en.ts';

// About the stroke width of an MNIST digit drawn at this size.
const PEN_WIDTH = 4;

export interface DrawPad {
  /** The drawing as side × side RGBA. */
  pixels(): Uint8ClampedArray;
}

export function drawPad(
  canvas: HTMLCanvasElement,
  side: number,
  controls: {
    undo: HTMLButtonElement;
    clear: HTMLButtonElement;
    count: HTMLElement;
    changed: () => void;
  },
): DrawPad {
  canvas.width = side;
  canvas.height = side;
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  const strokes: [number, number][][] = [];
  let current: [number, number][] | undefined;

  const render = () => {
    g.fillStyle = '#000';
    g.fillRect(0, 0, side, side);
    g.strokeStyle = '#fff';
    g.fillStyle = '#fff';
    g.lineWidth = PEN_WIDTH;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    for (const stroke of strokes) {
      const [x0, y0] = stroke[0]!;
      if (stroke.length === 1) {
        g.beginPath();
        g.arc(x0, y0, PEN_WIDTH / 2, 0, 2 * Math.PI);
        g.fill();
        continue;
      }
      g.beginPath();
      g.moveTo(x0, y0);
      for (const [x, y] of stroke.slice(1)) g.lineTo(x, y);
      g.stroke();
    }
    controls.count.textContent = t.playground.strokes(strokes.length);
    controls.undo.disabled = strokes.length === 0;
    controls.clear.disabled = strokes.length === 0;
  };
  const at = (event: PointerEvent): [number, number] => {
    const box = canvas.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * side, ((event.clientY - box.top) / box.height) * side];
  };

  canvas.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    current = [at(event)];
    strokes.push(current);
    render();
    controls.changed();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!current) return;
    // Pens and touch screens batch several points into one event; keep them all.
    for (const e of event.getCoalescedEvents?.() ?? [event]) current.push(at(e));
    render();
    controls.changed();
  });
  const end = () => {
    current = undefined;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  controls.undo.addEventListener('click', () => {
    strokes.pop();
    render();
    controls.changed();
  });
  controls.clear.addEventListener('click', () => {
    strokes.length = 0;
    render();
    controls.changed();
  });
  render();
  return { pixels: () => g.getImageData(0, 0, side, side).data };
}
