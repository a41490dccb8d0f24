/**
 * Files kept inside the open workbook: the Sở's campaign workbook ("Sổ tổng hợp") carries its
 * campaign — register, framework, key, kept copies of received files — in one very hidden sheet,
 * so the campaign travels with the workbook the Sở saves, and the pane gives the campaign use
 * cases (src/usecases/campaign) the same folder interface the CLI gives over the disk.
 *
 * One row per file: A = path, B = byte length, C… = base64 in chunks below Excel's 32,767
 * characters per cell, all formatted as text ("@") so Excel never turns a chunk into a number.
 * A write replaces the row in ONE batch (the old content is cleared and the new one written by
 * the same sync): Excel applies a batch in order and a failed batch leaves the previous state of
 * the cells it did not reach, so the row's length cell (written last) tells a complete row.
 * Reading costs two syncs (the path column, then the row); writing two (path column, then row).
 */
import { base64ToBytes, bytesToBase64 } from './base64';
import { translated } from './errors';
import { type ExcelHost, officeHost } from './host';

/** The hidden sheet's name (ours alone: starts with "_" like `_meta`). */
export const STORE_SHEET = '_so_tong_hop';
/** The visible sheet the pane writes the status on, named so staff recognise the workbook. */
export const STORE_TITLE_SHEET = 'Sổ tổng hợp';

const CHUNK = 30_000;
/** Excel's last column is XFD (16,384): 16,382 chunks × 30,000 ≈ 368 MB of base64, never reached. */
const MAX_CHUNKS = 16_382;

export interface WorkbookFileStore {
  read(path: string): Promise<Uint8Array | null>;
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  describe(path: string): string;
  /** Whether the open workbook has the store sheet (it is a campaign workbook). */
  exists(): Promise<boolean>;
}

async function pathRow(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  path: string,
): Promise<{ row: number | null; next: number }> {
  const used = sheet.getUsedRangeOrNullObject(true).load('rowCount, rowIndex');
  await context.sync();
  if (used.isNullObject) return { row: null, next: 0 };
  const rows = used.rowIndex + used.rowCount;
  const column = sheet.getRangeByIndexes(0, 0, rows, 1).load('values');
  await context.sync();
  const i = column.values.findIndex((r) => r[0] === path);
  return { row: i >= 0 ? i : null, next: rows };
}

export function workbookFileStore(host: ExcelHost = officeHost()): WorkbookFileStore {
  return {
    describe: (path) => `${STORE_TITLE_SHEET} › ${path}`,

    exists: () =>
      translated('Đọc sổ tổng hợp', () =>
        host.run(async (context) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET).load('name');
          await context.sync();
          return !sheet.isNullObject;
        }),
      ),

    read: (path) =>
      translated('Đọc sổ tổng hợp', () =>
        host.run(async (context) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET).load('name');
          await context.sync();
          if (sheet.isNullObject) return null;
          const { row } = await pathRow(context, sheet, path);
          if (row === null) return null;
          const used = sheet.getRangeByIndexes(row, 0, 1, 2).load('values');
          await context.sync();
          const length = Number(used.values[0]?.[1]);
          if (!Number.isInteger(length) || length < 0) return null;
          const chunks = Math.ceil((Math.ceil(length / 3) * 4) / CHUNK);
          if (chunks === 0) return new Uint8Array(0);
          const body = sheet.getRangeByIndexes(row, 2, 1, chunks).load('values');
          await context.sync();
          const bytes = base64ToBytes(body.values[0]!.map(String).join(''));
          return bytes.length === length ? bytes : null;
        }),
      ),

    writeAtomic: (path, data) =>
      translated('Ghi sổ tổng hợp', () =>
        host.run(async (context) => {
          const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
          const base64 = bytesToBase64(bytes);
          const chunks: string[] = [];
          for (let i = 0; i < base64.length; i += CHUNK) chunks.push(base64.slice(i, i + CHUNK));
          if (chunks.length > MAX_CHUNKS) throw new Error(`tệp ${path} quá lớn để giữ trong sổ.`);
          const sheets = context.workbook.worksheets;
          let sheet = sheets.getItemOrNullObject(STORE_SHEET);
          sheet.load('name');
          await context.sync();
          if (sheet.isNullObject) {
            sheet = sheets.add(STORE_SHEET);
            sheet.visibility = 'VeryHidden';
          }
          const { row, next } = await pathRow(context, sheet, path);
          const r = row ?? next;
          // Text format first, then the whole row cleared and rewritten; the length cell last.
          sheet.getRange(`${r + 1}:${r + 1}`).clear('Contents');
          if (chunks.length) {
            const body = sheet.getRangeByIndexes(r, 2, 1, chunks.length);
            body.numberFormat = [chunks.map(() => '@')];
            body.values = [chunks];
          }
          const head = sheet.getRangeByIndexes(r, 0, 1, 2);
          head.numberFormat = [['@', '0']];
          head.values = [[path, bytes.length]];
          await context.sync();
        }),
      ),
  };
}
