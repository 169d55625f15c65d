import { describe, expect, it } from 'vitest';
import { type Field, formatField, parseField, readTyped } from '../../src/lib/figure/settings.ts';

const rate: Field = { kind: 'int', min: 1, max: 24, default: 2 };
const scale: Field = { kind: 'number', min: 0, max: 1, default: 0.5 };
const mode: Field = { kind: 'enum', values: ['same', 'valid'], default: 'same' };
const flag: Field = { kind: 'bool', default: true };

describe('settings read from a URL', () => {
  it('parse valid values and round-trip through formatField', () => {
    expect(parseField(rate, '6')).toBe(6);
    expect(parseField(scale, '0.25')).toBe(0.25);
    expect(parseField(mode, 'valid')).toBe('valid');
    expect(parseField(flag, '0')).toBe(false);
    for (const [field, value] of [
      [rate, 7],
      [scale, 0.75],
      [mode, 'valid'],
      [flag, false],
    ] as const) {
      expect(parseField(field, formatField(field, value))).toBe(value);
    }
  });

  it('fall back to the default or clamp whatever a URL may hold', () => {
    expect(parseField(rate, null)).toBe(2);
    expect(parseField(rate, 'abc')).toBe(2);
    expect(parseField(rate, '')).toBe(2);
    expect(parseField(rate, '99')).toBe(24);
    expect(parseField(rate, '-5')).toBe(1);
    expect(parseField(rate, '3.6')).toBe(4);
    expect(parseField(scale, 'Infinity')).toBe(0.5);
    expect(parseField(mode, 'SAME')).toBe('same');
    expect(parseField(flag, 'yes')).toBe(true);
  });

  it('put numbers on the declared step, as a slider would', () => {
    const tile: Field = { kind: 'int', min: 16, max: 126, step: 4, default: 48 };
    expect(parseField(tile, '17')).toBe(16);
    expect(parseField(tile, '19')).toBe(20);
    expect(parseField(tile, '1e9')).toBe(124);
    expect(parseField(tile, '-3')).toBe(16);
    const opacity: Field = { kind: 'number', min: 0, max: 1, step: 0.05, default: 0.6 };
    expect(parseField(opacity, '0.62')).toBe(0.6);
    expect(parseField(opacity, '0.35')).toBe(0.35);
    expect(formatField(opacity, parseField(opacity, '0.7') as number)).toBe('0.7');
  });

  it('text fields keep only values that match their pattern whole', () => {
    const rates: Field = { kind: 'text', pattern: /\d{1,2}(,\d{1,2}){0,5}/, default: '2,4,8' };
    expect(parseField(rates, '1,2,5')).toBe('1,2,5');
    expect(parseField(rates, formatField(rates, '3,7'))).toBe('3,7');
    expect(parseField(rates, null)).toBe('2,4,8');
    expect(parseField(rates, '1,2,5x')).toBe('2,4,8');
    expect(parseField(rates, '<script>')).toBe('2,4,8');
  });
});

describe('settings typed by a reader', () => {
  it('take a value only when it is one the figure can show', () => {
    expect(readTyped(rate, '7')).toEqual({ value: 7 });
    expect(readTyped(scale, '0.25')).toEqual({ value: 0.25 });
    expect(readTyped(mode, 'valid')).toEqual({ value: 'valid' });
  });

  it('refuse empty, out-of-range and malformed input instead of clamping it', () => {
    expect(readTyped(rate, '')).toEqual({ refused: { kind: 'empty' } });
    expect(readTyped(rate, '  ')).toEqual({ refused: { kind: 'empty' } });
    expect(readTyped(rate, '99')).toEqual({ refused: { kind: 'range', min: 1, max: 24 } });
    expect(readTyped(rate, '0')).toEqual({ refused: { kind: 'range', min: 1, max: 24 } });
    expect(readTyped(rate, '2.5')).toEqual({ refused: { kind: 'format' } });
    expect(readTyped(scale, '1e39')).toEqual({ refused: { kind: 'range', min: 0, max: 1 } });
    expect(readTyped(scale, 'NaN')).toEqual({ refused: { kind: 'format' } });
    expect(readTyped(scale, 'Infinity')).toEqual({ refused: { kind: 'format' } });
    expect(readTyped(mode, '<b>same</b>')).toEqual({ refused: { kind: 'format' } });
  });
});
