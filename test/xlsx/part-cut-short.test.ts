/**
 * A sheet (or the shared strings) cut short inside a sound zip: the zip's CRCs match what was
 * stored, so only the XML shows the cut. The direct reader refuses such a file with a sentence
 * naming the file and the part; before, the cells it still had were read as the whole sheet and
 * the rows after the cut were reported as deleted criteria.
 */
import JSZip from 'jszip';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { SHEET_META, SHEET_SCORE } from '../../src/workbook/layout';
import { partEnd } from '../../src/xlsx/ooxml/part-end';
import { readTemplate } from '../../src/xlsx/read-template';
import { renderTemplate } from '../../src/xlsx/render';
import { FIXED_TIME, sheetPart } from '../helpers/template-fixtures';

const bytesOf = (text: string) => new TextEncoder().encode(text);

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c></row></sheetData>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '</worksheet>';

describe('partEnd: whether the XML of a part closes its root element', () => {
  it('a whole part, with or without trailing white space or a namespace prefix', () => {
    expect(partEnd(bytesOf(SHEET), 'worksheet')).toBe('whole');
    expect(partEnd(bytesOf(`${SHEET}\r\n  \t`), 'worksheet')).toBe('whole');
    expect(partEnd(bytesOf(SHEET.replace('</worksheet>', '</x:worksheet >')), 'worksheet')).toBe('whole');
    expect(partEnd(bytesOf('<sst count="0"></sst>'), 'sst')).toBe('whole');
  });

  it('an empty root element is whole (a workbook without text may have <sst count="0"/>)', () => {
    expect(partEnd(bytesOf('<?xml version="1.0"?>\n<sst count="0" uniqueCount="0"/>\n'), 'sst')).toBe(
      'whole',
    );
    expect(partEnd(bytesOf('<x:sst xmlns:x="urn:x"/>'), 'sst')).toBe('whole');
    expect(partEnd(bytesOf('<sst count="0"><si/>'), 'sst')).toBe('cutShort');
  });

  it('every shorter prefix of the part is not whole', () => {
    const all = bytesOf(SHEET);
    const declared = SHEET.indexOf('\n');
    for (let n = 0; n < all.length; n++) {
      const end = partEnd(all.subarray(0, n), 'worksheet');
      // Cut right after the XML declaration (and its line break), the part ends with "?>": left
      // to exceljs, which fails on it.
      const expected = n === declared || n === declared + 1 ? 'unsure' : 'cutShort';
      expect([n, end]).toEqual([n, expected]);
    }
  });

  it('another root, or a part that ends at </sheetData>, is cut short', () => {
    expect(partEnd(bytesOf(SHEET), 'sst')).toBe('cutShort');
    expect(partEnd(bytesOf(SHEET.replace('</worksheet>', '</worksheets>')), 'worksheet')).toBe('cutShort');
    expect(partEnd(bytesOf(SHEET.slice(0, SHEET.indexOf('<pageMargins'))), 'worksheet')).toBe('cutShort');
    expect(partEnd(new Uint8Array(0), 'worksheet')).toBe('cutShort');
  });

  it('a comment or a processing instruction after the root is left to exceljs', () => {
    expect(partEnd(bytesOf(`${SHEET}<!-- saved by a tool -->`), 'worksheet')).toBe('unsure');
    expect(partEnd(bytesOf(`${SHEET}<?tool done?>\n`), 'worksheet')).toBe('unsure');
  });
});

describe('a returned workbook with a part cut short is refused by name', () => {
  const anGiang = getBuiltinFramework('an-giang-2022')!;
  let template: Uint8Array;

  beforeAll(async () => {
    template = await renderTemplate(
      anGiang,
      { code: 'STP', name: 'Sở Tư pháp', group: 'so' },
      { generatedAt: FIXED_TIME },
    );
  }, 60_000);

  /** `template` with the part's XML kept up to `share` of its length, in a sound zip. */
  async function cut(part: (zip: JSZip) => Promise<string>, share: number): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(template);
    const path = await part(zip);
    const xml = await zip.file(path)!.async('uint8array');
    zip.file(path, xml.subarray(0, Math.floor(xml.length * share)));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  const read = (bytes: Uint8Array, engine?: 'exceljs') =>
    readTemplate(bytes, { fileName: 'STP.xlsx', resolveFramework: () => anGiang, engine });

  it('the whole file still reads', async () => {
    const r = await read(template);
    expect(r.ok).toBe(true);
  });

  for (const sheet of [SHEET_SCORE, SHEET_META]) {
    for (const share of [0.3, 0.6, 0.97, 0.9999]) {
      it(`"${sheet}" kept to ${share * 100} %`, async () => {
        const bytes = await cut((zip) => sheetPart(zip, sheet), share);
        const r = await read(bytes);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.reason).toBe('unreadable');
        expect(r.message).toBe(
          `Không đọc được "STP.xlsx": trang "${sheet}" bị cắt cụt (dữ liệu dừng giữa chừng, ` +
            'phần cuối bị mất khi lưu hoặc khi chép tệp). Hãy gửi lại tệp gốc.',
        );
        // exceljs, the reference, does not read such a file either.
        expect((await read(bytes, 'exceljs')).ok).toBe(false);
      });
    }
  }

  it('the shared strings kept to half', async () => {
    const bytes = await cut(async () => 'xl/sharedStrings.xml', 0.5);
    const r = await read(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('"STP.xlsx": bảng chuỗi dùng chung (xl/sharedStrings.xml) bị cắt cụt');
  });
});
