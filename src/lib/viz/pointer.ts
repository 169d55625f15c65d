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
    ArrowLeft: [0, -step], ArrowRight: [0, step], ArrowUp: [-step, 0], ArrowDown: [step, 0],
  };
  return moves[event.key];
}
