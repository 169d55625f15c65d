import { fmt } from './format.ts';

/**
 * A small horizontal bar chart of class probabilities in a container of `[data-bar]` rows
 * (one per class, each holding a `.fill` and a `.value`): widths and numbers set in place.
 */
export function drawProbabilityBars(container: Element, probs: ArrayLike<number>, digits = 4): void {
  let best = 0;
  for (let k = 1; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
  container.querySelectorAll<HTMLElement>('[data-bar]').forEach((row, k) => {
    row.querySelector<HTMLElement>('.fill')!.style.width = `${(probs[k] * 100).toFixed(1)}%`;
    row.querySelector('.value')!.textContent = fmt(probs[k], digits);
    row.classList.toggle('best', k === best);
  });
}
