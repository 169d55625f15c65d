/**
 * Every word a component shows, in English: site-wide words in en/site.ts, each lesson's figures
 * in en/<lesson>.ts. Lesson prose lives in the MDX files.
 */
import { aspp } from './en/aspp.ts';
import { atrous } from './en/atrous.ts';
import { bilinear } from './en/bilinear.ts';
import { fullyConvolutional } from './en/fully-convolutional.ts';
import { playground } from './en/playground.ts';
import { segmentation } from './en/segmentation.ts';
import { siteWords } from './en/site.ts';
import { skipConnections } from './en/skip-connections.ts';
import { train } from './en/train.ts';
import { transposed } from './en/transposed.ts';
import { unet } from './en/u-net.ts';

export const en = {
  ...siteWords,
  ...bilinear,
  ...fullyConvolutional,
  ...transposed,
  ...atrous,
  ...segmentation,
  ...skipConnections,
  ...unet,
  ...aspp,
  ...playground,
  ...train,
} as const;

export const t = en;
