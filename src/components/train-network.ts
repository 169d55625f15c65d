/**
 * Trains a small segmenter in the worker while the reader watches: play asks for one step per
 * message round (the worker idles between rounds, so pause or a hidden page stops all work), the
 * losses come back a few steps late without blocking, and every EVALUATE_EVERY steps the held-out
 * mean IU and the labels of one held-out scene are measured and drawn beside its ground truth.
 */
import { t } from '../i18n/en.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { Evaluation, StepReport, TrainStarted } from '../lib/runtime/worker/tasks/train.ts';
import { classMapRgba } from '../lib/viz/class-palette.ts';
import { fmt } from '../lib/viz/format.ts';
import { greyRamp } from '../lib/viz/palette.ts';
import { drawHeatmap, drawRgba } from '../lib/viz/pixels.ts';
import { compareNote, type KeptNetwork, type Shipped, TRAINED_FLAG } from './train-compare.ts';
import { type CurvePoint, drawCurve } from './train-curves.ts';
import { EVALUATE_EVERY, settings } from './train-network.settings.ts';

const w = t.trainNetwork;
/** Steps per second over this window of recent steps. */
const RATE_WINDOW_MS = 3000;
export default defineFigure(settings, async ({ $, root, state, api }) => {
  const playButton = $<HTMLButtonElement>('[data-play]');
  const lossSvg = $<SVGSVGElement>('[data-loss-curve]');
  const miouSvg = $<SVGSVGElement>('[data-miou-curve]');
  const shipped = JSON.parse(root.dataset.shipped!) as Record<string, Shipped>;
  let worker: Runtime | undefined;
  let started: TrainStarted | undefined;
  let step = 0;
  let losses: CurvePoint[] = [];
  let evaluations: Evaluation[] = [];
  let stepTimes: number[] = [];
  let playing = false;
  let loop: Promise<void> | undefined;
  let frame = 0;
  let heldOutScenes = 0;

  const lastLoss = () => losses.at(-1)?.[1];
  const lastEvaluation = () => evaluations.at(-1);

  const drawNumbers = () => {
    $('[data-step-count]').textContent = w.stepCount(step);
    const now = performance.now();
    const recent = stepTimes.filter((s) => now - s <= RATE_WINDOW_MS);
    const span = recent.length > 1 ? (recent.at(-1)! - recent[0]!) / 1000 : 0;
    $('[data-rate]').textContent = playing && span > 0 ? w.rate(fmt((recent.length - 1) / span, 1)) : w.rateIdle;
    const loss = lastLoss();
    $('[data-loss]').textContent = loss === undefined ? w.lossNone : w.loss(fmt(loss, 3));
    const e = lastEvaluation();
    $('[data-miou]').textContent = e === undefined ? w.miouNone : w.miou(w.pct(e.meanIoU), e.step);
  };

  const drawCurves = () => {
    drawCurve(lossSvg, losses, { yFormat: (v) => fmt(v, 1), xLabel: w.stepAxis });
    const miou: CurvePoint[] = evaluations.map((e) => [e.step, e.meanIoU]);
    drawCurve(miouSvg, miou, { yDomain: [0, 1], yFormat: (v) => w.pct(v), xLabel: w.stepAxis });
    const loss = lastLoss();
    const e = lastEvaluation();
    const miouText = e === undefined ? '–' : w.pct(e.meanIoU);
    const label = loss === undefined ? w.curvesEmpty : w.curvesAlt(step, fmt(loss, 3), miouText);
    lossSvg.setAttribute('aria-label', label);
    miouSvg.setAttribute('aria-label', label);
    drawNumbers();
  };

  /** Redraws once per animation frame, however many answers arrived in it. */
  const redraw = () => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      drawCurves();
    });
  };

  /** One row per evaluation: its step, the mean loss of the steps since the row before, the mean IU. */
  const drawTable = () => {
    const rows = evaluations.map((e, i) => {
      const from = i === 0 ? 0 : evaluations[i - 1]!.step;
      const since = losses.filter(([s]) => s > from && s <= e.step).map(([, v]) => v);
      const loss = since.length === 0 ? '–' : fmt(since.reduce((a, b) => a + b, 0) / since.length, 3);
      return `<tr><td>${e.step}</td><td>${loss}</td><td>${w.pct(e.meanIoU)}</td></tr>`;
    });
    $('[data-table] tbody').innerHTML = rows.join('');
  };

  const drawEvaluation = (e: Evaluation) => {
    const scene = started!.scene;
    drawRgba($<HTMLCanvasElement>('[data-prediction]'), classMapRgba(e.prediction), scene.width, scene.height);
    let same = 0;
    for (let i = 0; i < e.prediction.length; i++) if (e.prediction[i] === scene.label[i]) same++;
    $('[data-prediction]').setAttribute('aria-label', w.predictionAlt(e.step, w.pct(same / e.prediction.length)));
    $('[data-prediction-title]').textContent = w.prediction(e.step);
    const kept: KeptNetwork = { net: started!.net, step: e.step, meanIoU: e.meanIoU, heldOutScenes };
    $('[data-compare]').textContent = compareNote(kept, shipped);
    drawTable();
  };
  const take = (report: StepReport) => {
    step = report.step;
    losses = losses.concat(report.losses);
  };

  const evaluate = async () => {
    const e = await worker!.trainEvaluate();
    if (started === undefined) return;
    evaluations = evaluations.filter((x) => x.step < e.step).concat([e]);
    drawEvaluation(e);
    redraw();
  };

  const setPlaying = (on: boolean) => {
    playing = on;
    playButton.textContent = on ? w.pause : w.play;
    playButton.setAttribute('aria-pressed', String(on));
    $<HTMLButtonElement>('[data-step]').disabled = on;
    root.dataset.playing = String(on);
  };

  /** One message round per step; an evaluation every EVALUATE_EVERY steps. */
  const run = async () => {
    while (playing) {
      take(await worker!.trainStep(1));
      stepTimes = stepTimes.filter((s) => performance.now() - s <= RATE_WINDOW_MS).concat([performance.now()]);
      if (step % EVALUATE_EVERY === 0) await evaluate();
      redraw();
    }
    take(await worker!.trainFlush());
    if (lastEvaluation()?.step !== step) await evaluate();
    redraw();
  };
  const pause = async () => {
    setPlaying(false);
    await loop;
  };
  const play = () => {
    if (playing || started === undefined) return;
    setPlaying(true);
    // data-running: from play until the last answer of the loop is drawn (tests wait on it).
    root.dataset.running = 'true';
    loop = run()
      .catch((e: Error) => {
        setPlaying(false);
        $('[data-status]').textContent = t.figure.error(e.message);
      })
      .finally(() => {
        root.dataset.running = 'false';
      });
  };

  const reset = async () => {
    await pause();
    const { net, seed, learningRate, batchSize } = state.values;
    started = await worker!.trainReset({ net, seed, learningRate: Number(learningRate), batchSize: Number(batchSize) });
    step = 0;
    losses = [];
    evaluations = [];
    stepTimes = [];
    heldOutScenes = started.heldOutScenes;
    const { scene } = started;
    drawHeatmap($<HTMLCanvasElement>('[data-scene]'), scene.image, scene.width, scene.height, greyRamp, [0, 1]);
    drawRgba($<HTMLCanvasElement>('[data-truth]'), classMapRgba(scene.label), scene.width, scene.height);
    $('[data-size]').textContent = w.size(w.nets[net]!, started.parameters.toLocaleString('en'), started.backend);
    $('[data-kept]').textContent = '';
    $('[data-open]').hidden = true;
    await evaluate();
  };

  playButton.addEventListener('click', () => (playing ? void pause() : play()));
  $('[data-step]').addEventListener('click', async () => {
    if (playing || started === undefined) return;
    take(await worker!.trainStep(1));
    take(await worker!.trainFlush());
    await evaluate();
  });
  $('[data-reset]').addEventListener('click', () => void reset());
  // Leaving the page, or hiding it, stops the steps: the worker then has nothing to do.
  const stopHidden = () => {
    if (!playing) return;
    void pause();
    $('[data-kept]').textContent = w.hidden;
  };
  addEventListener('pagehide', stopHidden);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') stopHidden();
  });

  $('[data-use]').addEventListener('click', async () => {
    await pause();
    const kept = await worker!.trainKeep();
    // pause() ends with an evaluation at the last step, so the note in the playground has its mean IU.
    const flag: KeptNetwork = { ...kept, meanIoU: lastEvaluation()!.meanIoU, heldOutScenes };
    sessionStorage.setItem(TRAINED_FLAG, JSON.stringify(flag));
    $('[data-kept]').textContent = w.kept(kept.step);
    $('[data-open]').hidden = false;
  });
  $('[data-download]').addEventListener('click', async () => {
    await pause();
    const name = `pixelwise-${started!.net}-step${step}`;
    const { modelJson, weights } = await worker!.trainArtifacts(`${name}.weights.bin`);
    const files = [
      [`${name}.json`, new Blob([modelJson], { type: 'application/json' })],
      [`${name}.weights.bin`, new Blob([weights])],
    ] as const;
    for (const [file, blob] of files) {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = file;
      a.click();
      URL.revokeObjectURL(a.href);
    }
  });

  return {
    // Learning rate and batch size apply to the running network; the first call starts one.
    async compute({ learningRate, batchSize }) {
      worker ??= await api();
      if (started === undefined) await reset();
      else await worker.trainSet({ learningRate: Number(learningRate), batchSize: Number(batchSize) });
    },
    draw() {
      drawNumbers();
    },
  };
});
