/**
 * Row heights of the ranking workbook's table sheets (src/xlsx/ranking/table-sheet.ts) when the
 * heights of repeated texts are measured once and the per-column store is emptied every few
 * hundred texts: each row's height is still what its own wrapped texts measure, in each column at
 * that column's width, however many texts came before.
 */
import { strFromU8, unzipSync } from 'fflate';
import { fittedRowHeight } from '../../src/common/text-layout';
import { SIZE, type TableCell } from '../../src/xlsx/ranking/sheet-format';
import { writeTable, type TableSheet } from '../../src/xlsx/ranking/table-sheet';
import { XlsxStreamWriter } from '../../src/xlsx/write/workbook-writer';
import { concat, fflateCompression } from '../../src/xlsx/write/zip-stream';

const TABLE: TableSheet = {
  name: 'Bảng',
  print: { orientation: 'portrait', columns: 3 },
  columns: [
    { header: 'Hẹp', width: 9, wrap: true },
    { header: 'Rộng', width: 30, wrap: true },
    { header: 'Không gói', width: 9 },
  ],
};

/** What the writer must give a row: the tallest wrapped text, or none up to the default. */
function expectedHeight(row: TableCell[]): number | undefined {
  let h = 0;
  TABLE.columns.forEach((c, i) => {
    const v = row[i];
    if (c.wrap && typeof v === 'string')
      h = Math.max(h, fittedRowHeight([{ text: v, widthChars: c.width, sizePt: SIZE }]));
  });
  return h > 16 ? h : undefined;
}

async function rowHeights(rows: TableCell[][]): Promise<Map<number, number | undefined>> {
  const chunks: Uint8Array[] = [];
  const wb = new XlsxStreamWriter((c) => void chunks.push(c), fflateCompression, {
    creator: 'test',
    created: '2026-12-03T00:00:00.000Z',
    defaultFont: { name: 'Times New Roman', size: 11 },
  });
  await writeTable(wb, TABLE, rows);
  await wb.finish();
  const xml = strFromU8(unzipSync(concat(chunks))['xl/worksheets/sheet1.xml']);
  const heights = new Map<number, number | undefined>();
  for (const m of xml.matchAll(/<row r="(\d+)"(?: ht="([\d.]+)")?/g))
    heights.set(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]));
  return heights;
}

describe('table sheet row heights', () => {
  it('are each row’s own, with texts repeated before and after the store of heights is emptied', async () => {
    // Repeated texts (a status, a leaf's name) between 1,200 texts seen once (a unit's name), so
    // each column's store is filled and emptied several times. The same text in both columns
    // wraps differently at their widths.
    const repeated = ['Đã nhận', 'Tiêu chí chấm điểm cải cách thủ tục hành chính', 'Sở Tài chính tỉnh'];
    const rows: TableCell[][] = [];
    for (let i = 0; i < 1200; i++) {
      const again = repeated[i % repeated.length];
      const own = `Đơn vị hành chính cấp xã số ${i}${i % 7 === 0 ? ' (khu vực biên giới)' : ''}`;
      rows.push(i % 2 ? [again, own, own] : [own, again, again]);
    }
    const heights = await rowHeights(rows);
    expect(heights.size).toBe(rows.length + 1);
    rows.forEach((row, i) => expect([i, heights.get(i + 2)]).toEqual([i, expectedHeight(row)]));
    // Not a test that cannot fail: the rows do differ in height, and the narrow column wraps.
    expect(new Set(heights.values()).size).toBeGreaterThan(2);
  });
});
