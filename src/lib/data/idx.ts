// The IDX format of the MNIST files: magic (0, 0, type 0x08 = uint8, rank), big-endian uint32
// dimensions, then the data.
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array): IdxArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || bytes[2] !== 0x08) {
    throw new Error('not an unsigned-byte IDX file');
  }
  const rank = bytes[3] as number;
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const start = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length < start + size) throw new Error(`IDX file truncated: ${bytes.length} < ${start + size} bytes`);
  return { dims, data: bytes.subarray(start, start + size) };
}

export function encodeIdx(dims: number[], data: Uint8Array): Uint8Array {
  const head = 4 + 4 * dims.length;
  const out = new Uint8Array(head + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  out.set(data, head);
  return out;
}
