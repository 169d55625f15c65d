// Performance budgets per page: a limit every page must keep, and how far a page may get worse
// than the same page built from the previous commit before the bench calls it a regression.

export type Metric = 'jsAtLoad' | 'jsToFirstFigure' | 'toFirstFigure' | 'performance' | 'accessibility';

export interface Budget {
  label: string;
  /** How a value prints. */
  show: (value: number) => string;
  /** Larger is worse (bytes, ms) or better (scores). */
  worse: 'higher' | 'lower';
  /** The limit on the value itself. */
  limit: number;
  /** How much worse than the previous commit's value may be put down to noise or a small change. */
  slack: (previous: number) => number;
  /** The budget in words, for the table. */
  rule: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const score = (value: number) => value.toFixed(0);

export const BUDGETS: Record<Metric, Budget> = {
  // Pages are prose and math rendered at build time; figure code loads only when a figure comes
  // near. Before that a page needs its layout scripts and the figure loader: ~5 KB. Today every
  // page also loads the runtime client, ~19 KB gzip, ~14 KB of it every lesson's strings
  // (src/i18n), so all pages are over this limit until those load with their figures. Bytes are
  // exact (gzip of the built files), so the slack is a small real change, not noise.
  jsAtLoad: {
    label: 'JS with no figure in reach (gzip)',
    show: kb,
    worse: 'higher',
    limit: 16 * 1024,
    slack: () => 1024,
    rule: '≤ 16 KB, +1 KB',
  },
  // The figure's module, d3 and the TensorFlow.js worker (~420 KB of the ~440 KB today). Also
  // exact; 5% lets a figure grow, a new library or a second copy of tfjs does not fit.
  jsToFirstFigure: {
    label: 'JS to the first figure (gzip)',
    show: kb,
    worse: 'higher',
    limit: 480 * 1024,
    slack: (previous) => Math.max(8 * 1024, previous * 0.05),
    rule: '≤ 480 KB, +5%',
  },
  // Median of three cold loads, desktop viewport, on this 2-core machine shared with training and
  // other tests. In one run at a load average of 28, pages of two builds a few KB apart moved by
  // −32% to +49%, so a regression is over 50% and over 500 ms slower. The limit is the 10 s after
  // which a reader's attention is gone (the header prints the load average).
  toFirstFigure: {
    label: 'navigation → first figure drawn',
    show: (ms) => `${ms.toFixed(0)} ms`,
    worse: 'higher',
    limit: 10_000,
    slack: (previous) => Math.max(500, previous * 0.5),
    rule: '≤ 10 s, +50%',
  },
  // Lighthouse's simulated mobile throttling scales the main-thread work it observed, so the
  // score follows the machine's load: in that same run the home page (no figures, a few KB
  // apart) went 74 → 95 and other pages moved by up to 25 points. A drop beyond 25 is a
  // regression; below 50 is Lighthouse's "poor".
  performance: {
    label: 'Lighthouse performance (mobile)',
    show: score,
    worse: 'lower',
    limit: 50,
    slack: () => 25,
    rule: '≥ 50, −25',
  },
  // Accessibility audits are deterministic checks of the DOM: any failing audit is a defect.
  accessibility: {
    label: 'Lighthouse accessibility (mobile)',
    show: score,
    worse: 'lower',
    limit: 100,
    slack: () => 0,
    rule: '100, −0',
  },
};

export type Verdict = 'ok' | 'over limit' | 'regression' | 'over limit, regression';

/** Whether `value` keeps the metric's budget, alone and against the previous commit's value. */
export function verdict(metric: Metric, value: number, previous: number | undefined): Verdict {
  const b = BUDGETS[metric];
  const sign = b.worse === 'higher' ? 1 : -1;
  const over = sign * (value - b.limit) > 0;
  const regressed = previous !== undefined && sign * (value - previous) > b.slack(previous);
  if (over && regressed) return 'over limit, regression';
  if (over) return 'over limit';
  return regressed ? 'regression' : 'ok';
}

/** The change from the previous commit, signed, in the metric's unit. */
export function delta(metric: Metric, value: number, previous: number | undefined): string {
  if (previous === undefined) return 'new';
  const d = value - previous;
  const shown = BUDGETS[metric].show(Math.abs(d));
  return d === 0 ? '0' : `${d > 0 ? '+' : '−'}${shown}`;
}
