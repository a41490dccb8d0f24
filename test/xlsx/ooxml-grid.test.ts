/**
 * The direct OOXML reader (src/xlsx/ooxml-grid.ts) against the exceljs path it replaces: for every
 * kind of returned workbook the other tests build from the generator, both give the same grids
 * and deep-equal TemplateReadResults — and the fast path really ran (its grids are computed here
 * directly, so a silent fallback to exceljs cannot make these tests pass). Plus the tokenizer on
 * tricky hand-written sheet XML, and a property over random cell values written by exceljs.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { getBuiltinFramework } from '../../src/framework/builtins';
import type { Framework } from '../../src/framework/schema';
import { appliesTo, isSurveyLeaf, leafMaxFor, leaves } from '../../src/framework/tree';
import type { UnitRef } from '../../src/scoring/types';
import { SHEET_META, SHEET_SCORE } from '../../src/workbook/layout';
import type { CellGrid } from '../../src/workbook/read-grid';
import {
  OoxmlUnsupported,
  decodeXml,
  openOoxmlWorkbook,
  parseSharedStrings,
  parseSheetGrid,
  scanXml,
} from '../../src/xlsx/ooxml-grid';
import { gridOfWorksheet, readTemplate, type TemplateReadResult } from '../../src/xlsx/read-template';
import { renderPlan } from '../../src/xlsx/render';
import { describeWithEngine, libreOffice } from '../helpers/engines';
import { recalcXlsxMany } from '../helpers/libreoffice';
import {
  UNIT_HUYEN,
  UNIT_SO,
  fillTemplateXml,
  sampleFramework,
  samplePlan,
  tamper,
  type Fills,
} from '../helpers/template-fixtures';

const sample = sampleFramework();
const anGiang = getBuiltinFramework('an-giang-2022')!;

/**
 * Every worksheet's grid, by exceljs + gridOfWorksheet and by the fast path (which must not give
 * up); also by each of the fast path's two ways through the cells alone: the tokenizer, and the
 * byte scanner (null for a sheet it gives up on).
 */
async function gridsBoth(bytes: Uint8Array): Promise<{
  exceljs: Record<string, CellGrid>;
  fast: Record<string, CellGrid>;
  tokenizer: Record<string, CellGrid>;
  scanner: Record<string, CellGrid | null>;
}> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const exceljs: Record<string, CellGrid> = {};
  for (const ws of wb.worksheets) exceljs[ws.name] = gridOfWorksheet(ws);
  const book = await openOoxmlWorkbook(bytes);
  const fast: Record<string, CellGrid> = {};
  for (const s of book.sheets) fast[s.name] = await book.grid(s);
  const byTokenizer = await openOoxmlWorkbook(bytes, undefined, undefined, 'tokenizer');
  const tokenizer: Record<string, CellGrid> = {};
  for (const s of byTokenizer.sheets) tokenizer[s.name] = await byTokenizer.grid(s);
  const byScanner = await openOoxmlWorkbook(bytes, undefined, undefined, 'scanner');
  const scanner: Record<string, CellGrid | null> = {};
  for (const s of byScanner.sheets) scanner[s.name] = await byScanner.grid(s).catch(() => null);
  return { exceljs, fast, tokenizer, scanner };
}

async function readBoth(
  bytes: Uint8Array,
  framework: Framework | undefined,
): Promise<{ exceljs: TemplateReadResult; fast: TemplateReadResult }> {
  const options = { fileName: 'don-vi.xlsx', resolveFramework: () => framework };
  return {
    exceljs: await readTemplate(bytes, { ...options, engine: 'exceljs' }),
    fast: await readTemplate(bytes, options),
  };
}

/** The heart of the proof: same grids for the sheets the reader uses, same read result. */
async function expectEquivalent(
  bytes: Uint8Array,
  framework: Framework | undefined,
): Promise<TemplateReadResult> {
  const grids = await gridsBoth(bytes);
  expect(Object.keys(grids.fast)).toEqual(Object.keys(grids.exceljs));
  expect(grids.fast[SHEET_SCORE]).toEqual(grids.exceljs[SHEET_SCORE]);
  expect(grids.fast[SHEET_META]).toEqual(grids.exceljs[SHEET_META]);
  // The other sheets too (guide with merged cells and a date, hidden lists): a stricter check.
  expect(grids.fast).toEqual(grids.exceljs);
  // Both ways through the cells ran and agree: the byte scanner did not give up on any sheet.
  expect(grids.scanner).toEqual(grids.tokenizer);
  expect(grids.tokenizer).toEqual(grids.exceljs);
  const r = await readBoth(bytes, framework);
  expect(r.fast).toEqual(r.exceljs);
  return r.fast;
}

/** Valid values for every input of every applicable leaf (decimals included). */
function validFills(framework: Framework, unit: UnitRef): Fills {
  const fills: Fills = {};
  for (const leaf of leaves(framework)) {
    if (!appliesTo(leaf, unit.group)) continue;
    fills[leaf.code] = isSurveyLeaf(leaf)
      ? { survey: Math.round(leafMaxFor(leaf, unit.group) * 91.17) / 100 }
      : {
          self: leafMaxFor(leaf, unit.group),
          appraisal: 0.25,
          evidence: `Văn bản số ${leaf.code}/KH & "báo cáo" <1>`,
        };
  }
  return fills;
}

const INVALID_FILLS = (rows: Record<string, number>): Fills => ({
  '1.1.1': { self: 'hai', evidence: '  dấu cách đầu & cuối  ', appraisal: true },
  '1.1.2': {
    self: { formula: `C${rows['1.1.2']}`, shared: { si: 0, ref: `E${rows['1.1.2']}:E${rows['1.2']}` } },
  },
  '1.2': { self: { formula: '', shared: { si: 0 } }, appraisal: { formula: '1+1' } },
  '1.4': { self: 7, explanation: 'Vượt tối đa' },
  '1.5': { self: 0.30000000000000004 },
  '2.1.1': { survey: '8,25' },
});

describe('fast OOXML reader ≡ exceljs reader on generated templates', () => {
  it.each([
    ['mẫu thử, sở', sample, UNIT_SO],
    ['mẫu thử, huyện', sample, UNIT_HUYEN],
    ['An Giang 2022, sở', anGiang, UNIT_SO],
    ['An Giang 2022, huyện', anGiang, UNIT_HUYEN],
  ])('fresh template (%s)', async (_, framework, unit) => {
    const bytes = await renderPlan(samplePlan(framework, unit, { deadline: '2026-12-31' }));
    const r = await expectEquivalent(bytes, framework);
    expect(r.ok && r.structureProblems).toEqual([]);
  });

  it.each([
    ['An Giang 2022, sở', anGiang, UNIT_SO],
    ['An Giang 2022, huyện', anGiang, UNIT_HUYEN],
    ['mẫu thử, huyện', sample, UNIT_HUYEN],
  ])('filled with valid values by a second writer (%s)', async (_, framework, unit) => {
    const plan = samplePlan(framework, unit);
    const bytes = await fillTemplateXml(await renderPlan(plan), plan.score, validFills(framework, unit));
    const r = await expectEquivalent(bytes, framework);
    if (!r.ok) throw new Error(r.message);
    expect(r.structureProblems).toEqual([]);
    expect(Object.values(r.scoresheet.entries).some((e) => e.self !== undefined)).toBe(true);
  });

  it('filled with text, booleans, formulas, a shared formula, values above the maximum and float noise', async () => {
    const plan = samplePlan(sample, UNIT_SO);
    const bytes = await fillTemplateXml(await renderPlan(plan), plan.score, INVALID_FILLS(plan.score.rows));
    const r = await expectEquivalent(bytes, sample);
    if (!r.ok) throw new Error(r.message);
    // The fixture really exercises what it claims: three formulas named, the follower with its own text.
    const formulas = r.structureProblems.filter((p) => p.rule === 'structure.formulaInInput');
    expect(formulas).toHaveLength(3);
    expect(formulas.map((p) => p.message).join(' ')).toContain(`=C${plan.score.rows['1.2']}`);
    expect(r.scoresheet.entries['1.5'].self).toBe(0.30000000000000004);
    expect(r.scoresheet.entries['1.1.1'].appraisal).toBe(true);
    expect(r.scoresheet.entries['1.1.1'].evidence).toBe('  dấu cách đầu & cuối  ');
  });

  it('tampered by exceljs: a maximum edited, a row deleted, a code changed, a value typed over a mark', async () => {
    const plan = samplePlan(sample, UNIT_SO);
    const { rows, columns } = plan.score;
    const bytes = await tamper(await renderPlan(plan), (ws) => {
      ws.getCell(rows['1.2'], columns.max).value = 5;
      ws.getCell(rows['1.1.2'], columns.code).value = '1.1.3';
      ws.getCell(rows['2.1.1'], columns.self).value = 9;
      ws.getCell(rows['1.1.1'], columns.max).value = {
        formula: '1/1',
        result: 1,
      } as ExcelJS.CellFormulaValue;
      ws.spliceRows(rows['1.4'], 1);
    });
    const r = await expectEquivalent(bytes, sample);
    if (!r.ok) throw new Error(r.message);
    expect(r.structureProblems.map((p) => p.rule).sort()).toEqual(
      [
        'structure.codeUnknown',
        'structure.maxChanged',
        'structure.maxChanged',
        'structure.rowMissing',
        'structure.rowMissing',
        'structure.surveyMarkChanged',
      ].sort(),
    );
  });

  it('another framework, another version, an unknown framework, a file that is not ours, junk', async () => {
    const bytes = await renderPlan(samplePlan(sample, UNIT_SO));
    const other = await expectEquivalent(bytes, anGiang);
    expect(other.ok && other.structureProblems.map((p) => p.rule)).toContain('structure.otherFramework');

    const changed = sampleFramework();
    changed.tree[0].children![1].rule = { kind: 'range', step: 0.5 };
    const version = await expectEquivalent(bytes, changed);
    expect(version.ok && version.structureProblems.map((p) => p.rule)).toEqual(['structure.otherFramework']);

    const unknown = await readBoth(bytes, undefined);
    expect(unknown.fast).toEqual(unknown.exceljs);
    expect(unknown.fast).toMatchObject({ ok: false, reason: 'unknownFramework' });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SHEET_SCORE).getCell('A1').value = 'Mã';
    const plain = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await gridsBoth(plain); // the fast path reads it (no fallback)
    const notOurs = await readBoth(plain, sample);
    expect(notOurs.fast).toEqual(notOurs.exceljs);
    expect(notOurs.fast).toMatchObject({ ok: false, reason: 'notTemplate' });

    const junk = await readBoth(new TextEncoder().encode('PK not really a zip'), sample);
    expect(junk.fast).toEqual(junk.exceljs);
    expect(junk.fast).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});

describeWithEngine(libreOffice, 'fast OOXML reader ≡ exceljs on files re-saved by LibreOffice', () => {
  const files: Record<string, { bytes: Uint8Array; framework: Framework }> = {};

  beforeAll(async () => {
    const specs: [string, Framework, UnitRef, 'valid' | 'invalid' | 'empty'][] = [
      ['ag-so', anGiang, UNIT_SO, 'valid'],
      ['ag-huyen', anGiang, UNIT_HUYEN, 'valid'],
      ['mau-so-empty', sample, UNIT_SO, 'empty'],
      ['mau-so-invalid', sample, UNIT_SO, 'invalid'],
    ];
    const inputs: Record<string, Uint8Array> = {};
    for (const [name, framework, unit, kind] of specs) {
      const plan = samplePlan(framework, unit, { deadline: '2026-12-31' });
      let bytes = await renderPlan(plan);
      if (kind === 'valid') bytes = await fillTemplateXml(bytes, plan.score, validFills(framework, unit));
      if (kind === 'invalid')
        bytes = await fillTemplateXml(bytes, plan.score, INVALID_FILLS(plan.score.rows));
      inputs[name] = bytes;
      files[name] = { bytes, framework };
    }
    const saved = await recalcXlsxMany(inputs);
    for (const name of Object.keys(files)) files[name].bytes = saved[name];
  }, 300_000);

  it.each(['ag-so', 'ag-huyen', 'mau-so-empty', 'mau-so-invalid'])('%s', async (name) => {
    const { bytes, framework } = files[name];
    // LibreOffice rewrites everything (shared strings, its own styles and shared formulas).
    expect(await JSZip.loadAsync(bytes).then((z) => z.file('xl/sharedStrings.xml') !== null)).toBe(true);
    const r = await expectEquivalent(bytes, framework);
    expect(r.ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written sheet XML

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A minimal .xlsx around one sheet's XML (built here, from text: no opaque binary). */
async function workbookWith(
  sheetData: string,
  { sharedStrings = [] as string[], styles = '', extra = '', date1904 = false } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${NS_R}>` +
      (date1904 ? '<workbookPr date1904="1"/>' : '') +
      `<sheets><sheet name="Chấm điểm" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.join('')}</sst>`,
  );
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${
      styles ||
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
        '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        '<dxfs count="1"><dxf><numFmt numFmtId="2" formatCode="yyyy"/></dxf></dxfs>'
    }</styleSheet>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS} ${NS_R}><sheetData>${sheetData}</sheetData>${extra}</worksheet>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

async function fastGrid(bytes: Uint8Array): Promise<CellGrid> {
  const book = await openOoxmlWorkbook(bytes);
  return book.grid(book.sheets[0]);
}

async function exceljsGrid(bytes: Uint8Array): Promise<CellGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return gridOfWorksheet(wb.worksheets[0]);
}

describe('ooxml-grid tokenizer on tricky XML, against exceljs', () => {
  it('decodes entities and numeric character references, keeps spaces, normalises line ends', async () => {
    const bytes = await workbookWith(
      '<row r="1">' +
        '<c r="A1" t="inlineStr"><is><t xml:space="preserve">  A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; </t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>&#7843;&#x1EA1; &#x1F600;</t></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>dòng 1\r\ndòng 2</t></is></c>' +
        '<c r="D1" t="s"><v>0</v></c>' +
        '<c r="E1" t="str"><v>&amp;lt;x&amp;gt; thuế &amp;amp; phí</v></c>' +
        '</row>',
      { sharedStrings: ['<si><t xml:space="preserve"> Sở Tư pháp_x000D_ </t></si>'] },
    );
    const fast = await fastGrid(bytes);
    expect(fast).toEqual(await exceljsGrid(bytes));
    expect(fast.values[0]).toEqual([
      `  A & B <c> "d" 'e' `,
      'ảạ 😀',
      'dòng 1\ndòng 2',
      ' Sở Tư pháp\r ',
      // exceljs decodes a t="str" value once more: kept, so both readers agree.
      '<x> thuế & phí',
    ]);
  });

  it('joins rich-text runs (shared and inline), skips phonetic runs, reads booleans, errors and dates', async () => {
    const bytes = await workbookWith(
      '<row r="2">' +
        '<c r="A2" t="s"><v>0</v></c>' +
        '<c r="B2" t="inlineStr"><is><r><rPr><b/></rPr><t>Điểm </t></r><r><t xml:space="preserve">tự chấm</t></r></is></c>' +
        '<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c>' +
        '<c r="E2" t="e"><v>#DIV/0!</v></c>' +
        '<c r="F2" s="1"><v>46022</v></c>' +
        '<c r="G2" s="3"><v>46022.5</v></c>' +
        '<c r="H2" s="2"><v>1.5</v></c>' +
        '<c r="I2"><v>0.30000000000000004</v></c>' +
        '<c r="J2" t="s"><v>1</v></c>' +
        '</row>',
      {
        sharedStrings: [
          '<si><r><rPr><i/></rPr><t>Kế hoạch </t></r><r><t>CCHC</t></r><rPh sb="0" eb="1"><t>ケ</t></rPh></si>',
          '<si><t/></si>',
        ],
      },
    );
    const fast = await fastGrid(bytes);
    expect(fast).toEqual(await exceljsGrid(bytes));
    expect(fast.values[1]).toEqual([
      'Kế hoạch CCHC',
      'Điểm tự chấm',
      true,
      false,
      { error: '#DIV/0!' },
      '31/12/2025',
      '31/12/2025',
      1.5,
      0.30000000000000004,
      '',
    ]);
  });

  it('reads formulas: cached results (0 dropped as exceljs does), shared formulas translated per cell', async () => {
    const bytes = await workbookWith(
      '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c><c r="C1"><f>A1-2</f><v>0</v></c>' +
        '<c r="D1" t="str"><f>"x"&amp;A1</f><v>x2</v></c><c r="E1" t="b"><f>A1&gt;1</f><v>1</v></c></row>' +
        '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2+$A$1+SUM(A$2:A2)</f><v>8</v></c></row>' +
        '<row r="3"><c r="A3"><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>13</v></c></row>' +
        '<row r="4"><c r="A4"><v>5</v></c><c r="B4"><f t="shared" si="0"/></c></row>',
    );
    const fast = await fastGrid(bytes);
    expect(fast).toEqual(await exceljsGrid(bytes));
    expect(fast.formulas?.map((r) => r[1])).toEqual([
      'A1*2',
      'A2+$A$1+SUM(A$2:A2)',
      'A3+$A$1+SUM(A$2:A3)',
      'A4+$A$1+SUM(A$2:A4)',
    ]);
    expect(fast.values[0]).toEqual([2, 4, null, 'x2', true]);
    expect(fast.values[3]).toEqual([5, null, null, null, null]);
  });

  it('gives the same dimensions, clipped to the cells holding a value: styled and unstyled empty cells, empty rows and merged ranges beyond them do not widen the grid', async () => {
    const bytes = await workbookWith(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1" s="2"/></row>' +
        '<row r="3"><c r="A3"><v>1</v></c><c r="H3"/><c r="F3" s="2"/></row>' +
        '<row r="5"/><row r="6"><c r="C6" s="2"/></row>',
      { extra: '<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="B8:C9"/></mergeCells>' },
    );
    const fast = await fastGrid(bytes);
    expect(fast).toEqual(await exceljsGrid(bytes));
    // exceljs' own dimensions would be 9 rows × 6 columns; both readers now give the used area.
    expect(fast.values).toEqual([['Tiêu đề'], [null], [1]]);
  });

  it.each([
    [
      'data validations',
      '<dataValidations count="1"><mergeCell ref="A1:B1"/><hyperlink ref="A1" location="B1"/>' +
        '<dataValidation type="list" sqref="A1" prompt="Chọn mức"><formula1>"1,2"</formula1></dataValidation>' +
        '</dataValidations>',
    ],
    [
      'conditional formats',
      '<conditionalFormatting sqref="A1"><mergeCell ref="A1:B1"/><hyperlink ref="A1" location="B1"/>' +
        '<cfRule type="expression" dxfId="0" priority="1"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>',
    ],
  ])(
    'leaves out what is nested in the %s, as exceljs does: a merge there hides nothing, a hyperlink there is no link',
    async (_, extra) => {
      const bytes = await workbookWith('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', {
        extra,
      });
      const fast = await fastGrid(bytes);
      expect(fast).toEqual(await exceljsGrid(bytes));
      expect(fast.values).toEqual([[1, 2]]);
      const { scanner } = await gridsBoth(bytes);
      expect(scanner['Chấm điểm']).toEqual(fast);
    },
  );

  it('places rows and cells without an r attribute by order (exceljs refuses such files)', async () => {
    const xml =
      `<worksheet ${NS}><sheetData>` +
      '<row><c t="inlineStr"><is><t>Mã</t></is></c><c><v>1</v></c></row>' +
      '<row><c r="B2"><v>2</v></c><c><v>3</v></c></row>' +
      '<row r="5"><c><v>4</v></c></row>' +
      '</sheetData></worksheet>';
    const grid = parseSheetGrid(xml, { sharedStrings: () => [], dateStyles: () => [], date1904: false });
    expect(grid.values).toEqual([
      ['Mã', 1, null],
      [null, 2, 3],
      [null, null, null],
      [null, null, null],
      [4, null, null],
    ]);
    await expect(exceljsGrid(await workbookWith('<row><c><v>1</v></c></row>'))).rejects.toThrow();
  });

  it('honours date1904 like exceljs', async () => {
    const bytes = await workbookWith('<row r="1"><c r="A1" s="1"><v>44560</v></c></row>', { date1904: true });
    const fast = await fastGrid(bytes);
    expect(fast).toEqual(await exceljsGrid(bytes));
    expect(fast.values[0][0]).toBe('31/12/2025');
  });

  it('gives up (for the exceljs fallback) on what it does not read exactly like exceljs', async () => {
    const ctx = { sharedStrings: () => ['a'], dateStyles: () => [], date1904: false };
    const refuse = (sheetData: string, extra = '') =>
      expect(() =>
        parseSheetGrid(`<worksheet><sheetData>${sheetData}</sheetData>${extra}</worksheet>`, ctx),
      ).toThrow(OoxmlUnsupported);
    refuse('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'); // shared string out of range
    refuse('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'); // DTD entity
    refuse('<row r="1"><c r="A1"><v><![CDATA[1]]></v></c></row>');
    refuse(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>',
      '<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>',
    );
    refuse('<row r="1"><c r="A2"><v>1</v></c></row>'); // a cell outside its row
    refuse('<row r="1"><c r="B1"><f t="shared" si="3"/></c></row>'); // follower without a master
    refuse('', '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>');
    expect(() => parseSharedStrings('<sst><si></si></sst>')).toThrow(OoxmlUnsupported);
  });

  it('still reads the template when the fast path gives up: readTemplate falls back to exceljs', async () => {
    const plan = samplePlan(sample, UNIT_SO);
    const bytes = await renderPlan(plan);
    const zip = await JSZip.loadAsync(bytes);
    // A hyperlink on the unit's name in `_meta` is something only exceljs reads (as { text, hyperlink }).
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(wbXml).toContain('name="_meta"');
    const book = await openOoxmlWorkbook(bytes);
    const metaPart = book.sheets.find((s) => s.name === SHEET_META)!.part;
    const xml = await zip.file(metaPart)!.async('string');
    zip.file(
      metaPart,
      xml.replace('</sheetData>', '</sheetData><hyperlinks><hyperlink ref="Z1" location="A1"/></hyperlinks>'),
    );
    const linked = await zip.generateAsync({ type: 'uint8array' });
    await expect(gridsBoth(linked)).rejects.toThrow(OoxmlUnsupported);
    const r = await readBoth(linked, sample);
    expect(r.fast).toEqual(r.exceljs);
    expect(r.fast.ok).toBe(true);
  });

  it('scanXml reports self-closing tags as open + close, skips comments and declarations', () => {
    const events: string[] = [];
    scanXml('<?xml version="1.0"?><!-- c --><a x="1>2"><b/>t&amp;<c y=\'q\'>u</c></a>', {
      open: (n, attrs, self) => events.push(`<${n}${attrs}${self ? '/' : ''}>`),
      close: (n) => events.push(`</${n}>`),
      text: (xml, start, end) => events.push(decodeXml(xml.slice(start, end))),
    });
    expect(events).toEqual(['<a x="1>2">', '<b/>', '</b>', 't&', "<c y='q'>", 'u', '</c>', '</a>']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever exceljs writes, both readers read the same

const TEXT_CHARS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢÃÁẠằẳẵắặệỆữỮ <>&"\' \n\t12.,=-_x0D'];

const cellValue: fc.Arbitrary<ExcelJS.CellValue | { styledEmpty: true } | { date: number }> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }).map((n) => n / 100),
  fc.constant(0.1 + 0.2),
  fc.string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: 1, maxLength: 24 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ styledEmpty: true as const }),
  fc.integer({ min: 1, max: 60000 }).map((date) => ({ date })),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...TEXT_CHARS), maxLength: 8 }),
      fc.string({ unit: fc.constantFrom(...TEXT_CHARS), maxLength: 8 }),
    )
    .map(([a, b]) => ({ richText: [{ text: a, font: { bold: true } }, { text: b }] })),
  fc.integer({ min: 0, max: 9 }).map((n) => ({ formula: `1+${n}`, result: n + 1 })),
  fc.constantFrom({ error: '#N/A' }, { error: '#VALUE!' }),
);

describe('property: cells written by exceljs read back identically by both readers', () => {
  it('random values at random places, including merged ranges', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), cellValue), {
          maxLength: 40,
        }),
        fc.option(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 })), {
          nil: undefined,
        }),
        async (cells, merge) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet(SHEET_SCORE);
          for (const [r, c, v] of cells) {
            const cell = ws.getCell(r, c);
            if (v && typeof v === 'object' && 'styledEmpty' in v) cell.numFmt = '0.00';
            else if (v && typeof v === 'object' && 'date' in v) {
              cell.value = v.date;
              cell.numFmt = 'dd/mm/yyyy';
            } else cell.value = v as ExcelJS.CellValue;
          }
          if (merge) ws.mergeCells(merge[0], merge[1], merge[0] + 1, merge[1] + 2);
          const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
          expect(await fastGrid(bytes)).toEqual(await exceljsGrid(bytes));
          // What exceljs writes is within the byte scanner's shape: it answered, and the same (a
          // sheet without cells is written as <sheetData/>, left to the tokenizer).
          const grids = await gridsBoth(bytes);
          if (grids.exceljs[SHEET_SCORE].values.length) expect(grids.scanner).toEqual(grids.exceljs);
          else expect([null, grids.exceljs[SHEET_SCORE]]).toContainEqual(grids.scanner[SHEET_SCORE]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
