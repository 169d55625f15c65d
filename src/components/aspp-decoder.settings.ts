import { t } from '../i18n/en.ts';
import { defineSettings } from '../lib/figure/settings.ts';

const s = t.asppDecoder;

/**
 * DeepLab v3+ (Chen et al. 2018), PASCAL VOC 2012 val mIoU with a ResNet-101 encoder at eval
 * output stride 16, without and with the decoder (docs/sources.md).
 */
export const PAPER_DECODER = { without: 77.21, with: 78.85 } as const;

export const settings = defineSettings('aspp-decoder', {
  seed: { kind: 'int', min: 1, max: 99999, default: 9, control: 'number', label: s.seed },
  band: { kind: 'int', min: 1, max: 4, default: 1, label: s.band },
});
