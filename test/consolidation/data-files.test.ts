import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/common/csv';
import { previousFromRows } from '../../src/consolidation/previous';
import { importSurveyRows, type SurveyUnit } from '../../src/consolidation/survey';
import { decodeCsvBytes, readDataRows, DataFileError } from '../../src/xlsx/survey-file';
import { smallFramework } from '../helpers/small-framework';

const units: SurveyUnit[] = [
  { code: 'S01', name: 'Sở Giao thông Vận tải', group: 'so' },
  { code: 'H01', name: 'Châu Phú', group: 'huyen' },
];

describe('previousFromRows', () => {
  it('reads a CSV with unit, index and rank, decimal commas included', () => {
    const rows = parseCsv(
      'STT;Đơn vị;Chỉ số CCHC\n1;Sở Giao thông Vận tải;94,89\n2;Sở Kế hoạch và Đầu tư;93,95\n',
    );
    expect(previousFromRows(rows)).toEqual({
      results: [
        { unit: 'Sở Giao thông Vận tải', code: undefined, rank: 1, index: 94.89 },
        { unit: 'Sở Kế hoạch và Đầu tư', code: undefined, rank: 2, index: 93.95 },
      ],
    });
  });

  it("reads our own Xếp hạng sheet: several blocks, titles and notes skipped, '(*)' and '—' understood", () => {
    const rows = [
      ['KẾT QUẢ XẾP HẠNG', 'KẾT QUẢ XẾP HẠNG', 'KẾT QUẢ XẾP HẠNG', 'KẾT QUẢ XẾP HẠNG'],
      ['SỞ, BAN, NGÀNH', 'SỞ, BAN, NGÀNH', 'SỞ, BAN, NGÀNH', 'SỞ, BAN, NGÀNH'],
      ['Hạng', 'Mã', 'Đơn vị', 'Chỉ số (%)'],
      [1, 'S01', 'Sở Giao thông Vận tải', 90.52],
      ['—', 'S99', 'Thanh tra tỉnh (*)', 89.11],
      ['(*) Đơn vị được đánh giá nhưng không xếp hạng.', null, null, null],
      ['UBND CẤP HUYỆN', 'UBND CẤP HUYỆN', 'UBND CẤP HUYỆN', 'UBND CẤP HUYỆN'],
      ['Hạng', 'Mã', 'Đơn vị', 'Chỉ số (%)'],
      [1, 'H01', 'Châu Phú', 85.1],
    ];
    expect(previousFromRows(rows).results).toEqual([
      { unit: 'Sở Giao thông Vận tải', code: 'S01', rank: 1, index: 90.52 },
      { unit: 'Thanh tra tỉnh', code: 'S99', rank: null, index: 89.11 },
      { unit: 'Châu Phú', code: 'H01', rank: 1, index: 85.1 },
    ]);
  });

  it('says what is missing when no table is found', () => {
    expect(previousFromRows([['a', 'b']]).problem).toMatch(/Đơn vị/);
  });
});

describe('survey data files', () => {
  it('reads an XLSX survey whose rates are "%"-formatted cells (fractions)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kết quả SIPAS');
    ws.addRow(['Kết quả khảo sát SIPAS năm 2024']);
    ws.addRow(['Mã', 'Đơn vị', 'Chỉ số hài lòng SIPAS']);
    ws.addRow(['S01', 'Sở GTVT', 0.9117]);
    ws.addRow([null, 'UBND huyện Châu Phú', 0.7525]);
    ws.getColumn(3).numFmt = '0.00%';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const data = await readDataRows('sipas.xlsx', bytes);
    expect(data.sheet).toBe('Kết quả SIPAS');
    const r = importSurveyRows(data.rows, smallFramework, units, {
      fileName: 'sipas.xlsx',
      sheetName: data.sheet,
    });
    expect(r.points).toEqual({ S01: { '3.1': 21.88, '3.2': 14.59 }, H01: { '3.1': 18.06, '3.2': 12.04 } });
    expect(r.issues.map((i) => i.cell)).toEqual(['Kết quả SIPAS!C2']);
  });

  it('refuses a survey that is neither CSV nor XLSX, or an XLSX that is not one', async () => {
    await expect(readDataRows('sipas.pdf', new Uint8Array([1]))).rejects.toThrow(DataFileError);
    await expect(readDataRows('sipas.xlsx', new TextEncoder().encode('x'))).rejects.toThrow(/sipas\.xlsx/);
  });

  it('decodes CSV bytes as UTF-8, or as Windows-1252 when they are not UTF-8', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('Sở Tư pháp'))).toBe('Sở Tư pháp');
    // "Së T­ ph¸p" (TCVN3) saved by an old program: bytes that are not valid UTF-8.
    const legacy = new Uint8Array([0x53, 0xeb, 0x20, 0x54, 0xad, 0x20, 0x70, 0x68, 0xb8, 0x70]);
    const text = decodeCsvBytes(legacy);
    expect(text).toBe('Së T\u00ad ph¸p');
    const r = importSurveyRows(
      [
        ['Đơn vị', 'SIPAS'],
        [text, 80],
      ],
      smallFramework,
      [{ code: 'S02', name: 'Sở Tư pháp', group: 'so' }],
    );
    expect(r.points.S02).toEqual({ '3.1': 19.2, '3.2': 12.8 });
    expect(r.issues.some((i) => /TCVN3/.test(i.message))).toBe(true);
  });
});
