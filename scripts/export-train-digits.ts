// Writes public/data/train-digits-*.idx: the first MNIST *train* digits (784 bytes each), which
// /playground/train/ trains on in the browser; its held-out scenes use the shipped test digits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { DIGIT_SIZE, firstDigits } from '../src/lib/data/digits.ts';
import { encodeIdx } from '../src/lib/data/idx.ts';
import { TRAIN_DIGIT_FILES } from '../src/lib/data/load-digits.ts';
import { SHIPPED_TRAIN_DIGITS } from '../src/lib/training/browser-data.ts';
import { loadMnist } from '../src/lib/training/mnist-node.ts';
import { ROOT } from '../src/lib/training/paths.ts';

const digits = firstDigits(loadMnist('train'), SHIPPED_TRAIN_DIGITS);
mkdirSync(`${ROOT}public/data`, { recursive: true });
const images = encodeIdx([digits.count, DIGIT_SIZE, DIGIT_SIZE], digits.images);
writeFileSync(`${ROOT}public/${TRAIN_DIGIT_FILES.images}`, images);
writeFileSync(`${ROOT}public/${TRAIN_DIGIT_FILES.labels}`, encodeIdx([digits.count], digits.labels));
console.log(`wrote ${digits.count} train digits to public/data/`);
