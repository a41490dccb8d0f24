/**
 * First line of defence for a returned workbook, BEFORE any xlsx library touches it.
 *
 * An .xlsx is a zip. A hostile or broken one can be: not a zip at all, truncated, a password-
 * protected workbook (Excel then writes an OLE compound file, magic D0 CF 11 E0, not a zip), a
 * "zip bomb" whose entries inflate to gigabytes, or simply huge. exceljs (through JSZip) would
 * inflate every entry into memory before noticing anything, so this module reads the zip's
 * central directory itself — no inflation — and refuses absurd sizes, counts and ratios. Then, as
 * the declared sizes can lie, it inflates each entry through a streaming decompressor that stops
 * as soon as the output exceeds what was declared (never holding more than one chunk).
 *
 * Node and browser: bytes in, verdict out; no fs. Messages are Vietnamese, without the file name
 * (the caller prefixes it).
 */

export interface ZipLimits {
  /** A returned template is tens of kilobytes; 20 MB is generous and refuses the "50 MB file". */
  maxFileBytes: number;
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Largest uncompressed / compressed ratio for an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipRefusal = 'tooLarge' | 'empty' | 'encrypted' | 'notZip' | 'corrupt' | 'bomb' | 'notXlsx';

export type ZipVerdict =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; reason: ZipRefusal; message: string };

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function refuse(reason: ZipRefusal, message: string): ZipVerdict {
  return { ok: false, reason, message };
}

/** The size check alone: callers that know a file's size refuse it without reading its bytes. */
export function checkFileSize(size: number, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipVerdict | null {
  if (size > limits.maxFileBytes) {
    return refuse(
      'tooLarge',
      `Tệp quá lớn (${mb(size)}; giới hạn ${mb(limits.maxFileBytes)}). Một mẫu chấm điểm chỉ vài chục KB: đây không phải mẫu đã phát hành.`,
    );
  }
  if (size === 0) return refuse('empty', 'Tệp rỗng (0 byte).');
  return null;
}

/** Reads the central directory without inflating anything. */
export function readCentralDirectory(bytes: Uint8Array): { entries: ZipEntryInfo[] } | { error: ZipVerdict } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (o: number) => view.getUint32(o, true);
  const u16 = (o: number) => view.getUint16(o, true);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(o) === SIG_END) {
      end = o;
      break;
    }
  }
  if (end < 0) {
    return {
      error: refuse(
        'corrupt',
        'Tệp zip bị hỏng hoặc bị cắt cụt (không tìm thấy mục lục cuối tệp). Hãy gửi lại tệp gốc.',
      ),
    };
  }
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return {
      error: refuse(
        'bomb',
        'Tệp dùng định dạng ZIP64 (dành cho dữ liệu khổng lồ): không phải mẫu chấm điểm.',
      ),
    };
  }
  if (cdOffset + cdSize > end) {
    return { error: refuse('corrupt', 'Tệp zip bị hỏng hoặc bị cắt cụt (mục lục trỏ ra ngoài tệp).') };
  }
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(p) !== SIG_CENTRAL) {
      return { error: refuse('corrupt', 'Tệp zip bị hỏng (mục lục không đọc được).') };
    }
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    entries.push({
      flags: u16(p + 8),
      method: u16(p + 10),
      compressedSize: u32(p + 20),
      uncompressedSize: u32(p + 24),
      localHeaderOffset: u32(p + 42),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}

/** Where an entry's compressed data starts, from its local header; null when it is not there. */
export function dataStart(bytes: Uint8Array, entry: ZipEntryInfo): number | null {
  const o = entry.localHeaderOffset;
  if (o + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(o, true) !== SIG_LOCAL) return null;
  const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
  return start + entry.compressedSize <= bytes.length ? start : null;
}

/**
 * Inflates a deflated entry through a streaming decompressor, counting output bytes and stopping
 * once `limit` is passed. Returns the inflated size, or null when it exceeded `limit`, or
 * 'corrupt' when the data does not inflate.
 */
export type InflatedSize = (
  data: Uint8Array,
  limit: number,
) => Promise<number | null | 'corrupt'> | number | null | 'corrupt';

export async function inflatedSizeWithStreams(
  data: Uint8Array,
  limit: number,
): Promise<number | null | 'corrupt'> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        return null;
      }
    }
  } catch {
    return 'corrupt';
  }
}

/**
 * Decides whether `bytes` may be handed to the xlsx reader. `verifyInflation` (default true where
 * DecompressionStream exists) inflates each entry with a cap to catch zips whose declared sizes lie.
 */
export async function guardZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  options: {
    verifyInflation?: boolean;
    /** How to inflate with a cap; default Web Streams' DecompressionStream (Node's zlib is faster). */
    inflatedSize?: InflatedSize;
  } = {},
): Promise<ZipVerdict> {
  const sized = checkFileSize(bytes.length, limits);
  if (sized) return sized;
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    return refuse(
      'encrypted',
      'Tệp được đặt mật khẩu (mã hóa) hoặc là tệp Excel 97-2003 (.xls). Hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) và lưu lại dạng .xlsx.',
    );
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return refuse(
      'notZip',
      'Tệp không phải là tệp Excel .xlsx (không có cấu trúc zip). Có thể đã đổi tên từ loại tệp khác.',
    );
  }
  const cd = readCentralDirectory(bytes);
  if ('error' in cd) return cd.error;
  const { entries } = cd;
  if (entries.length > limits.maxEntries) {
    return refuse(
      'bomb',
      `Tệp chứa ${entries.length} mục nén (giới hạn ${limits.maxEntries}): không phải mẫu chấm điểm.`,
    );
  }
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 0x1) {
      return refuse('encrypted', `Tệp zip có mục được mã hóa ("${e.name}"). Hãy gửi tệp không đặt mật khẩu.`);
    }
    if (e.method !== 0 && e.method !== 8) {
      return refuse('corrupt', `Mục "${e.name}" dùng kiểu nén không hỗ trợ (${e.method}).`);
    }
    declared += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      return refuse(
        'bomb',
        `Mục "${e.name}" nén với tỷ lệ bất thường (${Math.round(ratio)}:1, ${mb(e.uncompressedSize)} khi giải nén): nghi "bom zip", không mở.`,
      );
    }
  }
  if (declared > limits.maxUncompressedBytes) {
    return refuse(
      'bomb',
      `Tệp giải nén ra ${mb(declared)} (giới hạn ${mb(limits.maxUncompressedBytes)}): nghi "bom zip", không mở.`,
    );
  }
  const names = new Set<string>();
  for (const e of entries) {
    // Two entries of one name: readers disagree on which one counts (jszip keeps the last, others
    // the first), so what we check would not be what Excel shows.
    if (names.has(e.name))
      return refuse(
        'corrupt',
        `Tệp zip có hai mục cùng tên "${e.name}": tệp đã bị sửa bằng công cụ khác hoặc bị hỏng.`,
      );
    names.add(e.name);
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    return refuse('notXlsx', 'Tệp là zip nhưng không phải sổ làm việc Excel .xlsx (thiếu xl/workbook.xml).');
  }
  for (const e of entries) {
    if (dataStart(bytes, e) === null) {
      return refuse('corrupt', `Tệp zip bị hỏng hoặc bị cắt cụt (mục "${e.name}" không trọn vẹn).`);
    }
  }
  const inflate = options.inflatedSize ?? inflatedSizeWithStreams;
  const verify =
    options.verifyInflation ??
    (options.inflatedSize !== undefined || typeof DecompressionStream !== 'undefined');
  if (verify) {
    for (const e of entries) {
      if (e.method !== 8) continue;
      const start = dataStart(bytes, e) as number;
      const size = await inflate(bytes.subarray(start, start + e.compressedSize), e.uncompressedSize);
      if (size === 'corrupt')
        return refuse('corrupt', `Tệp zip bị hỏng: mục "${e.name}" không giải nén được.`);
      if (size !== null && size !== e.uncompressedSize) {
        return refuse('corrupt', `Tệp zip bị hỏng: mục "${e.name}" giải nén ra kích thước khác khai báo.`);
      }
      if (size === null) {
        return refuse(
          'bomb',
          `Mục "${e.name}" giải nén ra nhiều hơn kích thước khai báo (${e.uncompressedSize} byte): nghi "bom zip", không mở.`,
        );
      }
    }
  }
  return { ok: true, entries: entries.length, uncompressedBytes: declared };
}
