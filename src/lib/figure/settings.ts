/**
 * A figure's settings, declared once (after TensorFlow Playground's state.ts): the markup renders
 * its controls from the declaration, the URL keeps the values (`<figure>.<key>=value`), and typed
 * input, URL values and values set by code are all validated by it. Free of the DOM and of
 * TensorFlow.js, so build-time markup and page code share it.
 */
interface Common {
  /** The control's label; a field without one has no control (URL only, e.g. a cursor). */
  label?: string;
}
export interface IntField extends Common {
  kind: 'int';
  min: number;
  max: number;
  default: number;
  step?: number;
  /** 'slider' (default) or a typed 'number' field. */
  control?: 'slider' | 'number';
  /** How the slider's value reads beside it, e.g. `(v) => `${v}×``. */
  format?: (value: number) => string;
}
export interface NumberField extends Omit<IntField, 'kind'> {
  kind: 'number';
}
export interface EnumField<V extends string = string> extends Common {
  kind: 'enum';
  values: readonly V[];
  default: V;
  /** Each option's words; the value itself when missing. */
  options?: Partial<Record<V, string>>;
  control?: 'select' | 'radio';
}
export interface BoolField extends Common {
  kind: 'bool';
  default: boolean;
}
/** Free text that must match `pattern` whole, e.g. a list of rates. */
export interface TextField extends Common {
  kind: 'text';
  pattern: RegExp;
  default: string;
}
export type Field = IntField | NumberField | EnumField | BoolField | TextField;
export type Fields = Record<string, Field>;

type ValueOf<F extends Field> = F extends BoolField
  ? boolean
  : F extends EnumField<infer V>
    ? V
    : F extends TextField
      ? string
      : number;
export type Values<T extends Fields> = { -readonly [K in keyof T]: ValueOf<T[K]> };
export type Value = string | number | boolean;

export interface Settings<T extends Fields = Fields> {
  /** The figure's name: its `data-figure` attribute and its URL prefix. */
  figure: string;
  fields: T;
}

export function defineSettings<const T extends Fields>(figure: string, fields: T): Settings<T> {
  return { figure, fields };
}

export const defaults = <T extends Fields>(fields: T): Values<T> =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.default])) as Values<T>;

/** Why typed input was refused, or undefined when it is a valid value. */
export type Refusal = { kind: 'empty' } | { kind: 'range'; min: number; max: number } | { kind: 'format' };

/** Reads typed text strictly: a value, or why it cannot be one (the figure keeps its last value). */
export function readTyped(field: Field, raw: string): { value: Value } | { refused: Refusal } {
  switch (field.kind) {
    case 'bool':
      return { value: raw === '1' || raw === 'true' };
    case 'enum':
      return field.values.includes(raw) ? { value: raw } : { refused: { kind: 'format' } };
    case 'text':
      return whole(field.pattern).test(raw) ? { value: raw } : { refused: { kind: 'format' } };
    case 'int':
    case 'number': {
      if (raw.trim() === '') return { refused: { kind: 'empty' } };
      const n = Number(raw);
      if (!Number.isFinite(n) || (field.kind === 'int' && !Number.isInteger(n))) return { refused: { kind: 'format' } };
      if (n < field.min || n > field.max) return { refused: { kind: 'range', min: field.min, max: field.max } };
      return { value: n };
    }
  }
}

const whole = (pattern: RegExp) => new RegExp(`^(?:${pattern.source})$`);

/** Reads a URL value leniently: clamped into range, or the default when it is not a value at all. */
export function parseField(field: Field, raw: string | null): Value {
  if (raw === null) return field.default;
  switch (field.kind) {
    case 'bool':
      return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : field.default;
    case 'enum':
      return field.values.includes(raw) ? raw : field.default;
    case 'text':
      return whole(field.pattern).test(raw) ? raw : field.default;
    case 'int':
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return field.default;
      const v = Math.min(Math.max(n, field.min), field.max);
      return onStep(field, field.kind === 'int' ? Math.round(v) : v);
    }
  }
}

/**
 * The nearest value a slider with this step could take (min + k·step, within range): a figure
 * may rely on its step (tile sides a network accepts), and a link may name any number.
 */
function onStep(field: IntField | NumberField, v: number): number {
  if (!field.step) return v;
  const k = Math.round((v - field.min) / field.step);
  const last = Math.floor((field.max - field.min) / field.step);
  // toPrecision drops the float noise of k·step (0.6000000000000001), which would read as a change.
  return Number((field.min + Math.min(Math.max(k, 0), last) * field.step).toPrecision(12));
}

export function formatField(field: Field, value: Value): string {
  return field.kind === 'bool' ? (value ? '1' : '0') : String(value);
}

/** What a slider shows beside itself. */
export function displayValue(field: Field, value: Value): string {
  return (field.kind === 'int' || field.kind === 'number') && field.format
    ? field.format(value as number)
    : String(value);
}
