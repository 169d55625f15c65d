/**
 * Every figure the site has, by its `data-figure` name. Each import is its own chunk, fetched only
 * when a figure of that name comes near the viewport (src/lib/figure/scaffold.ts, mountFigures).
 */
export const FIGURES = {
  'atrous-dilation': () => import('./atrous-dilation.ts'),
  'atrous-erf': () => import('./atrous-erf.ts'),
  'atrous-gridding': () => import('./atrous-gridding.ts'),
  'atrous-space-to-batch': () => import('./atrous-space-to-batch.ts'),
  'atrous-stack': () => import('./atrous-stack.ts'),
  'atrous-valid-taps': () => import('./atrous-valid-taps.ts'),
  'bilinear-cell': () => import('./bilinear-cell.ts'),
  'bilinear-grid': () => import('./bilinear-grid.ts'),
  'bilinear-centres': () => import('./bilinear-centres.ts'),
  'bilinear-conventions': () => import('./bilinear-conventions.ts'),
  'bilinear-photo': () => import('./bilinear-photo.ts'),
  'transposed-scatter': () => import('./transposed-scatter.ts'),
  'transposed-matrix': () => import('./transposed-matrix.ts'),
  'transposed-checkerboard': () => import('./transposed-checkerboard.ts'),
  'transposed-bilinear': () => import('./transposed-bilinear.ts'),
  'transposed-learned': () => import('./transposed-learned.ts'),
  'fully-conv-digit': () => import('./fully-conv-digit.ts'),
  'fully-conv-scene': () => import('./fully-conv-scene.ts'),
  'fully-conv-size': () => import('./fully-conv-size.ts'),
  'seg-classify': () => import('./seg-classify.ts'),
  'seg-instances': () => import('./seg-instances.ts'),
  'seg-scores': () => import('./seg-scores.ts'),
  'skip-compare': () => import('./skip-compare.ts'),
  'skip-fusion': () => import('./skip-fusion.ts'),
};
