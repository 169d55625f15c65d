import { textColor } from './value-grid.ts';

/**
 * A rows×cols grid of labelled number inputs over `values` (edited in place): the reader's own
 * input to a figure. `onEdit` runs after each valid edit. Returns the inputs, in row-major order.
 */
export function buildNumberInputs(
  container: HTMLElement,
  values: Float32Array,
  cols: number,
  label: (row: number, col: number) => string,
  onEdit: () => void,
): HTMLInputElement[] {
  container.style.gridTemplateColumns = `repeat(${cols}, 1fr)`;
  const inputs = Array.from(values, (v, i) => {
    const input = document.createElement('input');
    input.type = 'number';
    input.value = String(v);
    input.setAttribute('aria-label', label(Math.floor(i / cols), i % cols));
    input.addEventListener('input', () => {
      if (!Number.isFinite(input.valueAsNumber)) return;
      values[i] = input.valueAsNumber;
      onEdit();
    });
    return input;
  });
  container.replaceChildren(...inputs);
  return inputs;
}

/** Colours each input like the value grids it feeds, with readable text. */
export function paintNumberInputs(inputs: HTMLInputElement[], values: ArrayLike<number>, color: (v: number) => string): void {
  inputs.forEach((input, i) => {
    const background = color(values[i]);
    input.style.background = background;
    input.style.color = textColor(background);
  });
}
