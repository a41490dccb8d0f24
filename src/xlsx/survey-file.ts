/**
 * Reading the DATA files consolidation takes besides returned workbooks — the survey table
 * (`--survey`) and a previous ranking (`--previous`) — as rows: CSV (UTF-8, BOM, ";" or ",") or
 * the first sheet of an .xlsx (zip-guarded, merged cells expanded), within the read limits
 * (read-limits.ts: size, rows, columns, cell text). Bytes in, rows out (no fs),
 * so the task pane reads an uploaded survey file with the same code.
 */
import { parseCsv } from '../common/csv';
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

/** Decodes CSV bytes: UTF-8 when valid, else Windows-1252 (old exports; names then get TCVN3 detection). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function readDataRows(fileName: string, bytes: Uint8Array): Promise<DataRows> {
  const lower = fileName.toLowerCase();
  const tooLarge = dataFileSizeProblem(bytes.length);
  if (tooLarge) throw new DataFileError(`"${fileName}": ${tooLarge}`);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const text = decodeCsvBytes(bytes);
    const lines = csvLineCountProblem(text);
    if (lines) throw new DataFileError(`"${fileName}": ${lines}`);
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
