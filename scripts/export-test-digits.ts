// Writes public/data/test-digits-*.idx: the first 300 MNIST *test* digits (235 KB), enough for
// pages to compose fresh scenes in the browser without shipping the 7.8 MB test set.
import { mkdirSync, writeFileSync } from 'node:fs';
import { DIGIT_SIZE, firstDigits } from '../src/lib/data/digits.ts';
import { encodeIdx } from '../src/lib/data/idx.ts';
import { TEST_DIGIT_FILES } from '../src/lib/data/load-digits.ts';
import { loadMnist } from '../src/lib/training/mnist-node.ts';
import { ROOT } from '../src/lib/training/paths.ts';

const SHIPPED_TEST_DIGITS = 300;

const digits = firstDigits(loadMnist('test'), SHIPPED_TEST_DIGITS);
mkdirSync(`${ROOT}public/data`, { recursive: true });
writeFileSync(
  `${ROOT}public/${TEST_DIGIT_FILES.images}`,
  encodeIdx([digits.count, DIGIT_SIZE, DIGIT_SIZE], digits.images),
);
writeFileSync(`${ROOT}public/${TEST_DIGIT_FILES.labels}`, encodeIdx([digits.count], digits.labels));
console.log(`wrote ${digits.count} test digits to public/data/`);
