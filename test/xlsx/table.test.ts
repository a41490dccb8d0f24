import ExcelJS from 'exceljs';
import { readTableRows, TableReadError, writeTableXlsx } from '../../src/xlsx/table';

async function bytesOf(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Trang 1'), wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readTableRows', () => {
  it('reads the first sheet: numbers, NFC text, rich text, formula results, dates, merged ranges', async () => {
    const bytes = await bytesOf((ws, wb) => {
      ws.getCell('A1').value = 'Tie\u0302u chi\u0301'; // decomposed (NFD) Vietnamese
      ws.getCell('B1').value = 1.5;
      ws.getCell('C1').value = { richText: [{ text: 'Đạt ' }, { text: 'yêu cầu', font: { bold: true } }] };
      ws.getCell('A2').value = { formula: 'B1*2', result: 3 };
      ws.getCell('B2').value = new Date(Date.UTC(2024, 1, 1));
      ws.getCell('C2').value = true;
      ws.getCell('A3').value = 'Gộp';
      ws.mergeCells('A3:C4');
      wb.addWorksheet('Ghi chú').getCell('A1').value = 'không đọc';
    });
    const table = await readTableRows(bytes);
    expect(table.sheet).toBe('Trang 1');
    expect(table.rows).toEqual([
      ['Tiêu chí', 1.5, 'Đạt yêu cầu'],
      [3, '01/02/2024', 'TRUE'],
      ['Gộp', 'Gộp', 'Gộp'],
      ['Gộp', 'Gộp', 'Gộp'],
    ]);
    expect(table.rows[0][0]).toBe('Tiêu chí'.normalize('NFC'));
  });

  it('sizes the table by cells with values, not by stray formatting far away', async () => {
    const bytes = await bytesOf((ws) => {
      ws.getCell('A1').value = 'x';
      ws.getCell('B2').value = 2;
      ws.getCell('XFD1').numFmt = '0.00';
      ws.getCell('A5000').font = { bold: true };
    });
    expect((await readTableRows(bytes)).rows).toEqual([
      ['x', null],
      [null, 2],
    ]);
  });

  it('writes text starting with "=" as text, never as a formula', async () => {
    const table = await readTableRows(await writeTableXlsx([['=1+1', '+2', '@x', '-3']]));
    expect(table.rows).toEqual([['=1+1', '+2', '@x', '-3']]);
  });

  it('refuses bytes that are not an xlsx with a Vietnamese message', async () => {
    await expect(readTableRows(new TextEncoder().encode('STT;Nội dung'))).rejects.toThrow(TableReadError);
    await expect(readTableRows(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toThrow(
      /mật khẩu|\.xls/,
    );
  });
});
