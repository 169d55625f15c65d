// The playground in Chromium: every input path (scene, drawing, sample photos, own image by picker,
// drop and paste, fake camera), every model, the picked pixel's probabilities and field, the PNG
// download, every bad file the issue lists, camera refusal and loss, tensors after 50 runs, axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { CLASS_COLORS } from '../../src/lib/viz/class-palette.ts';
import { gifTwoFrames, heicHeader, pngGreyBlack, pngRgba, SVG, withExifOrientation } from '../fixtures/images.ts';
import { agreement, look, nodePrediction, sceneOf, workerTensors } from './models.ts';
import { expectNoAxeViolations, type OpenedPage, open, reach } from './page.ts';

const FIG = '[data-figure="play-ground"]';
const $ = (selector: string) => `${FIG} ${selector}`;
const DIGIT_MODELS = ['fcn32s', 'fcn16s', 'fcn8s', 'unet', 'deeplabv3', 'deeplabv3plus'] as const;
const ALL = [...DIGIT_MODELS, 'selfie'] as const;
const LESSON = {
  fcn32s: 'skip-connections',
  fcn16s: 'skip-connections',
  fcn8s: 'skip-connections',
  unet: 'u-net',
  deeplabv3: 'aspp',
  deeplabv3plus: 'aspp',
  selfie: 'u-net',
} as const;

let browser: Browser;
let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  // Count getUserMedia calls and keep the tracks it hands out, to check when the camera starts and stops.
  opened = await open(browser, '/playground/?play-ground.seed=20');
  page = opened.page;
  await page.evaluate(() => {
    const w = window as unknown as { gumCalls: number; tracks: MediaStreamTrack[] };
    w.gumCalls = 0;
    w.tracks = [];
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (c) => {
      w.gumCalls++;
      const stream = await original(c);
      w.tracks.push(...stream.getTracks());
      return stream;
    };
  });
});
afterAll(() => browser.close());

const shown = () => page.$eval(FIG, (f) => (f as HTMLElement).dataset.shown ?? '');
/** Runs `act` and waits until the figure has drawn something new and is ready. */
async function redrawn(act: () => Promise<unknown>, kind = ''): Promise<string> {
  const before = await shown();
  await act();
  await page.waitForFunction(
    ([sel, b, k]) => {
      const f = document.querySelector<HTMLElement>(sel)!;
      return f.dataset.shown !== b && f.dataset.shown!.startsWith(k) && f.dataset.state === 'ready';
    },
    [FIG, before, kind] as const,
    { timeout: 60_000 },
  );
  return shown();
}
const text = (selector: string) => page.locator($(selector)).innerText();
const tick = async (model: string, on: boolean) => {
  const box = page.locator($(`input[data-state="${model}"]`));
  if ((await box.isChecked()) !== on) await redrawn(() => box.click());
};
const choose = (input: string) =>
  redrawn(() => page.locator($(`input[name="play-ground-input"][value="${input}"]`)).check(), `${input}:`);
const pixels = (selector: string) =>
  page.$eval($(selector), (c: HTMLCanvasElement) => ({
    w: c.width,
    h: c.height,
    data: Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data),
  }));
const upload = (name: string, mimeType: string, buffer: Buffer) =>
  page.locator($('[data-file]')).setInputFiles({ name, mimeType, buffer });
const alertText = () => text('[data-input-alert]');
const statusText = () => text('[data-input-status]');
const validPng = (seed: number) => pngRgba(48, 48, (x, y) => [(x * 5 + seed) % 256, (y * 5) % 256, 128, 255]);

describe('the playground', () => {
  it('says everything runs on the device, links each model to its lesson, and draws a scene without errors', async () => {
    expect(await reach(page, 'play-ground')).toBe('ready');
    expect(await page.locator('main').innerText()).toMatch(/runs on your device.*never uploaded/s);
    for (const m of ALL) {
      const href = await page
        .locator($(`input[data-state="${m}"]`))
        .locator('xpath=../following-sibling::a')
        .getAttribute('href');
      expect(href, m).toBe(`/learn/${LESSON[m]}/`);
    }
    expect(await text('[data-seed]')).toContain('seed 20');
    expect(opened.errors).toEqual([]);
    await expectNoAxeViolations(page);
  });

  it('every model runs on the scene; the digit models agree with the Node evaluation at opacity 1', async () => {
    await redrawn(() => page.locator($('input[data-state="opacity"]')).fill('1'));
    for (const m of ALL) await tick(m, true);
    expect((await shown()).split(':')[2]).toBe(ALL.join(','));
    const scene = sceneOf(20);
    const palette = CLASS_COLORS.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
    for (const m of DIGIT_MODELS) {
      const truth = await nodePrediction(m, scene);
      const { data } = await pixels(`[data-output="${m}"]`);
      // At opacity 1 a digit pixel is its class colour; a background pixel is the scene's grey.
      const read = Array.from(truth, (_, i) => {
        const rgb = data.slice(4 * i, 4 * i + 3);
        const k = palette.findIndex((c, j) => j > 0 && c.every((v, n) => v === rgb[n]));
        return Math.max(k, 0);
      });
      const grey = (i: number) => Math.round(scene.image[i]! * 255);
      const background = Array.from(truth, (k, i) => (k === 0 ? data[4 * i] === grey(i) : true));
      expect(agreement(read, truth), m).toBeGreaterThanOrEqual(0.99);
      expect(background.filter(Boolean).length / truth.length, m).toBeGreaterThanOrEqual(0.99);
      expect(await text(`[data-summary="${m}"]`)).toMatch(/Classes found|Only background/);
    }
    expect(await text('[data-summary="selfie"]')).toMatch(/% of pixels marked person/);
  });

  it('a new scene changes the seed on screen and in the address; every control moves the figure', async () => {
    const before = await look(page, 'play-ground');
    await redrawn(() => page.locator($('[data-new-scene]')).click());
    const seed = Number((await text('[data-seed]')).match(/seed (\d+)/)![1]);
    await page.waitForFunction((s) => location.search.includes(`play-ground.seed=${s}`), seed);
    expect(await look(page, 'play-ground')).not.toBe(before);
    for (const [control, act] of [
      ['opacity', () => page.locator($('input[data-state="opacity"]')).fill('0.3')],
      ['fcn32s off', () => page.locator($('input[data-state="fcn32s"]')).click()],
      ['fcn32s on', () => page.locator($('input[data-state="fcn32s"]')).click()],
    ] as const) {
      const was = await look(page, 'play-ground');
      await redrawn(act);
      expect(await look(page, 'play-ground'), control).not.toBe(was);
    }
  });

  it('pointing at or focusing a result lists its probabilities and outlines its receptive field', async () => {
    const canvas = page.locator($('[data-output="unet"]'));
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.25);
    await expect
      .poll(() => text('[data-picked]'))
      .toMatch(/U-Net, pixel row 16, column 32: its receptive field .* spans rows \d+–\d+/);
    const probs = await page.$$eval($('[data-probs] td'), (tds) => tds.map((td) => Number(td.textContent)));
    expect(probs).toHaveLength(11);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    expect(await page.locator($('[data-field] rect')).count()).toBe(2);
    await page.locator($('[data-output="fcn8s"]')).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text('[data-picked]')).toMatch(/FCN-8s, pixel row 32, column 33:/);
    const selfie = page.locator($('[data-output="selfie"]'));
    const sbox = (await selfie.boundingBox())!;
    await page.mouse.move(sbox.x + 5, sbox.y + 5);
    await expect.poll(() => page.locator($('[data-probs] td')).count()).toBe(2);
    expect(await text('[data-picked]')).toMatch(/no receptive field/);
  });

  it('downloads the result as a PNG: the input and every shown model side by side', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator($('[data-download]')).click()]);
    expect(download.suggestedFilename()).toBe('pixelwise-playground-scene.png');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const png = Buffer.concat(chunks);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(256 * (1 + ALL.length));
    for (const m of ALL.filter((m) => !['fcn8s', 'unet', 'selfie'].includes(m))) await tick(m, false);
  });

  it('no tensors leak over 50 runs', async () => {
    await redrawn(() => page.locator($('[data-new-scene]')).click());
    const baseline = await workerTensors(page);
    for (let i = 0; i < 50; i++) await redrawn(() => page.locator($('[data-new-scene]')).click());
    expect(await workerTensors(page)).toBe(baseline);
  });

  it('drawing: the models segment the strokes while the pen is down; undo and clear', async () => {
    await choose('draw');
    const pad = page.locator($('[data-draw]'));
    await pad.scrollIntoViewIfNeeded();
    const b = (await pad.boundingBox())!;
    await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.2);
    await page.mouse.down();
    // Still drawing: the result follows the stroke before the pen lifts.
    const mid = await redrawn(async () => {
      for (let i = 1; i <= 10; i++) await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * (0.2 + 0.06 * i));
    });
    expect(mid).toMatch(/^draw:/);
    await redrawn(async () => {
      for (let i = 1; i <= 10; i++) await page.mouse.move(b.x + b.width * (0.3 + 0.04 * i), b.y + b.height * 0.8);
    });
    await page.mouse.up();
    expect(await text('[data-strokes]')).toBe('1 stroke');
    const { data } = await pixels('[data-input]');
    expect(data.some((v, i) => i % 4 === 0 && v > 200)).toBe(true);
    await redrawn(() => page.locator($('[data-undo]')).click());
    expect(await text('[data-strokes]')).toBe('0 strokes');
    expect((await pixels('[data-input]')).data.every((v, i) => i % 4 === 3 || v === 0)).toBe(true);
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await expect.poll(() => text('[data-strokes]')).toBe('1 stroke');
    await redrawn(() => page.locator($('[data-clear]')).click());
    expect(await text('[data-strokes]')).toBe('0 strokes');
  });

  it('sample photos: the selfie model finds the astronaut, and also marks the cat and the cup as foreground', async () => {
    await choose('sample');
    expect(await text('[data-sample-note]')).toMatch(/NASA.*public domain/);
    const share = async () => Number((await text('[data-summary="selfie"]')).match(/([\d.]+)%/)![1]);
    expect(await share()).toBeGreaterThan(15);
    await redrawn(() => page.locator($('select[data-state="sample"]')).selectOption('chelsea'));
    expect(await text('[data-sample-note]')).toMatch(/CC0/);
    expect(await share()).toBeGreaterThan(15);
    await redrawn(() => page.locator($('select[data-state="sample"]')).selectOption('coffee'));
    expect(await share()).toBeGreaterThan(15);
    expect((await shown()).split(':')[0]).toBe('sample');
    expect((await pixels('[data-input]')).w).toBe(256);
    expect(await text('[data-size="unet"]')).toBe('run at 128×128');
    await expectNoAxeViolations(page);
  });

  it('your image: file picker, drop and paste; EXIF orientation is applied', async () => {
    await choose('file');
    await redrawn(() => upload('gradient.png', 'image/png', validPng(0)));
    expect(await statusText()).toContain('gradient.png: 48×48 pixels');
    // A 40×20 JPEG, red left and blue right, tagged "rotate 90° clockwise": upright it is 20×40, red on top.
    const jpeg = Buffer.from(
      await page.evaluate(async () => {
        const c = new OffscreenCanvas(40, 20);
        const g = c.getContext('2d')!;
        g.fillStyle = '#f00';
        g.fillRect(0, 0, 20, 20);
        g.fillStyle = '#00f';
        g.fillRect(20, 0, 20, 20);
        return Array.from(
          new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer()),
        );
      }),
    );
    await redrawn(() => upload('turned.jpg', 'image/jpeg', withExifOrientation(jpeg, 6)));
    expect(await statusText()).toMatch(/turned\.jpg: 20×40 pixels.*EXIF orientation \(6\)/);
    const { data, w } = await pixels('[data-input]');
    const at = (row: number) => data.slice(4 * (row * w + w / 2), 4 * (row * w + w / 2) + 3);
    expect(at(10)[0]).toBeGreaterThan(200);
    expect(at(w - 10)[2]).toBeGreaterThan(200);
    const give = (how: 'drop' | 'paste', bytes: number[]) =>
      page.evaluate(
        ([how, bytes, sel]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([Uint8Array.from(bytes)], `${how}.png`, { type: 'image/png' }));
          if (how === 'drop')
            document
              .querySelector(sel)!
              .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
          else
            document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        },
        [how, bytes, $('[data-drop]')] as const,
      );
    await redrawn(() => give('drop', Array.from(validPng(40))));
    expect(await statusText()).toContain('drop.png: 48×48');
    await choose('scene');
    // Pasting switches to "your image" from any input.
    await redrawn(() => give('paste', Array.from(validPng(80))));
    expect(await statusText()).toContain('paste.png: 48×48');
    expect(await page.locator($('input[value="file"]')).isChecked()).toBe(true);
  });

  it('bad files get a message next to the input, and the next valid file still works', async () => {
    const truncatedJpeg = Buffer.from(
      await page.evaluate(async () => {
        const c = new OffscreenCanvas(64, 64);
        c.getContext('2d')!.fillRect(0, 0, 32, 32);
        return Array.from(new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg' })).arrayBuffer()));
      }),
    ).subarray(0, 300);
    const png = validPng(3);
    const refused: [string, string, Buffer, RegExp][] = [
      ['empty.png', 'image/png', Buffer.alloc(0), /empty \(0 bytes\)/],
      ['notes.png', 'image/png', Buffer.from('these are my notes, not a picture\n'), /not an image this page can read/],
      ['cut.png', 'image/png', png.subarray(0, png.length - 30), /PNG file ends early/],
      ['cut.jpg', 'image/jpeg', truncatedJpeg, /JPEG file ends early/],
      ['drawing.svg', 'image/svg+xml', SVG, /SVG is a vector drawing/],
      ['huge.png', 'image/png', pngGreyBlack(12000, 12000), /12000×12000 pixels \(144 megapixels\)/],
      ['photo.heic', 'image/heic', heicHeader(), /HEIC photos/],
    ];
    let seed = 10;
    for (const [name, type, bytes, message] of refused) {
      await upload(name, type, bytes);
      await expect.poll(alertText, { message: name }).toMatch(message);
      expect(await page.locator($('[data-input-alert]')).getAttribute('role')).toBe('alert');
      await redrawn(() => upload('ok.png', 'image/png', validPng(seed++)));
      expect(await alertText(), name).toBe('');
    }
    const accepted: [string, string, Buffer, RegExp, (rgb: number[]) => boolean][] = [
      [
        'moving.gif',
        'image/gif',
        gifTwoFrames(),
        /animated GIF with 2 frames: the first frame is used/,
        (c) => c[0]! > 200 && c[2]! < 50,
      ],
      [
        'clear.png',
        'image/png',
        pngRgba(16, 16, () => [255, 255, 255, 0]),
        /composited on black/,
        (c) => c.every((v) => v === 0),
      ],
      ['dot.png', 'image/png', pngRgba(1, 1, () => [0, 200, 0, 255]), /1×1 pixels it is tiny/, (c) => c[1]! > 150],
    ];
    for (const [name, type, bytes, message, colour] of accepted) {
      await redrawn(() => upload(name, type, bytes));
      expect(await statusText(), name).toMatch(message);
      const { data } = await pixels('[data-input]');
      expect(colour(data.slice(4 * 1000, 4 * 1000 + 3)), name).toBe(true);
    }
    expect(opened.errors).toEqual([]);
  });

  it('camera: starts only on request, runs the models on its frames, says when it is lost, stops on switching', async () => {
    const calls = () => page.evaluate(() => (window as unknown as { gumCalls: number }).gumCalls);
    await choose('webcam');
    expect(await calls()).toBe(0);
    await redrawn(() => page.locator($('[data-camera-start]')).click());
    expect(await calls()).toBe(1);
    expect((await shown()).split(':')[0]).toBe('webcam');
    await page.waitForFunction((sel) => Number(document.querySelector<HTMLElement>(sel)!.dataset.fps) > 0, FIG);
    expect(await text('[data-fps]')).toMatch(/frames segmented per second/);
    // The camera vanishes mid-stream: its track ends.
    await page.evaluate(() =>
      (window as unknown as { tracks: MediaStreamTrack[] }).tracks.at(-1)!.dispatchEvent(new Event('ended')),
    );
    await expect.poll(alertText).toMatch(/camera stopped sending frames/);
    await choose('scene');
    await choose('webcam');
    await page.locator($('[data-camera-start]')).click();
    await expect.poll(statusText).toMatch(/camera is on/);
    await choose('scene');
    expect(
      await page.evaluate(() => (window as unknown as { tracks: MediaStreamTrack[] }).tracks.at(-1)!.readyState),
    ).toBe('ended');
    expect(opened.errors).toEqual([]);
  });

  it('camera refused or missing: a message, and the page keeps working', async () => {
    for (const [error, message] of [
      ['NotAllowedError', /access was refused/],
      ['NotFoundError', /No camera was found/],
    ] as const) {
      const context = await browser.newContext();
      await context.addInitScript((name) => {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('no', name));
      }, error);
      const other = await context.newPage();
      await other.goto(`${inject('baseUrl')}/playground/?play-ground.input=webcam`);
      await other.locator($('[data-camera-start]')).click();
      await expect.poll(() => other.locator($('[data-input-alert]')).innerText()).toMatch(message);
      await other.locator($('input[value="scene"]')).check();
      await other.waitForFunction(
        (sel) => document.querySelector<HTMLElement>(sel)!.dataset.shown?.startsWith('scene:'),
        FIG,
      );
      await context.close();
    }
  });

  it('the prose links open the playground on its examples: the cat, with the selfie model ticked', async () => {
    const other = await open(browser, '/playground/');
    expect(await reach(other.page, 'play-ground')).toBe('ready');
    await other.page.locator('main a[href*="sample=chelsea"]').click();
    await other.page.waitForFunction(
      (sel) => document.querySelector<HTMLElement>(sel)?.dataset.shown?.startsWith('sample:'),
      FIG,
      { timeout: 60_000 },
    );
    expect(await other.page.locator($('select[data-state="sample"]')).inputValue()).toBe('chelsea');
    const summary = await other.page.locator($('[data-summary="selfie"]')).innerText();
    expect(Number(summary.match(/([\d.]+)%/)![1])).toBeGreaterThan(15);
    expect(other.errors).toEqual([]);
    await other.page.close();
  });
});
