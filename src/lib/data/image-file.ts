// What a file the reader hands the playground is, read from its first bytes before any decoding:
// the format by its signature, the pixel size from the header, EXIF orientation, transparency,
// frames of a GIF, and whether the file ends where its format says it must. Lets the page refuse
// what the browser cannot decode (HEIC, SVG, text renamed .png, truncated files) and what would
// exhaust memory (a 12000 × 12000 image) with a reason, instead of a generic decoding error.
// No DOM: tests run it in Node.

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'heic' | 'svg' | 'unknown';

export interface ImageHeader {
  kind: ImageKind;
  /** Pixel size as stored (before EXIF orientation), when the header says. */
  width?: number;
  height?: number;
  /** EXIF orientation 1–8 (JPEG); 5–8 swap width and height on display. */
  orientation: number;
  /** The file can hold transparent pixels (PNG alpha channel or tRNS, GIF transparent colour). */
  alpha: boolean;
  /** Images in a GIF; the playground uses the first. */
  frames: number;
  /** The file stops before its format's end marker (PNG IEND, JPEG EOI, GIF trailer). */
  truncated: boolean;
}

export type ImageProblem =
  | { code: 'empty' }
  | { code: 'svg' }
  | { code: 'heic' }
  | { code: 'not-image' }
  | { code: 'truncated'; kind: ImageKind }
  | { code: 'too-large'; width: number; height: number; maxPixels: number }
  | { code: 'no-size'; kind: ImageKind };

export type ImageNote =
  | { code: 'first-frame'; frames: number }
  | { code: 'transparent' }
  | { code: 'rotated'; orientation: number }
  | { code: 'tiny'; width: number; height: number }
  | { code: 'downscaled'; width: number; height: number };

export type Vetted =
  | { ok: true; header: ImageHeader; width: number; height: number; notes: ImageNote[] }
  | { ok: false; problem: ImageProblem };

/** Decoding 64 megapixels takes 256 MB of RGBA: more than a phone should give one tab. */
export const MAX_PIXELS = 64_000_000;
/** Below this side the models see a few flat pixels; the page says so. */
export const TINY_SIDE = 8;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

function blank(kind: ImageKind): ImageHeader {
  return { kind, orientation: 1, alpha: false, frames: 1, truncated: false };
}

function png(b: Uint8Array): ImageHeader {
  const h = blank('png');
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return { ...h, truncated: true };
  h.width = u32be(b, 16);
  h.height = u32be(b, 20);
  const colourType = b[25]!;
  h.alpha = colourType === 4 || colourType === 6;
  // Walk the chunks: tRNS means transparency, IEND must come and end the file.
  let at = 8;
  let ended = false;
  while (at + 8 <= b.length) {
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    if (type === 'tRNS') h.alpha = true;
    at += 12 + length;
    if (type === 'IEND') {
      ended = at <= b.length;
      break;
    }
  }
  h.truncated = !ended;
  return h;
}

function exifOrientation(b: Uint8Array, start: number, end: number): number {
  // APP1: "Exif\0\0" then a TIFF header; IFD0 entry 0x0112 holds the orientation.
  if (ascii(b, start, 6) !== 'Exif\0\0') return 1;
  const tiff = start + 6;
  const little = ascii(b, tiff, 2) === 'II';
  const u16 = (at: number) => (little ? u16le(b, at) : u16be(b, at));
  const u32 = (at: number) => (little ? u16le(b, at) + u16le(b, at + 2) * 65536 : u32be(b, at));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + 12 * i;
    if (entry + 12 > end) break;
    if (u16(entry) === 0x0112) {
      const v = u16(entry + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array): ImageHeader {
  const h = blank('jpeg');
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) break;
    const marker = b[at + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    if (marker === 0xe1) h.orientation = exifOrientation(b, at + 4, Math.min(at + 2 + length, b.length));
    if (SOF.has(marker) && at + 9 <= b.length) {
      h.height = u16be(b, at + 5);
      h.width = u16be(b, at + 7);
    }
    if (marker === 0xda) break; // entropy-coded data follows; the end marker is checked below
    at += 2 + length;
  }
  // Encoders end with EOI (FF D9); some append a few bytes after it.
  const tail = b.subarray(Math.max(0, b.length - 64));
  let eoi = false;
  for (let i = 0; i + 1 < tail.length; i++) if (tail[i] === 0xff && tail[i + 1] === 0xd9) eoi = true;
  h.truncated = !eoi;
  return h;
}

function gif(b: Uint8Array): ImageHeader {
  const h = blank('gif');
  if (b.length < 13) return { ...h, truncated: true };
  h.width = u16le(b, 6);
  h.height = u16le(b, 8);
  let at = 13 + (b[10]! & 0x80 ? 3 * 2 ** ((b[10]! & 7) + 1) : 0);
  let frames = 0;
  const skipSubBlocks = () => {
    while (at < b.length && b[at] !== 0) at += b[at]! + 1;
    at += 1;
  };
  let ended = false;
  while (at < b.length) {
    const block = b[at]!;
    if (block === 0x3b) {
      ended = true;
      break;
    }
    if (block === 0x21) {
      // Graphic control extension: bit 0 of its packed byte marks a transparent colour.
      if (b[at + 1] === 0xf9 && (b[at + 3]! & 1) === 1) h.alpha = true;
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames += 1;
      const packed = b[at + 9] ?? 0;
      at += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0) + 1;
      skipSubBlocks();
    } else break;
  }
  h.frames = Math.max(frames, 1);
  h.truncated = !ended;
  return h;
}

function webp(b: Uint8Array): ImageHeader {
  const h = blank('webp');
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) {
    h.alpha = (b[20]! & 0x10) !== 0;
    h.width = u24le(b, 24) + 1;
    h.height = u24le(b, 27) + 1;
  } else if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    h.width = (bits & 0x3fff) + 1;
    h.height = ((bits >> 14) & 0x3fff) + 1;
    h.alpha = ((bits >> 28) & 1) === 1;
  } else if (chunk === 'VP8 ' && b.length >= 30) {
    h.width = u16le(b, 26) & 0x3fff;
    h.height = u16le(b, 28) & 0x3fff;
  }
  h.truncated = b.length < 8 + (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24));
  return h;
}

function isSvg(b: Uint8Array): boolean {
  const text = new TextDecoder()
    .decode(b.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('<') && /<svg[\s>]/i.test(text);
}

/** The format and header facts of a file, from its bytes (the first few KB suffice but for truncation). */
export function readImageHeader(b: Uint8Array): ImageHeader {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(b);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpeg(b);
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return gif(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  if (ascii(b, 0, 2) === 'BM' && b.length >= 26) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { ...blank('bmp'), width: v.getInt32(18, true), height: Math.abs(v.getInt32(22, true)) };
  }
  if (ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return blank('avif');
    if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand)) return blank('heic');
  }
  if (isSvg(b)) return blank('svg');
  return blank('unknown');
}

/** Whether the playground can decode a file, and what it should tell the reader about it. */
export function vetImage(b: Uint8Array, maxPixels = MAX_PIXELS): Vetted {
  if (b.length === 0) return { ok: false, problem: { code: 'empty' } };
  const header = readImageHeader(b);
  const { kind } = header;
  if (kind === 'svg') return { ok: false, problem: { code: 'svg' } };
  if (kind === 'heic') return { ok: false, problem: { code: 'heic' } };
  if (kind === 'unknown') return { ok: false, problem: { code: 'not-image' } };
  if (header.truncated) return { ok: false, problem: { code: 'truncated', kind } };
  // AVIF keeps its size deep in the box tree; the decoder's bitmap is bounded by the page instead.
  if (header.width === undefined || header.height === undefined) {
    if (kind === 'avif') return { ok: true, header, width: 0, height: 0, notes: [] };
    return { ok: false, problem: { code: 'no-size', kind } };
  }
  const swap = header.orientation >= 5;
  const width = swap ? header.height : header.width;
  const height = swap ? header.width : header.height;
  if (width * height > maxPixels) return { ok: false, problem: { code: 'too-large', width, height, maxPixels } };
  if (width === 0 || height === 0) return { ok: false, problem: { code: 'no-size', kind } };
  const notes: ImageNote[] = [];
  if (header.frames > 1) notes.push({ code: 'first-frame', frames: header.frames });
  if (header.alpha) notes.push({ code: 'transparent' });
  if (header.orientation !== 1) notes.push({ code: 'rotated', orientation: header.orientation });
  if (Math.min(width, height) < TINY_SIDE) notes.push({ code: 'tiny', width, height });
  return { ok: true, header, width, height, notes };
}

/**
 * The size to decode an image at so that it fits a side × side square (its longer side `side`,
 * never enlarged), keeping its aspect: what createImageBitmap's resizeWidth/resizeHeight get, so a
 * huge photo never exists at full size in memory.
 */
export function decodeSize(width: number, height: number, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
