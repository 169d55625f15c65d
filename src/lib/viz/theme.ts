/**
 * Colours of marks drawn on a figure's background (text, axes, outlines, empty cells), as CSS
 * variables from src/styles/global.css: set them with d3's `.style(...)`, not `.attr(...)`, so the
 * marks follow the light or dark theme, also when the reader switches it with the page open.
 */
export const THEME = {
  /** Text and lines on the figure background. */
  ink: 'var(--ink)',
  /** Secondary lines: guides, means, cursors. */
  inkSoft: 'var(--ink-soft)',
  /** An empty cell of a diagram, and its border. */
  cell: 'var(--cell)',
  cellLine: 'var(--control-border)',
  /** A padding cell. */
  cellPad: 'var(--cell-pad)',
  /** Taps, windows and output cells. */
  accent: 'var(--accent)',
  accentSoft: 'var(--accent-soft)',
} as const;
