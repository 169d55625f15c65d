import { siteWords as t } from '../../i18n/en/site.ts';
import {
  displayValue,
  type Fields,
  formatField,
  parseField,
  type Refusal,
  readTyped,
  type Settings,
  type Value,
  type Values,
} from './settings.ts';

const URL_WRITE_DELAY_MS = 150;

export interface FigureState<T extends Fields> {
  readonly values: Readonly<Values<T>>;
  /** Bumped by every change, so a result can tell whether input moved on since it was asked for. */
  readonly version: number;
  /** What the page URL asked for that the figure could not show as asked (clamped or unknown). */
  readonly urlNotes: string[];
  /** Changes values (clamped like URL values), shows them in their controls, and soon in the URL. */
  set(changes: Partial<Values<T>>): void;
}

type Control = HTMLInputElement | HTMLSelectElement;

/**
 * The state of one figure, bound both ways to the controls marked `data-state="<key>"` inside
 * `root`: reader input that is valid changes the state and calls `onInput`; input that is empty or
 * out of range is refused next to its field (aria-invalid), and the state keeps its last value.
 */
export function figureState<T extends Fields>(
  settings: Settings<T>,
  root: HTMLElement,
  onInput: () => void,
): FigureState<T> {
  const { figure, fields } = settings;
  const params = new URLSearchParams(location.search);
  const urlNotes: string[] = [];
  const values = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => {
      const raw = params.get(`${figure}.${key}`);
      const value = parseField(field, raw);
      if (raw !== null && formatField(field, value) !== raw)
        urlNotes.push(t.figure.urlAdjusted(field.label ?? key, raw, String(value)));
      return [key, value];
    }),
  ) as Values<T>;
  let version = 0;

  const controls = [...root.querySelectorAll<Control>('[data-state]')].filter((c) => c.dataset.state! in fields);
  const show = (key: string) => {
    const value = values[key as keyof T] as Value;
    for (const control of controls.filter((c) => c.dataset.state === key)) {
      if (control instanceof HTMLInputElement && control.type === 'radio')
        control.checked = control.value === String(value);
      else if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = Boolean(value);
      else if (document.activeElement !== control || control.value !== String(value)) control.value = String(value);
      refuse(key, control, undefined);
    }
    const output = root.querySelector(`[data-value-for="${key}"]`);
    if (output) output.textContent = displayValue(fields[key]!, value);
  };
  const refuse = (key: string, control: Control, refusal: Refusal | undefined) => {
    const message = root.querySelector(`[data-error-for="${key}"]`);
    if (refusal) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    if (message) message.textContent = refusal ? t.figure.refused(fields[key]!.label ?? key, refusal) : '';
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  // history.replaceState costs milliseconds and browsers throttle it: write once input pauses.
  const writeUrlSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(location.href);
      for (const [key, field] of Object.entries(fields)) {
        const value = values[key as keyof T] as Value;
        if (value === field.default) url.searchParams.delete(`${figure}.${key}`);
        else url.searchParams.set(`${figure}.${key}`, formatField(field, value));
      }
      history.replaceState(history.state, '', url);
    }, URL_WRITE_DELAY_MS);
  };

  const state: FigureState<T> = {
    values,
    get version() {
      return version;
    },
    urlNotes,
    set(changes) {
      for (const [key, value] of Object.entries(changes)) {
        const field = fields[key];
        if (!field) continue;
        (values as Record<string, Value>)[key] = parseField(field, formatField(field, value as Value));
        show(key);
      }
      version += 1;
      writeUrlSoon();
    },
  };

  for (const control of controls) {
    const key = control.dataset.state!;
    const field = fields[key]!;
    const isToggle = control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox');
    control.addEventListener(isToggle || control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      if (control instanceof HTMLInputElement && control.type === 'radio' && !control.checked) return;
      const raw =
        control instanceof HTMLInputElement && control.type === 'checkbox' ? String(control.checked) : control.value;
      const typed = readTyped(field, raw);
      if ('refused' in typed) {
        refuse(key, control, typed.refused);
        return;
      }
      refuse(key, control, undefined);
      (values as Record<string, Value>)[key] = typed.value;
      version += 1;
      const output = root.querySelector(`[data-value-for="${key}"]`);
      if (output) output.textContent = displayValue(field, typed.value);
      writeUrlSoon();
      onInput();
    });
  }
  for (const key of Object.keys(fields)) show(key);
  return state;
}
