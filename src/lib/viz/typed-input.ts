import { t } from '../../i18n/en.ts';
import { type IntField, type NumberField, readTyped } from '../figure/settings.ts';

/**
 * A number input built by script (rows that come and go, so no kit component can render it) that
 * treats typed text as the kit's controls do: read strictly against its declared field; a refusal
 * marks it aria-invalid and is written into `message` (shared by the inputs of one figure), and
 * the figure keeps its last valid value; only valid values reach `onValue`.
 */
export function typedNumberInput(
  field: IntField | NumberField,
  value: number,
  label: string,
  message: HTMLElement,
  onValue: (value: number) => void,
): HTMLInputElement {
  const input = document.createElement('input');
  Object.assign(input, { type: 'number', min: String(field.min), max: String(field.max), value: String(value) });
  input.step = String(field.step ?? (field.kind === 'int' ? 1 : 'any'));
  input.setAttribute('aria-label', label);
  input.addEventListener('input', () => {
    const typed = readTyped(field, input.value);
    if ('refused' in typed) {
      input.setAttribute('aria-invalid', 'true');
      message.textContent = t.figure.refused(label, typed.refused);
      message.dataset.from = label;
      return;
    }
    input.removeAttribute('aria-invalid');
    if (message.dataset.from === label) message.textContent = '';
    onValue(typed.value as number);
  });
  return input;
}
