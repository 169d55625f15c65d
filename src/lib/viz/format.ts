/** Numbers as figures print them: fixed decimals, no "-0". */
export function fmt(value: number, digits = 2): string {
  const s = value.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

/** Small differences in scientific notation, so 0 and 1e-7 read differently. */
export function fmtDiff(value: number): string {
  return value === 0 ? '0' : value.toExponential(1);
}

/** Decimals to print a set of values with: none when all are whole numbers, else `digits`. */
export function digitsFor(values: ArrayLike<number>, digits = 1): number {
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i] - Math.round(values[i])) > 1e-4) return digits;
  return 0;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A whole count (a receptive field, a number of weights): exact up to 2⁵³; past it a float64 no
 * longer holds every integer, so it prints rounded, as "≈ 4.195 × 10¹⁶", never as false digits.
 */
export function fmtCount(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  const [mantissa, exponent] = value.toExponential(3).split('e');
  const power = [...String(Number(exponent))].map((d) => (d === '-' ? '⁻' : SUPERSCRIPT[Number(d)])).join('');
  return `≈ ${mantissa} × 10${power}`;
}
