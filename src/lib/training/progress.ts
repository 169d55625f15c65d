// A terminal progress bar: loss, steps/s and ETA.
import cliProgress from 'cli-progress';

export interface Progress {
  update(step: number, loss: number): void;
  stop(): void;
}

export function progressBar(label: string, total: number, start: number): Progress {
  const bar = new cliProgress.SingleBar({
    format: `${label} {bar} {value}/{total} | loss {loss} | {rate} steps/s | ETA {eta_formatted}`,
    etaBuffer: 50,
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
  const began = performance.now();
  bar.start(total, start, { loss: '-', rate: '-' });
  return {
    update(step, loss) {
      const rate = (step - start) / ((performance.now() - began) / 1000);
      bar.update(step, { loss: loss.toFixed(4), rate: rate.toFixed(2) });
    },
    stop: () => bar.stop(),
  };
}
