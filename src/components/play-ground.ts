/**
 * The playground: the chosen input (a seeded digit scene, the reader's drawing, a sample photo,
 * their own image, the camera) through every ticked model, each result overlaid on the input at
 * the chosen opacity. Point at or focus a result for that pixel's probabilities and, for a digit
 * model, its receptive field on the input. Computes in the worker: modelRun for the digit models
 * (at 64×64, or 128×128 grey for photos), graphModelRun for the selfie model (RGB, 256×256). A network
 * the reader kept on /playground/train/ is loaded from IndexedDB by trainedLoad and runs like the digit models.
 */

import * as Comlink from 'comlink';
import { rgb, select } from 'd3';
import { t } from '../i18n/en.ts';
import type { ImageNote, ImageProblem } from '../lib/data/image-file.ts';
import { defineFigure } from '../lib/figure/scaffold.ts';
import type { Runtime } from '../lib/runtime/page/client.ts';
import type { ModelRunResult, ReceptiveField } from '../lib/runtime/worker/tasks/models.ts';
import { CLASS_COLORS } from '../lib/viz/class-palette.ts';
import { fmt } from '../lib/viz/format.ts';
import { decodeSquare } from '../lib/viz/image-decode.ts';
import { loadModels } from '../lib/viz/model-load.ts';
import { greyToRgba, overlayClasses, rgbaToGrey, rgbaToRgb } from '../lib/viz/photo-pixels.ts';
import { drawRgba } from '../lib/viz/pixels.ts';
import { arrowStep, pixelAt } from '../lib/viz/pointer.ts';
import { drawPad } from './play-draw.ts';
import {
  DIGIT_MODELS,
  DIGIT_SIDE,
  INPUTS,
  type InputName,
  PHOTO_DIGIT_SIDE,
  PHOTO_SIDE,
  PLAY_MODELS,
  type PlayModel,
  SAMPLE_FILES,
  settings,
  TRAINED,
} from './play-ground.settings.ts';
import { camera } from './play-webcam.ts';
import { compareNote, type KeptNetwork, type Shipped, TRAINED_FLAG } from './train-compare.ts';

const p = t.playground;
const FAST_STEP = 8;
// The picked pixel's mark and the field outline, as in the lessons' model view.
const MARK = '#f0a500';
const PERSON: [number, number, number] = [204, 51, 204];
const DIGIT_COLOURS = [
  null,
  ...CLASS_COLORS.slice(1).map((c) => {
    const { r, g, b } = rgb(c);
    return [r, g, b] as [number, number, number];
  }),
];

interface Input {
  kind: InputName;
  key: string;
  /** side × side RGBA, opaque. */
  rgba: Uint8ClampedArray;
  side: number;
  /** The scene's own grey values, so the digit models get them unrounded. */
  grey?: Float32Array;
  version: number;
}

interface Run {
  model: PlayModel;
  map: ModelRunResult;
  field?: ReceptiveField;
}

interface Result {
  input?: Input;
  runs: Run[];
  /** Why the trained network, though ticked, could not be loaded. */
  trainedProblem?: string;
}

const isDigitModel = (m: PlayModel) => m === TRAINED || (DIGIT_MODELS as readonly string[]).includes(m);
/** The network the trainer kept in this tab's session, if any (a flag that does not parse counts as none). */
const keptNetwork = (): KeptNetwork | undefined => {
  const text = sessionStorage.getItem(TRAINED_FLAG);
  try {
    return text === null ? undefined : (JSON.parse(text) as KeptNetwork);
  } catch {
    return undefined;
  }
};
const problemText = (problem: ImageProblem) => (p.problems[problem.code] as (x: ImageProblem) => string)(problem);
const noteText = (note: ImageNote) => (p.notes[note.code] as (x: ImageNote) => string)(note);

export default defineFigure(settings, async ({ $, root, state, api, update, status }) => {
  const inputCanvas = $<HTMLCanvasElement>('[data-input]');
  const fieldSvg = select($<SVGSVGElement>('[data-field]'));
  const statusLine = $('[data-input-status]');
  const alertLine = $('[data-input-alert]');
  const say = (message: string, alert = false) => {
    alertLine.textContent = alert ? message : '';
    statusLine.textContent = alert ? '' : message;
  };
  let version = 0;
  const inputs: Partial<Record<InputName, Input>> = {};
  const setInput = (kind: InputName, key: string, rgba: Uint8ClampedArray, side: number, grey?: Float32Array) => {
    inputs[kind] = { kind, key, rgba, side, grey, version: ++version };
  };
  let busy = false;
  const shipped = JSON.parse(root.dataset.shipped!) as Record<string, Shipped>;
  const kept = keptNetwork();
  // One attempt per page: a missing or broken IndexedDB entry stays reported, the rest of the page runs on.
  let trainedLoad: Promise<unknown> | undefined;

  const pad = drawPad($('[data-draw]'), DIGIT_SIDE, {
    undo: $('[data-undo]'),
    clear: $('[data-clear]'),
    count: $('[data-strokes]'),
    changed: () => {
      setInput('draw', 'draw', pad.pixels(), DIGIT_SIDE);
      void update();
    },
  });
  setInput('draw', 'draw', pad.pixels(), DIGIT_SIDE);

  const cam = camera($<HTMLVideoElement>('[data-video]'), PHOTO_SIDE, {
    frame: (rgba) => {
      setInput('webcam', 'webcam', rgba, PHOTO_SIDE);
      void update();
    },
    message: (kind, alert) => say(p.camera[kind], alert),
    ready: () => !busy,
  });
  $('[data-camera-start]').addEventListener('click', () => void cam.start());
  $('[data-camera-stop]').addEventListener('click', () => cam.stop());

  // The reader's own image: file picker, drop and paste all end here.
  const takeFile = async (file: File | undefined) => {
    if (file === undefined) {
      say(p.notAFile, true);
      return;
    }
    say(p.decoding);
    const decoded = await decodeSquare(file, PHOTO_SIDE);
    if (!decoded.ok) {
      say('problem' in decoded ? problemText(decoded.problem) : p.undecodable(decoded.undecodable), true);
      return;
    }
    const { image } = decoded;
    say([p.loaded(file.name || p.inputs.file, image.width, image.height), ...image.notes.map(noteText)].join(' '));
    setInput('file', `file:${version}`, image.rgba, PHOTO_SIDE);
    if (state.values.input !== 'file') state.set({ input: 'file' });
    void update();
  };
  const fileInput = $<HTMLInputElement>('[data-file]');
  fileInput.addEventListener('change', () => {
    void takeFile(fileInput.files?.[0]);
    fileInput.value = '';
  });
  const drop = $('[data-drop]');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    void takeFile(event.dataTransfer?.files[0]);
  });
  document.addEventListener('paste', (event) => {
    const files = Array.from(event.clipboardData?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault();
    void takeFile(files.find((f) => f.type.startsWith('image/')) ?? files[0]);
  });

  $('[data-new-scene]').addEventListener('click', () => {
    state.set({ seed: Math.floor(Math.random() * (settings.fields.seed.max + 1)) });
    void update();
  });

  /** The input the values ask for, loading a scene or a sample photo when it changed. */
  const prepare = async (values: typeof state.values): Promise<Input | undefined> => {
    if (values.input === 'scene') {
      const key = `scene:${values.seed}`;
      if (inputs.scene?.key !== key) {
        const scene = await (await api()).sceneForPage(values.seed, DIGIT_SIDE);
        setInput('scene', key, greyToRgba(scene.image), DIGIT_SIDE, scene.image);
      }
    }
    if (values.input === 'sample') {
      const key = `sample:${values.sample}`;
      if (inputs.sample?.key !== key) {
        const response = await fetch(`${import.meta.env.BASE_URL}samples/${SAMPLE_FILES[values.sample]}`);
        const decoded = await decodeSquare(await response.blob(), PHOTO_SIDE);
        if (!decoded.ok) throw new Error(p.undecodable(SAMPLE_FILES[values.sample]));
        setInput('sample', key, decoded.image.rgba, PHOTO_SIDE);
      }
    }
    return inputs[values.input];
  };

  const fields = new Map<string, Promise<ReceptiveField>>();
  const fieldOf = (a: Runtime, model: PlayModel, side: number) => {
    const key = `${model}:${side}`;
    let found = fields.get(key);
    if (found === undefined) {
      found = a.modelReceptiveField(model, { height: side, width: side });
      fields.set(key, found);
      found.catch(() => fields.delete(key));
    }
    return found;
  };
  let selfieLoad: Promise<unknown> | undefined;
  const runs = new Map<string, Run>();

  const run = async (a: Runtime, input: Input, model: PlayModel): Promise<Run> => {
    const key = `${input.version}:${model}`;
    const known = runs.get(key);
    if (known) return known;
    let result: Run;
    const began = performance.now();
    if (isDigitModel(model)) {
      const side = input.side === DIGIT_SIDE ? DIGIT_SIDE : PHOTO_DIGIT_SIDE;
      const grey = input.grey ?? rgbaToGrey(input.rgba, input.side, side);
      const field = fieldOf(a, model, side);
      result = { model, map: await a.modelRun(model, grey, side, side) };
      result.field = await field;
    } else {
      result = { model, map: await a.graphModelRun(model, rgbaToRgb(input.rgba), input.side, input.side) };
    }
    // One model's run in the worker, round trip included, at the size it ran: read by the bench.
    performance.measure(`play-run:${model}@${result.map.width}`, { start: began, end: performance.now() });
    runs.set(key, result);
    return result;
  };

  const showInputPanel = (kind: InputName) => {
    for (const name of INPUTS) $(`[data-input-panel="${name}"]`).hidden = name !== kind;
  };

  // Hover and focus: the picked pixel of one result.
  let shown: Result = { runs: [] };
  let picked: { model: PlayModel; row: number; col: number } | undefined;
  const drawPicked = () => {
    for (const m of PLAY_MODELS)
      select($<SVGSVGElement>(`[data-mark="${m}"]`))
        .selectAll('rect')
        .remove();
    fieldSvg.selectAll('*').remove();
    const found = shown.runs.find((r) => r.model === picked?.model);
    const table = select($<HTMLTableSectionElement>('[data-probs] tbody'));
    if (!picked || !found) {
      $('[data-picked]').textContent = p.pickHint;
      table.selectAll('tr').remove();
      return;
    }
    const { map, field } = found;
    const row = Math.min(picked.row, map.height - 1);
    const col = Math.min(picked.col, map.width - 1);
    select($<SVGSVGElement>(`[data-mark="${found.model}"]`))
      .attr('viewBox', `0 0 ${map.width} ${map.height}`)
      .append('rect')
      .attr('x', col)
      .attr('y', row)
      .attr('width', 1)
      .attr('height', 1)
      .attr('fill', 'none')
      .attr('stroke', MARK)
      .attr('stroke-width', Math.max(map.width / 128, 0.5));
    let words = `${p.picked(p.titles[found.model]!, row, col)} `;
    if (field) {
      const clip = (v: number) => Math.min(Math.max(v, 0), map.height - 1);
      const [top, bottom] = [clip(field.rows.first[row]!), clip(field.rows.last[row]!)];
      const [left, right] = [clip(field.cols.first[col]!), clip(field.cols.last[col]!)];
      fieldSvg
        .attr('viewBox', `0 0 ${map.width} ${map.height}`)
        .selectAll('rect')
        .data([
          ['#000', 2],
          [MARK, 1],
        ])
        .join('rect')
        .attr('x', left + 0.5)
        .attr('y', top + 0.5)
        .attr('width', right - left)
        .attr('height', bottom - top)
        .attr('fill', 'none')
        .attr('stroke', (d) => String(d[0]))
        .attr('stroke-width', (d) => (Number(d[1]) * map.width) / 128);
      words += p.field(top, bottom, left, right);
    } else words += p.noField;
    $('[data-picked]').textContent = words;
    const at = (row * map.width + col) * map.classes;
    const probs = Array.from(map.probabilities.subarray(at, at + map.classes));
    const best = probs.indexOf(Math.max(...probs));
    const name = (k: number) => (map.classes === 2 ? [p.background, p.person][k]! : t.modelView.className(k));
    table
      .selectAll('tr')
      .data(probs)
      .join((enter) => {
        const tr = enter.append('tr');
        tr.append('th').attr('scope', 'row');
        tr.append('td');
        return tr;
      })
      .classed('best', (_, k) => k === best)
      .call((tr) => tr.select('th').text((_, k) => name(k)))
      .call((tr) => tr.select('td').text((v) => fmt(v, 3)));
  };
  for (const model of PLAY_MODELS) {
    const canvas = $<HTMLCanvasElement>(`[data-output="${model}"]`);
    const size = () => shown.runs.find((r) => r.model === model)?.map.width ?? 0;
    const onPointer = (event: PointerEvent) => {
      if (size() === 0) return;
      const [row, col] = pixelAt(canvas, event, size(), size());
      picked = { model, row, col };
      drawPicked();
    };
    canvas.addEventListener('pointermove', onPointer);
    canvas.addEventListener('pointerdown', onPointer);
    canvas.addEventListener('focus', () => {
      if (picked?.model === model || size() === 0) return;
      picked = { model, row: Math.floor(size() / 2), col: Math.floor(size() / 2) };
      drawPicked();
    });
    canvas.addEventListener('keydown', (event) => {
      const step = arrowStep(event, event.shiftKey ? FAST_STEP : 1);
      if (!step || !picked || size() === 0) return;
      event.preventDefault();
      const clamp = (v: number) => Math.min(Math.max(v, 0), size() - 1);
      picked = { model, row: clamp(picked.row + step[0]), col: clamp(picked.col + step[1]) };
      drawPicked();
    });
  }

  // Frames per second while the camera runs: results drawn in the last second or so.
  const drawnAt: number[] = [];
  const countFrame = () => {
    const now = performance.now();
    drawnAt.push(now);
    while (drawnAt.length > 2 && now - drawnAt[0]! > 2000) drawnAt.shift();
    if (drawnAt.length < 2) return;
    const fps = (1000 * (drawnAt.length - 1)) / (now - drawnAt[0]!);
    $('[data-fps]').textContent = p.fps(fps);
    root.dataset.fps = fps.toFixed(2);
  };

  $('[data-download]').addEventListener('click', () => {
    const panels = [inputCanvas, ...shown.runs.map((r) => $<HTMLCanvasElement>(`[data-output="${r.model}"]`))];
    const titles = [p.inputs[shown.input?.kind ?? 'scene'], ...shown.runs.map((r) => p.titles[r.model]!)];
    const [cell, band] = [256, 24];
    const out = document.createElement('canvas');
    out.width = cell * panels.length;
    out.height = cell + band;
    const g = out.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, out.width, out.height);
    g.imageSmoothingEnabled = false;
    g.fillStyle = '#000';
    g.font = '14px sans-serif';
    panels.forEach((canvas, i) => {
      g.fillText(titles[i]!, i * cell + 6, 17);
      g.drawImage(canvas, i * cell, band, cell, cell);
    });
    out.toBlob((blob) => {
      if (!blob) return;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = p.downloadName(shown.input?.kind ?? 'scene');
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }, 'image/png');
  });

  return {
    async compute(values): Promise<Result> {
      busy = true;
      try {
        showInputPanel(values.input);
        if (values.input !== 'webcam') cam.stop();
        const input = await prepare(values);
        let chosen = PLAY_MODELS.filter((m) => values[m]);
        let trainedProblem: string | undefined;
        if (values.trained) {
          trainedLoad ??= (await api()).trainedLoad();
          try {
            await trainedLoad;
          } catch (e) {
            trainedProblem = (e as Error).message;
            chosen = chosen.filter((m) => m !== TRAINED);
          }
        }
        if (!input || chosen.length === 0) return { input, runs: [], trainedProblem };
        const a = await api();
        await loadModels(a, chosen.filter(isDigitModel), status);
        if (values.selfie) {
          selfieLoad ??= a
            .graphModelLoad(
              'selfie',
              Comlink.proxy((received: number, total: number) => {
                status(t.modelView.loading(received, total));
              }),
            )
            .catch((e: unknown) => {
              selfieLoad = undefined;
              throw e;
            });
          await selfieLoad;
        }
        const result: Result = { input, runs: [], trainedProblem };
        for (const model of chosen) result.runs.push(await run(a, input, model));
        for (const key of runs.keys()) if (!key.startsWith(`${input.version}:`)) runs.delete(key);
        return result;
      } finally {
        busy = false;
      }
    },
    draw(result, values) {
      shown = result;
      const { input } = result;
      $('[data-seed]').textContent = p.seed(values.seed);
      $('[data-sample-note]').textContent = p.sampleNotes[values.sample]!;
      $('[data-no-model]').hidden = PLAY_MODELS.some((m) => values[m]);
      const failed = result.trainedProblem !== undefined;
      for (const model of PLAY_MODELS) {
        $(`[data-model-panel="${model}"]`).hidden = !values[model] || (model === TRAINED && failed);
      }
      $('[data-trained-choice]').hidden = kept === undefined && !values.trained;
      let trainedNote = '';
      if (values.trained && failed) trainedNote = p.trainedMissing(result.trainedProblem!);
      else if (values.trained && kept !== undefined) trainedNote = compareNote(kept, shipped);
      $('[data-trained-note]').textContent = trainedNote;
      $('[data-panels]').hidden = !input;
      $('[data-no-input]').hidden = input !== undefined;
      if (!input) {
        $('[data-no-input]').textContent = values.input === 'webcam' ? p.noCamera : p.noFile;
        root.dataset.shown = `${values.input}:none`;
        return;
      }
      $('[data-input-size]').textContent = p.inputSize(input.side);
      drawRgba(inputCanvas, input.rgba, input.side, input.side);
      inputCanvas.setAttribute('aria-label', input.kind === 'scene' ? p.sceneAlt(values.seed) : p.inputAlt);
      for (const { model, map } of result.runs) {
        const colours = isDigitModel(model) ? DIGIT_COLOURS : [null, PERSON];
        const canvas = $<HTMLCanvasElement>(`[data-output="${model}"]`);
        const overlay = overlayClasses(input.rgba, input.side, map.classMap, map.width, colours, values.opacity);
        drawRgba(canvas, overlay, map.width, map.height);
        $(`[data-size="${model}"]`).textContent = p.sizeNote(map.width);
        let share = 0;
        for (const c of map.classMap) share += c;
        const found = [...new Set(map.classMap)].filter((c) => c > 0).sort((x, y) => x - y);
        $(`[data-summary="${model}"]`).textContent = isDigitModel(model)
          ? p.classesFound(found.map((c) => String(c - 1)).join(', '))
          : p.personShare(share / map.classMap.length);
      }
      drawPicked();
      // What is on screen, for tests and the bench to wait on.
      const models = result.runs.map((r) => r.model).join(',');
      root.dataset.shown = `${input.kind}:${input.version}:${models}:${values.opacity}`;
      if (input.kind === 'webcam') countFrame();
    },
  };
});
