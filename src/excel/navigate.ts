/**
 * Go-to-cell and error highlighting. The addresses come from problems ("Chấm điểm!E12"). Each
 * operation is a constant number of syncs: go-to is one; highlighting is two (read the protection
 * state and the cells' current fill, then unprotect if needed, fill, re-protect), so clearing can
 * put back exactly the fill each cell had.
 */
import { SHEET_SCORE } from '../workbook/layout';
import { ExcelAdapterError, translated } from './errors';
import { splitAddress } from './grid';
import { type ExcelHost, officeHost } from './host';
import { loadProtection, whileUnprotected } from './protection';

/** Excel's own "Bad" fill, which users recognise. */
export const ERROR_FILL = '#FFC7CE';

const LOCAL = /^[A-Za-z]{1,3}\d{1,7}(:[A-Za-z]{1,3}\d{1,7})?$/;

function parse(address: string): { sheet: string; local: string } {
  const { sheet, local } = splitAddress(address.trim());
  if (!LOCAL.test(local)) throw new ExcelAdapterError('badAddress', `Địa chỉ ô "${address}" không hợp lệ.`);
  return { sheet: sheet ?? SHEET_SCORE, local: local.toUpperCase() };
}

/** Selects the cell and brings its sheet to the front: one sync. */
export async function goToCell(address: string, host: ExcelHost = officeHost()): Promise<void> {
  const { sheet, local } = parse(address);
  try {
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(local).select();
      await context.sync();
    });
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined;
    if (code === 'ItemNotFound')
      throw new ExcelAdapterError('sheetMissing', `Không tìm thấy trang "${sheet}" để đến ô ${local}.`, e);
    if (code === 'InvalidOperation')
      throw new ExcelAdapterError(
        'sheetMissing',
        `Trang "${sheet}" đang bị ẩn nên không đến được ô ${local}.`,
        e,
      );
    await translated(`Đến ô ${address}`, () => Promise.reject(e));
  }
}

/** Fills recorded before highlighting, by "sheet!A1", so clearing restores them. */
const original = new Map<string, string | null>();

function groupBySheet(addresses: readonly string[]): Map<string, string[]> {
  const bySheet = new Map<string, string[]>();
  for (const a of addresses) {
    const { sheet, local } = parse(a);
    if (!bySheet.has(sheet)) bySheet.set(sheet, []);
    const list = bySheet.get(sheet)!;
    if (!list.includes(local)) list.push(local);
  }
  return bySheet;
}

/** Fills the given cells (problems' cells) with ERROR_FILL: two syncs, whatever their number. */
export async function highlightCells(
  addresses: readonly string[],
  host: ExcelHost = officeHost(),
  color = ERROR_FILL,
): Promise<number> {
  const bySheet = groupBySheet(addresses);
  if (bySheet.size === 0) return 0;
  return translated('Tô màu ô có lỗi', () =>
    host.run(async (context) => {
      const work = [...bySheet].map(([name, locals]) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        return {
          name,
          ws,
          protection: loadProtection(ws),
          fills: locals.map((local) => ({ local, fill: ws.getRange(local).format.fill.load('color') })),
        };
      });
      await context.sync();
      let count = 0;
      for (const w of work) {
        if (w.ws.isNullObject) continue;
        for (const { local, fill } of w.fills) {
          const key = `${w.name}!${local}`;
          // A cell already highlighted keeps the fill it had before the first highlight.
          if (!original.has(key)) original.set(key, fill.color === '#FFFFFF' ? null : fill.color);
        }
        whileUnprotected(w.ws, { protected: w.protection.protected, options: w.protection.options }, () => {
          for (const { local } of w.fills) w.ws.getRange(local).format.fill.color = color;
        });
        count += w.fills.length;
      }
      await context.sync();
      return count;
    }),
  );
}

/** Puts back the fill every highlighted cell had: two syncs. */
export async function clearHighlights(host: ExcelHost = officeHost()): Promise<number> {
  if (original.size === 0) return 0;
  const entries = [...original];
  const bySheet = new Map<string, [string, string | null][]>();
  for (const [key, fill] of entries) {
    const { sheet, local } = parse(key);
    if (!bySheet.has(sheet)) bySheet.set(sheet, []);
    bySheet.get(sheet)!.push([local, fill]);
  }
  const restored = await translated('Bỏ tô màu ô có lỗi', () =>
    host.run(async (context) => {
      const work = [...bySheet].map(([name, cells]) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        return { ws, cells, protection: loadProtection(ws) };
      });
      await context.sync();
      let count = 0;
      for (const w of work) {
        if (w.ws.isNullObject) continue;
        whileUnprotected(w.ws, { protected: w.protection.protected, options: w.protection.options }, () => {
          for (const [local, fill] of w.cells) {
            const target = w.ws.getRange(local).format.fill;
            if (fill === null) target.clear();
            else target.color = fill;
          }
        });
        count += w.cells.length;
      }
      await context.sync();
      return count;
    }),
  );
  original.clear();
  return restored;
}
