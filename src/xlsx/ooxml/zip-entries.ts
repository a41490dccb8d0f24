/**
 * The entries of an .xlsx zip, read from its central directory once, each inflated only when
 * asked for and never past its declared size. Replaces jszip on the direct reader's path: jszip
 * inflates in JavaScript through streams, and the zip guard used to inflate all ~13 entries just to
 * count their sizes, where the reader needs ~5.
 *
 * The inflater is given by the platform: Node's zlib (native) in the CLI, fflate (pure JS, here the
 * default) in the task pane. Either way the output is capped at the declared size and must match
 * it exactly, so a zip whose sizes lie is refused rather than read short.
 */
import { Inflate } from 'fflate';
import { dataStart, readCentralDirectory, type InflatedSize, type ZipEntryInfo } from '../zip-guard';

/**
 * Inflates raw DEFLATE data into at most `size` bytes: throws ZipEntryError('larger') as soon as
 * the output would pass it (never holding more), or another error when the data is corrupt.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

export class ZipEntryError extends Error {
  constructor(
    why: string,
    /** 'larger': the entry inflates past its declared size (a lying zip, maybe a bomb). */
    readonly kind: 'larger' | 'corrupt' = 'corrupt',
  ) {
    super(`zip: ${why}`);
    this.name = 'ZipEntryError';
  }
}

/** The zip guard's capped size check, from an exact inflater. */
export function inflatedSizeWith(inflate: InflateRaw): InflatedSize {
  return (data, limit) => {
    try {
      return inflate(data, limit).length;
    } catch (e) {
      return e instanceof ZipEntryError && e.kind === 'larger' ? null : 'corrupt';
    }
  };
}

/** fflate's streaming inflater, stopped as soon as the output passes `size`. */
export const inflateWithFflate: InflateRaw = (data, size) => {
  const out = new Uint8Array(size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > size) throw new ZipEntryError('entry larger than declared', 'larger');
    out.set(chunk, length);
    length += chunk.length;
  });
  inflater.push(data, true);
  return length === size ? out : out.subarray(0, length);
};

export interface ZipEntries {
  names(): string[];
  /** Declared uncompressed size (verified when the entry is read). */
  size(name: string): number | undefined;
  /** The entry's bytes; undefined when there is no such entry. */
  bytes(name: string): Uint8Array | undefined;
  /**
   * The entry as stored (a view of the zip's bytes, its method: 0 stored, 8 deflated), after the
   * checks `bytes` makes before inflating; undefined when there is no such entry. The same stored
   * bytes, method and declared size always give the same `bytes`, or the same refusal.
   */
  stored(name: string): { data: Uint8Array; method: number } | undefined;
}

export function zipEntries(bytes: Uint8Array, inflate: InflateRaw = inflateWithFflate): ZipEntries {
  const directory = readCentralDirectory(bytes);
  if ('error' in directory)
    throw new ZipEntryError(directory.error.ok ? 'directory' : directory.error.message);
  const byName = new Map<string, ZipEntryInfo>();
  for (const e of directory.entries) {
    if (byName.has(e.name)) throw new ZipEntryError(`two entries named ${e.name}`);
    if (!e.name.endsWith('/')) byName.set(e.name, e);
  }
  const stored = (name: string) => {
    const e = byName.get(name);
    if (!e) return undefined;
    if (e.flags & 0x1) throw new ZipEntryError(`encrypted entry ${name}`);
    const start = dataStart(bytes, e);
    if (start === null) throw new ZipEntryError(`truncated entry ${name}`);
    if (e.method !== 0 && e.method !== 8) throw new ZipEntryError(`compression method ${e.method}`);
    return { entry: e, data: bytes.subarray(start, start + e.compressedSize) };
  };
  return {
    names: () => [...byName.keys()],
    size: (name) => byName.get(name)?.uncompressedSize,
    stored(name) {
      const s = stored(name);
      return s && { data: s.data, method: s.entry.method };
    },
    bytes(name) {
      const s = stored(name);
      if (!s) return undefined;
      const { entry: e, data } = s;
      if (e.method === 0) {
        if (e.compressedSize !== e.uncompressedSize)
          throw new ZipEntryError(`stored entry ${name} sizes differ`);
        return data;
      }
      const out = inflate(data, e.uncompressedSize);
      if (out.length !== e.uncompressedSize) throw new ZipEntryError(`entry ${name} smaller than declared`);
      return out;
    },
  };
}
