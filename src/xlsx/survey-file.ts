/**
 * Reading the DATA files consolidation takes besides returned workbooks — the survey table
 * (`--survey`) and a previous ranking (`--previous`) — as rows: CSV (UTF-8, BOM, ";" or ",") or
 * the first sheet of an .xlsx (zip-guarded, merged cells expanded), within the read limits
 * (read-limits.ts: size, rows, columns, cell text). Bytes in, rows out (no fs),
 * so the task pane reads an uploaded survey file with the same code.
 */
import { parseCsv } from '../common/csv';
import { detectLegacyEncoding } from '../common/names';
import type { CellValue } from '../scoring/types';
import { csvLineCountProblem, csvRowsProblem, dataFileSizeProblem } from './read-limits';
import { readTableRows, TableReadError } from './table';

export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

export interface DataRows {
  rows: CellValue[][];
  /** The sheet read (xlsx only), for cell references in messages. */
  sheet?: string;
}

/** How to fix any encoding problem: the one Excel export that is always right. */
const RESAVE = 'Hãy mở tệp trong Excel và lưu lại bằng "CSV UTF-8 (Comma delimited) (*.csv)".';

/** UTF-16 (Excel's "Unicode Text", Notepad's "Unicode"): a BOM, or NUL bytes between ASCII letters. */
function looksUtf16(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return true;
  const sample = bytes.subarray(0, 4096);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  return sample.length >= 4 && nul * 4 >= sample.length;
}

/**
 * Windows-1258 (the Vietnamese ANSI code page of old Excel "CSV" exports) writes tones as
 * combining-mark bytes after a vowel; decoded as Windows-1258 those become U+0300/0301/0303/0309/
 * 0323 after a letter, which TCVN3 or Latin-1 text never yields.
 */
function looksWindows1258(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('windows-1258').decode(bytes.subarray(0, 65536));
  } catch {
    return false;
  }
  return /[a-zA-ZăâêôơưĂÂÊÔƠƯ][\u0300\u0301\u0303\u0309\u0323]/u.test(text);
}

/**
 * Decodes CSV bytes: UTF-8 when valid; UTF-16 and Windows-1258 are refused with a sentence naming
 * the encoding (read as anything else they would match no unit: silent zeros); other 8-bit text
 * is read as Windows-1252, where TCVN3 names are then recognised and decoded.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (looksUtf16(bytes))
    throw new DataFileError(`tệp ở bảng mã UTF-16 ("Unicode Text"), không phải UTF-8. ${RESAVE}`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const latin = new TextDecoder('windows-1252').decode(bytes);
    if (!detectLegacyEncoding(latin) && looksWindows1258(bytes))
      throw new DataFileError(
        `tệp ở bảng mã Windows-1258 (CSV kiểu cũ của Excel tiếng Việt), không phải UTF-8: chữ có dấu sẽ bị đọc sai. ${RESAVE}`,
      );
    return latin;
  }
}

/**
 * Separators we read are ";", "," and tab. A first line where "|" outnumbers all of them was
 * exported with "|": said, rather than reporting that no header row was found.
 */
function separatorProblem(text: string): string | null {
  const first = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const count = (ch: string) => first.split(ch).length - 1;
  const bars = count('|');
  if (!bars || bars <= Math.max(count(';'), count(','), count('\t'))) return null;
  return 'các cột được phân cách bằng dấu "|"; chỉ đọc được dấu chấm phẩy (;), dấu phẩy (,) hoặc tab. Hãy lưu lại tệp bằng "CSV UTF-8 (Comma delimited) (*.csv)".';
}

export async function readDataRows(fileName: string, bytes: Uint8Array): Promise<DataRows> {
  const lower = fileName.toLowerCase();
  const tooLarge = dataFileSizeProblem(bytes.length);
  if (tooLarge) throw new DataFileError(`"${fileName}": ${tooLarge}`);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    let text: string;
    try {
      text = decodeCsvBytes(bytes);
    } catch (e) {
      throw new DataFileError(`"${fileName}": ${(e as Error).message}`);
    }
    const lines = csvLineCountProblem(text);
    if (lines) throw new DataFileError(`"${fileName}": ${lines}`);
    const separator = separatorProblem(text);
    if (separator) throw new DataFileError(`"${fileName}": ${separator}`);
    const rows = parseCsv(text);
    const beyond = csvRowsProblem(rows);
    if (beyond) throw new DataFileError(`"${fileName}": ${beyond}`);
    return { rows };
  }
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
    try {
      const t = await readTableRows(bytes);
      return { rows: t.rows, sheet: t.sheet };
    } catch (e) {
      if (e instanceof TableReadError) throw new DataFileError(`"${fileName}": ${e.message}`);
      throw new DataFileError(`"${fileName}": không đọc được tệp Excel (${(e as Error)?.message ?? e}).`);
    }
  }
  throw new DataFileError(`"${fileName}": chỉ nhận tệp .csv hoặc .xlsx.`);
}
