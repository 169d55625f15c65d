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
 * Their design goal is M₂ ≤ K. A single layer has no M₂; its gap is its rate.
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
