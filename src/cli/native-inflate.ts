/**
 * The returned-workbook reader's inflater in Node: zlib, native and synchronous (jszip's and
 * fflate's JavaScript inflate cost ~14 % of a consolidation), stopped at one byte past the
 * declared size so a lying zip never costs more than it claims.
 */
import { inflateRawSync } from 'node:zlib';
import { ZipEntryError, type InflateRaw } from '../xlsx/ooxml/zip-entries';

export const inflateWithZlib: InflateRaw = (data, size) => {
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: size + 1 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipEntryError('entry larger than declared', 'larger');
    throw new ZipEntryError('entry does not inflate');
  }
  if (out.length > size) throw new ZipEntryError('entry larger than declared', 'larger');
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};
