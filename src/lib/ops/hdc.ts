/**
 * Hybrid dilated convolution (Wang et al., "Understanding Convolution for Semantic Segmentation",
 * WACV 2018, §3.3): the rule for picking the rates of stacked K×K dilated convs so the last
 * layer's field has no holes. Pure arithmetic, free of TensorFlow.js.
 */

export function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

/** Greatest common factor of all the rates (1 = none shared). */
export function commonFactor(rates: readonly number[]): number {
  return rates.reduce((g, r) => gcd(g, r), 0);
}

/**
 * M₂ of Wang et al.: the largest distance between two nonzero taps that layer 2 can still leave,
 * from Mₙ = rₙ and Mᵢ = max(Mᵢ₊₁ − 2rᵢ, Mᵢ₊₁ − 2(Mᵢ₊₁ − rᵢ), rᵢ), rates listed first layer first.
 * Their design goal is M₂ ≤ K, a promise only with a first rate of 1 (hdcGuarantee). A single
 * layer has no M₂; its gap is its rate.
 */
export function hdcMaxGap(rates: readonly number[]): number {
  if (rates.length === 0) return 1;
  let m = rates.at(-1)!;
  for (let i = rates.length - 2; i >= 1; i--) {
    const r = rates[i]!;
    m = Math.max(m - 2 * r, m - 2 * (m - r), r);
  }
  return m;
}

/** Why the HDC rule does or does not promise a field without holes. */
export type HdcReason = 'holds' | 'first-rate-above-1' | 'gap-above-kernel';

export interface HdcGuarantee {
  /** hdcMaxGap of the rates */
  m2: number;
  /** true only when the rule applies and holds: then the stacked 3x3 field has no holes */
  guaranteed: boolean;
  reason: HdcReason;
}

/**
 * Whether HDC's rule promises no holes for a stack of 3x3 convs (K = 3). M₂ ≤ K says layer 2
 * leaves gaps of at most K, which a first layer at rate 1 fills; it says nothing when the first
 * rate is above 1 ((2, 2, 2) has M₂ = 2 and holes). Checked against brute-force hole counts only
 * for K = 3: with 2-tap kernels the same rule fails ((1, 1, 1, 1, 6) has M₂ = 1 and holes).
 */
export function hdcGuarantee(rates: readonly number[]): HdcGuarantee {
  const bad = rates.find((r) => !Number.isInteger(r) || r < 1);
  if (bad !== undefined) throw new RangeError(`rates must be positive integers, got ${bad}`);
  const m2 = hdcMaxGap(rates);
  const reason: HdcReason =
    rates.length > 0 && rates[0] !== 1 ? 'first-rate-above-1' : m2 > 3 ? 'gap-above-kernel' : 'holds';
  return { m2, guaranteed: reason === 'holds', reason };
}
