/**
 * The playground's camera: started only when the reader asks, stopped when they switch input or
 * leave the page. Each frame is grabbed fitted into a `side` × `side` square when the figure is
 * ready for one; every way it can fail (refused, no camera, in use, unplugged mid-stream,
 * unsupported) ends in a message for the reader.
 */
import type { t } from '../i18n/en.ts';

export type CameraTrouble = keyof typeof t.playground.camera;

export interface Camera {
  start(): Promise<void>;
  stop(): void;
  readonly running: boolean;
}

export function camera(
  video: HTMLVideoElement,
  side: number,
  on: {
    frame: (rgba: Uint8ClampedArray) => void;
    message: (kind: CameraTrouble, alert: boolean) => void;
    /** Asked before each grab: false while the last frame is still being segmented. */
    ready: () => boolean;
  },
): Camera {
  const canvas = new OffscreenCanvas(side, side);
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  let stream: MediaStream | undefined;
  let frameRequest = 0;

  const grab = () => {
    if (!stream) return;
    frameRequest = requestAnimationFrame(grab);
    if (!on.ready() || video.readyState < video.HAVE_CURRENT_DATA) return;
    const longer = Math.max(video.videoWidth, video.videoHeight);
    if (longer === 0) return;
    const [w, h] = [(video.videoWidth * side) / longer, (video.videoHeight * side) / longer];
    g.fillStyle = '#000';
    g.fillRect(0, 0, side, side);
    g.drawImage(video, (side - w) / 2, (side - h) / 2, w, h);
    on.frame(g.getImageData(0, 0, side, side).data);
  };

  const stop = () => {
    cancelAnimationFrame(frameRequest);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    video.srcObject = null;
    video.hidden = true;
  };

  const troubleOf = (e: unknown): CameraTrouble => {
    const name = e instanceof DOMException ? e.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') return 'refused';
    if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'none';
    return 'busy';
  };

  addEventListener('pagehide', stop);
  return {
    get running() {
      return stream !== undefined;
    },
    async start() {
      if (stream) return;
      if (!navigator.mediaDevices?.getUserMedia) {
        on.message('unsupported', true);
        return;
      }
      on.message('starting', false);
      try {
        const video = { width: { ideal: 640 }, height: { ideal: 480 } };
        stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
      } catch (e) {
        on.message(troubleOf(e), true);
        return;
      }
      for (const track of stream.getVideoTracks()) {
        track.addEventListener('ended', () => {
          if (!stream) return;
          stop();
          on.message('lost', true);
        });
      }
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      on.message('running', false);
      grab();
    },
    stop() {
      if (!stream) return;
      stop();
      on.message('stopped', false);
    },
  };
}
