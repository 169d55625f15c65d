/**
 * A figure's settings, declared once as a table and kept in the page URL both ways (after
 * TensorFlow Playground's state.ts), so a teacher can link a configuration. Keys appear as
 * `<figure>.<key>=value`; values equal to their default are left out, and anything invalid in a
 * URL falls back to the default.
 */
export type Field =
  | { kind: 'int'; min: number; max: number; default: number }
  | { kind: 'number'; min: number; max: number; default: number }
  | { kind: 'enum'; values: readonly string[]; default: string }
  | { kind: 'bool'; default: boolean }
  /** Free text that must match `pattern` whole, e.g. a comma-separated list of rates. */
  | { kind: 'text'; pattern: RegExp; default: string };

type ValueOf<F extends Field> = F extends { kind: 'bool' } ? boolean
  : F extends { kind: 'enum' } ? F['values'][number]
  : F extends { kind: 'text' } ? string
  : number;
export type Values<T extends Record<string, Field>> = { -readonly [K in keyof T]: ValueOf<T[K]> };

export function parseField(field: Field, raw: string | null): string | number | boolean {
  if (raw === null) return field.default;
  switch (field.kind) {
    case 'bool':
      return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : field.default;
    case 'enum':
      return field.values.includes(raw) ? raw : field.default;
    case 'text':
      return new RegExp(`^(?:${field.pattern.source})$`).test(raw) ? raw : field.default;
    case 'int':
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return field.default;
      const v = Math.min(Math.max(n, field.min), field.max);
      return field.kind === 'int' ? Math.round(v) : v;
    }
  }
}

export function formatField(field: Field, value: string | number | boolean): string {
  return field.kind === 'bool' ? (value ? '1' : '0') : String(value);
}

const URL_WRITE_DELAY_MS = 150;

export interface UrlState<T extends Record<string, Field>> {
  readonly values: Values<T>;
  /** Changes values (each validated like a URL value) and soon writes them to the URL. */
  set(changes: Partial<Values<T>>): void;
}

export function urlState<T extends Record<string, Field>>(figure: string, fields: T): UrlState<T> {
  const params = new URLSearchParams(location.search);
  const values = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, parseField(field, params.get(`${figure}.${key}`))]),
  ) as Values<T>;

  const write = () => {
    const url = new URL(location.href);
    for (const [key, field] of Object.entries(fields)) {
      const value = values[key as keyof T];
      if (value === field.default) url.searchParams.delete(`${figure}.${key}`);
      else url.searchParams.set(`${figure}.${key}`, formatField(field, value));
    }
    history.replaceState(history.state, '', url);
  };
  // history.replaceState costs milliseconds and browsers throttle it, so a dragged point or a held
  // key writes the URL once it pauses, not on every update.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const writeSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(write, URL_WRITE_DELAY_MS);
  };

  return {
    values,
    set(changes) {
      for (const [key, value] of Object.entries(changes)) {
        const field = fields[key];
        if (field) (values as Record<string, unknown>)[key] = parseField(field, formatField(field, value as string));
      }
      writeSoon();
    },
  };
}

/**
 * Binds form controls marked `data-state="<key>"` inside `root` to the state: each control shows
 * its value now and writes it back on input; `onChange` runs after every change.
 */
export function bindControls<T extends Record<string, Field>>(root: HTMLElement, state: UrlState<T>, onChange: () => void): void {
  for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-state]')) {
    const key = control.dataset.state as keyof T & string;
    const isRadio = control instanceof HTMLInputElement && control.type === 'radio';
    const isCheckbox = control instanceof HTMLInputElement && control.type === 'checkbox';
    const current = state.values[key];
    if (isRadio) control.checked = control.value === String(current);
    else if (isCheckbox) control.checked = Boolean(current);
    else control.value = String(current);
    control.addEventListener(isRadio || isCheckbox || control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      if (isRadio && !control.checked) return;
      const value = isCheckbox ? control.checked : control.value;
      state.set({ [key]: value } as unknown as Partial<Values<T>>);
      onChange();
    });
  }
}
