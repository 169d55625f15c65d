/** The pixel of a width×height image under the pointer, for a canvas scaled by CSS. */
export function pixelAt(element: Element, event: PointerEvent, width: number, height: number): [number, number] {
  const box = element.getBoundingClientRect();
  const col = Math.floor(((event.clientX - box.left) / box.width) * width);
  const row = Math.floor(((event.clientY - box.top) / box.height) * height);
  return [Math.min(Math.max(row, 0), height - 1), Math.min(Math.max(col, 0), width - 1)];
}

/** The [dRow, dCol] an arrow key asks for (`step` pixels, 1 with no modifier), or undefined. */
export function arrowStep(event: KeyboardEvent, step = 1): [number, number] | undefined {
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [0, -step],
    ArrowRight: [0, step],
    ArrowUp: [-step, 0],
    ArrowDown: [step, 0],
  };
  return moves[event.key];
}

const FAST_STEP = 8;

/**
 * Lets the reader move a cursor over a width×height image with the pointer (mouse, pen, touch)
 * or, once the element has focus, the arrow keys (Shift: 8 pixels a press). `move` gets the new
 * pixel, kept inside the image.
 */
export function bindCursor(
  element: HTMLElement,
  width: number,
  height: number,
  current: () => readonly [number, number],
  move: (row: number, col: number) => void,
): void {
  const onPointer = (event: PointerEvent) => move(...pixelAt(element, event, width, height));
  element.addEventListener('pointermove', onPointer);
  element.addEventListener('pointerdown', onPointer);
  element.addEventListener('keydown', (event) => {
    const step = arrowStep(event, event.shiftKey ? FAST_STEP : 1);
    if (!step) return;
    event.preventDefault();
    const [row, col] = current();
    move(Math.min(Math.max(row + step[0], 0), height - 1), Math.min(Math.max(col + step[1], 0), width - 1));
  });
}

/**
 * Lets the reader drag a point that takes fractional positions: pressing on `surface` moves it
 * there and it follows the pointer until release; once `handle` has focus the arrow keys move it
 * by `step` (with Shift by `shiftStep`). `at` turns a pointer event into the point's [x, y];
 * `move` gets each new position and keeps it in bounds.
 */
export function bindDragPoint(
  surface: Element,
  handle: Element,
  at: (event: PointerEvent) => [number, number],
  current: () => readonly [number, number],
  move: (x: number, y: number) => void,
  { step, shiftStep }: { step: number; shiftStep: number },
): void {
  surface.addEventListener('pointerdown', (event) => {
    surface.setPointerCapture((event as PointerEvent).pointerId);
    move(...at(event as PointerEvent));
  });
  surface.addEventListener('pointermove', (event) => {
    if (surface.hasPointerCapture((event as PointerEvent).pointerId)) move(...at(event as PointerEvent));
  });
  handle.addEventListener('keydown', (event) => {
    const key = event as KeyboardEvent;
    const delta = arrowStep(key, key.shiftKey ? shiftStep : step);
    if (!delta) return;
    key.preventDefault();
    const [x, y] = current();
    move(x + delta[1], y + delta[0]);
  });
}
