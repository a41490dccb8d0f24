/**
 * The returned-workbook reader's inflater in Node: zlib, native and synchronous (jszip's and
 * fflate's JavaScript inflate cost ~14 % of a consolidation), stopped at one byte past the
 * declared size so a lying zip never costs more than it claims. The output buffer is the declared
 * size (up to 1 MB) at once: zlib's default 16 KB chunks, concatenated at the end, cost a third more
 * (0.10 against 0.14 ms per bench return for its 6 parts, same run).
 */
import { inflateRawSync } from 'node:zlib';
import { ZipEntryError, type InflateRaw } from '../xlsx/ooxml/zip-entries';

/** One output chunk for the declared size, within zlib's bounds (64 bytes) and ours (1 MB). */
export function inflateChunk(size: number): number {
  return Math.max(64, Math.min(size + 1, 1 << 20));
}

export const inflateWithZlib: InflateRaw = (data, size) => {
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: size + 1, chunkSize: inflateChunk(size) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipEntryError('entry larger than declared', 'larger');
    throw new ZipEntryError('entry does not inflate');
  }
  if (out.length > size) throw new ZipEntryError('entry larger than declared', 'larger');
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};
