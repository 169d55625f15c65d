/** Numbers as figures print them: fixed decimals, no "-0". */
export function fmt(value: number, digits = 2): string {
  const s = value.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

/** Small differences in scientific notation, so 0 and 1e-7 read differently. */
export function fmtDiff(value: number): string {
  return value === 0 ? '0' : value.toExponential(1);
}
