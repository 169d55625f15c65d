/**
 * The note that sets a network trained in the browser beside the shipped model of its kind, shared
 * by the trainer and the playground. `shipped` is the parsed `data-shipped` (train-shipped.ts).
 */
import { t } from '../i18n/en.ts';

const w = t.trainNetwork;

export interface Shipped {
  title: string;
  meanIoU: number;
  scenes: number;
  training: string;
}

/** What the trainer keeps in sessionStorage[TRAINED_FLAG] when the reader presses "Use this model". */
export interface KeptNetwork {
  net: string;
  step: number;
  meanIoU: number;
  heldOutScenes: number;
}

/** sessionStorage key the playground reads to offer the kept network. */
export const TRAINED_FLAG = 'pixelwise:trained';

export function compareNote(kept: KeptNetwork, shipped: Record<string, Shipped>): string {
  const kin = shipped[kept.net]!;
  return w.compare(
    w.nets[kept.net]!,
    w.pct(kept.meanIoU),
    kept.step,
    kept.heldOutScenes,
    w.pct(kin.meanIoU),
    kin.title,
    kin.scenes,
    kin.training,
  );
}
