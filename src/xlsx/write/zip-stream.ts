/**
 * A zip written front to back, entry by entry, for an .xlsx whose parts are made while they are
 * written: each entry's local header carries no sizes, its data goes out compressed chunk by
 * chunk, and a data descriptor after it gives the CRC and sizes (general purpose bit 3, as
 * ECMA-376 Part 2 and APPNOTE allow; Excel, LibreOffice, exceljs/jszip and our zip guard read the
 * central directory). Only the central directory (a few dozen bytes per entry) stays in memory.
 * No ZIP64: a part or the file past 4 GB is refused.
 */
import { Deflate } from 'fflate';
import { crc32 } from './crc32';

/** One entry's raw DEFLATE stream, given its data in chunks. */
export interface EntryDeflater {
  /** Compressed bytes of `data` so far (may be empty: a compressor may hold data back). */
  push(data: Uint8Array): Uint8Array;
  /** The rest of the stream, ending with the final block. */
  finish(): Uint8Array;
}

/** How entries are compressed: fflate by default (also in the browser), Node's zlib in the CLI. */
export interface ZipCompression {
  deflater(): EntryDeflater;
  crc32(data: Uint8Array, previous: number): number;
}

/** Where the zip's bytes go; a promise back means "wait before writing more" (backpressure). */
export type ByteSink = (chunk: Uint8Array) => void | Promise<void>;

/** Little-endian fields, in order: [bytes (2 or 4), value]. */
function fields(list: Array<[2 | 4, number]>): Uint8Array {
  const view = new DataView(new ArrayBuffer(list.reduce((n, [w]) => n + w, 0)));
  let at = 0;
  for (const [w, v] of list) {
    if (w === 2) view.setUint16(at, v, true);
    else view.setUint32(at, v, true);
    at += w;
  }
  return new Uint8Array(view.buffer);
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const fflateCompression: ZipCompression = {
  deflater: () => {
    let chunks: Uint8Array[] = [];
    const d = new Deflate({ level: 6 }, (chunk) => chunks.push(chunk));
    const take = (): Uint8Array => {
      const out = concat(chunks.length ? chunks : [new Uint8Array(0)]);
      chunks = [];
      return out;
    };
    return {
      push: (data) => (d.push(data, false), take()),
      finish: () => (d.push(new Uint8Array(0), true), take()),
    };
  },
  crc32,
};

const LIMIT = 0xffffffff;
/** Bit 3: sizes and CRC in a data descriptor; bit 11: names are UTF-8. */
const FLAGS = 0x0808;

interface CentralRecord {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** DOS date and time of an ISO instant (UTC), as zip headers keep them. */
function dosDateTime(iso: string): { date: number; time: number } {
  const d = new Date(iso);
  const valid = !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1980;
  const t = valid ? d : new Date(Date.UTC(1980, 0, 1));
  return {
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
  };
}

export class ZipStream {
  private readonly encoder = new TextEncoder();
  private readonly central: CentralRecord[] = [];
  private readonly stamp: { date: number; time: number };
  private offset = 0;
  private open: ZipEntry | null = null;

  constructor(
    private readonly sink: ByteSink,
    private readonly compression: ZipCompression,
    /** The time every entry is stamped with (the workbook's created time: the same bytes every run). */
    modified: string,
  ) {
    this.stamp = dosDateTime(modified);
  }

  /** Writes raw bytes to the sink, counting the offset. */
  emit(bytes: Uint8Array): void | Promise<void> {
    if (bytes.length === 0) return;
    this.offset += bytes.length;
    if (this.offset > LIMIT) throw new Error('Tệp xlsx vượt quá 4 GB: không ghi được.');
    return this.sink(bytes);
  }

  /** Starts an entry; the previous one must have been ended. */
  entry(name: string): ZipEntry {
    if (this.open) throw new Error(`Phần ${this.open.name} của tệp xlsx chưa ghi xong.`);
    const encoded = this.encoder.encode(name);
    const { time, date } = this.stamp;
    // Local header: version 2.0, deflate; CRC and sizes 0 here, given in the data descriptor.
    const header = fields([
      [4, 0x04034b50],
      [2, 20],
      [2, FLAGS],
      [2, 8],
      [2, time],
      [2, date],
      [4, 0],
      [4, 0],
      [4, 0],
      [2, encoded.length],
      [2, 0],
    ]);
    const record: CentralRecord = { name: encoded, crc: 0, compressed: 0, size: 0, offset: this.offset };
    void this.emit(header);
    void this.emit(encoded);
    this.open = new ZipEntry(this, name, record, this.compression, () => {
      this.central.push(record);
      this.open = null;
    });
    return this.open;
  }

  /** A whole entry at once (a small part). */
  async file(name: string, text: string): Promise<void> {
    const e = this.entry(name);
    await e.write(text);
    await e.end();
  }

  /** The central directory and its end record. */
  async finish(): Promise<void> {
    if (this.open) throw new Error(`Phần ${this.open.name} của tệp xlsx chưa ghi xong.`);
    const start = this.offset;
    for (const r of this.central) {
      const { time, date } = this.stamp;
      // Made by / needed 2.0; no extra field, comment, disk or attributes.
      const h = fields([
        [4, 0x02014b50],
        [2, 20],
        [2, 20],
        [2, FLAGS],
        [2, 8],
        [2, time],
        [2, date],
        [4, r.crc],
        [4, r.compressed],
        [4, r.size],
        [2, r.name.length],
        [2, 0],
        [2, 0],
        [2, 0],
        [2, 0],
        [4, 0],
        [4, r.offset],
      ]);
      await this.emit(h);
      await this.emit(r.name);
    }
    const n = this.central.length;
    await this.emit(
      fields([
        [4, 0x06054b50],
        [2, 0],
        [2, 0],
        [2, n],
        [2, n],
        [4, this.offset - start],
        [4, start],
        [2, 0],
      ]),
    );
  }
}

/** One entry being written: text in, compressed bytes out to the zip's sink. */
export class ZipEntry {
  private readonly deflater: EntryDeflater;
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly zip: ZipStream,
    readonly name: string,
    private readonly record: CentralRecord,
    private readonly compression: ZipCompression,
    private readonly onEnd: () => void,
  ) {
    this.deflater = compression.deflater();
  }

  private out(bytes: Uint8Array): void | Promise<void> {
    this.record.compressed += bytes.length;
    return this.zip.emit(bytes);
  }

  write(text: string): void | Promise<void> {
    return this.writeBytes(this.encoder.encode(text));
  }

  /** Text already encoded as UTF-8 (the entry keeps no reference to `data`'s bytes after this). */
  writeBytes(data: Uint8Array): void | Promise<void> {
    this.record.size += data.length;
    if (this.record.size > LIMIT) throw new Error(`Phần ${this.name} vượt quá 4 GB: không ghi được.`);
    this.record.crc = this.compression.crc32(data, this.record.crc);
    return this.out(this.deflater.push(data));
  }

  async end(): Promise<void> {
    await this.out(this.deflater.finish());
    const { crc, compressed, size } = this.record;
    this.onEnd();
    await this.zip.emit(
      fields([
        [4, 0x08074b50],
        [4, crc],
        [4, compressed],
        [4, size],
      ]),
    );
  }
}
