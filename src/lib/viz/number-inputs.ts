import { t } from '../../i18n/en.ts';
import { type NumberField, readTyped } from '../figure/settings.ts';
import { textColor } from './value-grid.ts';

/**
 * The largest magnitude a reader may type into a free value field. float32 holds every integer up
 * to 2^24 exactly and stays finite to about 3.4e38, so sums and products of a few such values
 * (interpolation, convolution) neither overflow nor lose the digits a figure prints.
 */
export const VALUE_LIMIT = 1e6;

/**
 * Binds free value fields (a grid's inputs, a cell's corners): a typed number within ±VALUE_LIMIT
 * goes to `accept(i, v)`; empty, unreadable or out-of-range text is refused with a message in
 * `message` and aria-invalid on the field, and the figure keeps that field's last valid value.
 */
export function bindValueInputs(
  inputs: HTMLInputElement[],
  label: (i: number) => string,
  message: HTMLElement | undefined,
  accept: (i: number, v: number) => void,
): void {
  inputs.forEach((input, i) => {
    input.addEventListener('input', () => {
      const field: NumberField = { kind: 'number', min: -VALUE_LIMIT, max: VALUE_LIMIT, default: 0, label: label(i) };
      const typed = readTyped(field, input.value);
      if ('refused' in typed) {
        input.setAttribute('aria-invalid', 'true');
        if (message) message.textContent = t.figure.refused(field.label!, typed.refused);
        return;
      }
      input.removeAttribute('aria-invalid');
      // The message stays while another field of the group is still refused.
      if (message && !inputs.some((other) => other.getAttribute('aria-invalid'))) message.textContent = '';
      accept(i, typed.value as number);
    });
  });
}

/**
 * A rows×cols grid of labelled number inputs over `values` (edited in place): the reader's own
 * input to a figure. `onEdit` runs after each valid edit; refusals are written into `message`
 * (see bindValueInputs). Returns the inputs, in row-major order.
 */
export function buildNumberInputs(
  container: HTMLElement,
  values: Float32Array,
  cols: number,
  label: (row: number, col: number) => string,
  onEdit: () => void,
  message?: HTMLElement,
): HTMLInputElement[] {
  container.style.gridTemplateColumns = `repeat(${cols}, 1fr)`;
  const inputs = Array.from(values, (v, i) => {
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.value = String(v);
    input.setAttribute('aria-label', label(Math.floor(i / cols), i % cols));
    return input;
  });
  bindValueInputs(
    inputs,
    (i) => label(Math.floor(i / cols), i % cols),
    message,
    (i, v) => {
      values[i] = v;
      onEdit();
    },
  );
  if (message) message.textContent = '';
  container.replaceChildren(...inputs);
  return inputs;
}

/** Colours each input like the value grids it feeds, with readable text. */
export function paintNumberInputs(
  inputs: HTMLInputElement[],
  values: ArrayLike<number>,
  color: (v: number) => string,
): void {
  inputs.forEach((input, i) => {
    const background = color(values[i]);
    input.style.background = background;
    input.style.color = textColor(background);
  });
}
