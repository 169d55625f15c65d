// node scripts/plot-fcn-curves.ts: draws the FCN stages' held-out mean IU curves, read from their
// shipped manifests (`training.curve`), as docs/fcn-curves.svg. Run it after retraining an FCN.
// Each stage's steps count from the weights it started from; a ring marks a step taken at the cut
// rate (the plateau rule's first stall).
import { readFileSync, writeFileSync } from 'node:fs';
import { extent, line, scaleLinear } from 'd3';
import { ROOT, WEIGHTS_DIR } from '../src/lib/training/paths.ts';
import type { CurvePoint } from '../src/lib/training/plateau.ts';

const STAGES = [
  { name: 'fcn32s', title: 'FCN-32s', color: '#0072b2' },
  { name: 'fcn16s', title: 'FCN-16s', color: '#e69f00' },
  { name: 'fcn8s', title: 'FCN-8s', color: '#009e73' },
] as const;
const [WIDTH, HEIGHT] = [640, 320];
const MARGIN = { top: 20, right: 100, bottom: 40, left: 50 };

const curves = STAGES.map((stage) => {
  const manifest = JSON.parse(readFileSync(`${WEIGHTS_DIR}${stage.name}/manifest.json`, 'utf8'));
  const curve = manifest.training.curve as CurvePoint[];
  return { ...stage, curve, firstRate: curve[0]!.learningRate };
});
const points = curves.flatMap((c) => c.curve);
const x = scaleLinear()
  .domain([0, Math.max(...points.map((p) => p.step))])
  .range([MARGIN.left, WIDTH - MARGIN.right]);
const [low, high] = extent(points, (p) => p.meanIoU * 100) as [number, number];
const y = scaleLinear()
  .domain([Math.floor(low / 5) * 5, Math.ceil(high / 5) * 5])
  .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
const path = line<CurvePoint>()
  .x((p) => x(p.step))
  .y((p) => y(p.meanIoU * 100));

const text = (px: number, py: number, body: string, extra = '') =>
  `<text x="${px.toFixed(1)}" y="${py.toFixed(1)}" ${extra}>${body}</text>`;
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
  `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
  ...y
    .ticks(6)
    .flatMap((v) => [
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      text(MARGIN.left - 6, y(v) + 4, `${v}`, 'text-anchor="end"'),
    ]),
  ...x.ticks(8).map((v) => text(x(v), HEIGHT - MARGIN.bottom + 16, `${v}`, 'text-anchor="middle"')),
  text((MARGIN.left + WIDTH - MARGIN.right) / 2, HEIGHT - 6, 'step of the stage', 'text-anchor="middle"'),
  text(14, HEIGHT / 2, 'held-out mean IU (%)', `text-anchor="middle" transform="rotate(-90 14 ${HEIGHT / 2})"`),
  ...curves.flatMap((c) => {
    const last = c.curve.at(-1)!;
    return [
      `<path d="${path(c.curve)}" fill="none" stroke="${c.color}" stroke-width="2"/>`,
      ...c.curve
        .filter((p) => p.learningRate < c.firstRate)
        .map((p) => `<circle cx="${x(p.step)}" cy="${y(p.meanIoU * 100)}" r="3.5" fill="white" stroke="${c.color}"/>`),
      text(
        x(last.step) + 8,
        y(last.meanIoU * 100) + 4,
        `${c.title} ${(last.meanIoU * 100).toFixed(1)}`,
        `fill="${c.color}"`,
      ),
    ];
  }),
  '</svg>',
].join('\n');
writeFileSync(`${ROOT}docs/fcn-curves.svg`, `${svg}\n`);
console.log('wrote docs/fcn-curves.svg');
