/**
 * Bounded reading (issue 13): every .xlsx reader refuses, with a per-file Vietnamese message naming
 * the sheet and cell, a file that claims a huge area (a value at XFD1048576, a merge over the
 * whole sheet, rows numbered 0 and 9,999,999) — the direct reader, the exceljs fallback (which
 * must never be handed such a file), the survey/previous reader and the appendix-table reader —
 * while an empty styled cell at XFD1048576 costs nothing. Plus the caps on data files, duplicate
 * zip entry names, and no spread over a sheet's rows. Memory is asserted in a child process with
 * a small heap in test/cli/bounded-memory.test.ts.
 */
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { scoresheetFromGrid, type CellGrid } from '../../src/workbook/read-grid';
import { SHEET_META, SHEET_SCORE } from '../../src/workbook/layout';
import { parseSheetGrid, parseSharedStrings } from '../../src/xlsx/ooxml-grid';
import { checkSheetBounds } from '../../src/xlsx/ooxml/bounds';
import { DATA_FILE_MAX_BYTES, DEFAULT_READ_LIMITS, ReadLimitExceeded } from '../../src/xlsx/read-limits';
import { readTemplate } from '../../src/xlsx/read-template';
import { renderTemplate } from '../../src/xlsx/render';
import { DataFileError, readDataRows } from '../../src/xlsx/survey-file';
import { TableReadError, readTableRows, writeTableXlsx } from '../../src/xlsx/table';
import { guardZip, readCentralDirectory } from '../../src/xlsx/zip-guard';
import { inflateWithZlib } from '../../src/cli/native-inflate';
import { ZipEntryError, inflateWithFflate } from '../../src/xlsx/ooxml/zip-entries';
import { returnedWorkbookReader } from '../../src/xlsx/returned-workbook';
import { BOMB_CELL, BOMB_KINDS, withBomb } from '../helpers/bombs';
import { FIXED_TIME } from '../helpers/template-fixtures';

const anGiang = getBuiltinFramework('an-giang-2022')!;
let template: Uint8Array;
let table: Uint8Array;

beforeAll(async () => {
  template = await renderTemplate(
    anGiang,
    { code: 'STP', name: 'Sở Tư pháp', group: 'so' },
    { generatedAt: FIXED_TIME },
  );
  table = await writeTableXlsx(
    [
      ['Đơn vị', 'Mã', 'SIPAS'],
      ['Sở Tư pháp', 'STP', 81.5],
      ['Sở Tài chính', 'STC', 77],
    ],
    { sheet: 'Điều tra' },
  );
}, 60_000);

const ctx = { sharedStrings: () => [], dateStyles: () => [], date1904: false };

describe('returned workbooks: each bomb in each sheet is refused by both engines, naming file, sheet and cell', () => {
  for (const sheet of [SHEET_SCORE, SHEET_META]) {
    for (const kind of BOMB_KINDS) {
      for (const engine of ['fast', 'exceljs'] as const) {
        it(`${kind} bomb in "${sheet}" (${engine})`, async () => {
          const bytes = await withBomb(template, kind, sheet);
          const r = await readTemplate(bytes, {
            fileName: 'don-vi.xlsx',
            resolveFramework: () => anGiang,
            engine,
          });
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.reason).toBe('beyondLimits');
          expect(r.message).toContain('"don-vi.xlsx"');
          expect(r.message).toContain(`Trang "${sheet}"`);
          expect(r.message).toContain(BOMB_CELL[kind]);
        });
      }
    }
  }

  it('the fallback path too: a file the direct reader gives up on (a hyperlink) is pre-scanned before exceljs', async () => {
    const bombed = await withBomb(template, 'merge', SHEET_SCORE);
    const zip = await JSZip.loadAsync(bombed);
    const metaPart = Object.keys(zip.files).find((n) => /sheet\d+\.xml$/.test(n))!;
    const xml = await zip.file(metaPart)!.async('string');
    zip.file(
      metaPart,
      xml.replace('</sheetData>', '</sheetData><hyperlinks><hyperlink ref="Z1" location="A1"/></hyperlinks>'),
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const r = await readTemplate(bytes, { fileName: 'x.xlsx', resolveFramework: () => anGiang });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('N1:XFD1048576');
  });

  it('an empty styled cell at XFD1048576 costs nothing: the file reads, the grid is the used area', async () => {
    const zip = await JSZip.loadAsync(template);
    const parts = Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n));
    for (const part of parts) {
      const xml = await zip.file(part)!.async('string');
      zip.file(
        part,
        xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>'),
      );
    }
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const fast = await readTemplate(bytes, { fileName: 'x.xlsx', resolveFramework: () => anGiang });
    const reference = await readTemplate(bytes, {
      fileName: 'x.xlsx',
      resolveFramework: () => anGiang,
      engine: 'exceljs',
    });
    expect(fast.ok).toBe(true);
    expect(fast).toEqual(reference);
    const grid = parseSheetGrid(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData></worksheet>',
      ctx,
    );
    expect(grid.values).toEqual([[1]]);
  });
});

describe('the sheet reader and the pre-scan: each limit', () => {
  const sheet = (rows: string, extra = '') => `<worksheet><sheetData>${rows}</sheetData>${extra}</worksheet>`;
  const refusedBoth = (xml: string, text: string, limits = DEFAULT_READ_LIMITS) => {
    expect(() => parseSheetGrid(xml, { ...ctx, limits }, 'Trang')).toThrow(ReadLimitExceeded);
    expect(() => parseSheetGrid(xml, { ...ctx, limits }, 'Trang')).toThrow(text);
    expect(() => checkSheetBounds(xml, 'Trang', limits)).toThrow(text);
  };

  it('rows and columns of values, row numbers, cell addresses', () => {
    refusedBoth(sheet('<row r="20001"><c r="A20001"><v>1</v></c></row>'), 'A20001');
    refusedBoth(sheet('<row r="1"><c r="GS1"><v>1</v></c></row>'), 'GS1'); // column 201
    refusedBoth(sheet('<row r="9999999"/>'), '"9999999"');
    refusedBoth(sheet('<row r="-1"/>'), '"-1"');
    refusedBoth(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'), 'XFE1');
    // Within the limits: read.
    expect(
      parseSheetGrid(sheet('<row r="20000"><c r="GR20000"><v>1</v></c></row>'), ctx).values,
    ).toHaveLength(20000);
  });

  it('merged area, cells per sheet, cell text', () => {
    const small = { ...DEFAULT_READ_LIMITS, maxMergedCells: 10, maxCells: 3, maxCellTextChars: 5 };
    refusedBoth(
      sheet('', '<mergeCells><mergeCell ref="A1:B5"/><mergeCell ref="D1:D2"/></mergeCells>'),
      'D1:D2',
      small,
    );
    refusedBoth(
      sheet('<row r="1"><c r="A1" s="1"/><c r="B1" s="1"/><c r="C1" s="1"/><c r="D1" s="1"/></row>'),
      '3',
      small,
    );
    expect(() =>
      parseSheetGrid(
        sheet('<row r="1"><c r="B1" t="inlineStr"><is><t>123456</t></is></c></row>'),
        { ...ctx, limits: small },
        'Trang',
      ),
    ).toThrow('Trang "Trang", ô B1');
  });

  it('shared strings: count and length', () => {
    const small = { ...DEFAULT_READ_LIMITS, maxSharedStrings: 2, maxCellTextChars: 5 };
    expect(() =>
      parseSharedStrings('<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>', small),
    ).toThrow(ReadLimitExceeded);
    expect(() => parseSharedStrings('<sst><si><t>123456</t></si></sst>', small)).toThrow('thứ 1');
    expect(parseSharedStrings('<sst><si><t>a</t></si><si><t>b</t></si></sst>', small)).toEqual(['a', 'b']);
  });
});

describe('data files: survey, previous ranking, appendix table', () => {
  for (const kind of BOMB_KINDS) {
    it(`${kind} bomb in a survey or previous-ranking .xlsx is a DataFileError naming file, sheet and cell`, async () => {
      const bytes = await withBomb(table, kind);
      const error = await readDataRows('dieu-tra.xlsx', bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).message).toContain('"dieu-tra.xlsx"');
      expect((error as Error).message).toContain('Trang "Điều tra"');
      expect((error as Error).message).toContain(BOMB_CELL[kind]);
    });

    it(`${kind} bomb in an appendix table is a TableReadError naming sheet and cell`, async () => {
      const error = await readTableRows(await withBomb(table, kind)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TableReadError);
      expect((error as Error).message).toContain('Trang "Điều tra"');
      expect((error as Error).message).toContain(BOMB_CELL[kind]);
    });
  }

  it('the table itself still reads', async () => {
    expect((await readDataRows('dieu-tra.xlsx', table)).rows[1]).toEqual(['Sở Tư pháp', 'STP', 81.5]);
  });

  it('caps the size of a data file, its CSV lines, columns and cell text', async () => {
    const big = new Uint8Array(DATA_FILE_MAX_BYTES + 1).fill(0x41);
    await expect(readDataRows('dieu-tra.csv', big)).rejects.toThrow(/"dieu-tra.csv": Tệp nặng 5,0 MB/);
    const csv = (text: string) => readDataRows('dieu-tra.csv', new TextEncoder().encode(text));
    await expect(csv('a\n'.repeat(20_001))).rejects.toThrow('20.002 dòng');
    await expect(csv(`${'a;'.repeat(200)}a\n`)).rejects.toThrow('201 cột');
    await expect(csv(`ten;ma\n${'x'.repeat(32_768)};1\n`)).rejects.toThrow('Dòng 2');
    expect((await csv('ten;ma\nSở Tư pháp;STP\n')).rows).toEqual([
      ['ten', 'ma'],
      ['Sở Tư pháp', 'STP'],
    ]);
  });
});

describe('zip entries', () => {
  it('refuses a zip holding two entries of one name (made by renaming an entry of a generated zip)', async () => {
    const zip = await JSZip.loadAsync(template);
    zip.file('xl/dupA.xml', '<a/>');
    zip.file('xl/dupB.xml', '<b/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    // Rename dupB to dupA wherever the name is written (local header and central directory).
    const from = new TextEncoder().encode('xl/dupB.xml');
    let renamed = 0;
    for (let i = 0; i + from.length <= bytes.length; i++) {
      if (from.every((b, j) => bytes[i + j] === b)) {
        bytes[i + 6] = 0x41; // 'B' → 'A'
        renamed++;
      }
    }
    expect(renamed).toBe(2);
    const verdict = await guardZip(bytes);
    expect(verdict).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!verdict.ok) expect(verdict.message).toContain('hai mục cùng tên "xl/dupA.xml"');
    expect((await guardZip(template)).ok).toBe(true);
  });
});

describe('the direct reader inflates only what it reads, capped at the declared size', () => {
  /** `bytes` with the declared uncompressed size of `name` rewritten (local header and directory). */
  function lieAbout(bytes: Uint8Array, name: string, size: number): Uint8Array {
    const out = bytes.slice();
    const cd = readCentralDirectory(out);
    if ('error' in cd) throw new Error('fixture');
    const view = new DataView(out.buffer);
    let p = view.getUint32(out.length - 22 + 16, true);
    for (const e of cd.entries) {
      if (e.name === name) {
        view.setUint32(p + 24, size, true);
        view.setUint32(e.localHeaderOffset + 22, size, true);
      }
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return out;
  }

  it('a sheet inflating past its declared size is refused (never read short), with zlib and with fflate', async () => {
    const zip = await JSZip.loadAsync(template);
    const part = Object.keys(zip.files).find((n) => /worksheets\/sheet2\.xml$/.test(n))!;
    const lying = lieAbout(template, part, 1000);
    for (const inflate of [inflateWithZlib, undefined]) {
      const reader = returnedWorkbookReader({ resolveFramework: () => anGiang, inflate });
      const r = await reader.read(lying, 'noi-doi.xlsx');
      expect(r).toMatchObject({ ok: false, reason: 'unreadable' });
      if (!r.ok) expect(r.message).toContain('"noi-doi.xlsx"');
      expect(await reader.read(template, 'that.xlsx')).toMatchObject({ ok: true });
    }
  });

  it('both inflaters stop at the cap and give the bytes exactly', () => {
    const data = deflateRawSync(Buffer.from('a'.repeat(10_000)));
    for (const inflate of [inflateWithZlib, inflateWithFflate]) {
      expect(inflate(data, 10_000)).toHaveLength(10_000);
      expect(() => inflate(data, 9_999)).toThrow(ZipEntryError);
      expect(inflate(data, 20_000)).toHaveLength(10_000);
    }
  });
});

describe('no spread over a sheet’s rows', () => {
  it('reads a 300,000-row grid without overflowing the stack', () => {
    const values = Array.from({ length: 300_000 }, () => [null]);
    const grid: CellGrid = { values, firstRow: 1, firstCol: 1 };
    const r = scoresheetFromGrid(anGiang, grid, {});
    expect(r.structureProblems.map((p) => p.rule)).toContain('structure.headerMissing');
  });
});
