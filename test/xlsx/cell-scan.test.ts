/**
 * The byte scanner (src/xlsx/ooxml/cell-scan.ts) against the tokenizer path it shortcuts, on
 * random worksheet XML mixing the shape it reads with everything it must leave to the tokenizer
 * (comments, entities in attributes, rich text, rows or cells without `r`, prefixed elements,
 * hyperlinks, a `</sheetData>` hidden in an attribute…): whenever the scanner answers, the
 * tokenizer gives the very same grid (and does not refuse the part); and the scanner does answer
 * for the plain shapes, so the property is not met by giving up everywhere.
 */
import fc from 'fast-check';
import type { CellGrid } from '../../src/workbook/read-grid';
import { UNCHANGED, edited, listEdit } from '../helpers/list-edits';
import {
  parseSheetBytes,
  parseSheetParts,
  scannedGrid,
  sheetPartsOf,
  type SheetParseContext,
} from '../../src/xlsx/ooxml/sheet-reader';

const ctx: SheetParseContext = {
  sharedStrings: () => ['Mã', 'Sở Tư pháp', ''],
  dateStyles: () => [false, true, false],
  date1904: false,
};

function tokenized(bytes: Uint8Array): CellGrid | Error {
  try {
    return parseSheetParts(sheetPartsOf(bytes), ctx, 'Chấm điểm');
  } catch (e) {
    return e as Error;
  }
}

/** Mostly plain pieces, sometimes one the scanner must leave alone. */
function mostly<T>(plain: T[], odd: T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...plain), weight: 6 },
    { arbitrary: fc.constantFrom(...odd), weight: 1 },
  );
}

const prefix = mostly(
  [
    '',
    '<sheetPr><tabColor rgb="FF1F4E79"/></sheetPr><dimension ref="A1:C3"/>',
    '<cols><col min="1" max="2" width="7"/></cols>',
  ],
  [
    '<!-- c -->',
    '<?pi x?>',
    '<x:sheetData/>',
    '<sheetView a="1>2"/>',
    '<sheetView a="</sheetData>"/>',
    '<row r="9"><c r="A9"><v>9</v></c></row>',
    '<mergeCell ref="A1:B1"/>',
    '<c r="A1"/>',
    '</sheetData>',
  ],
);

const value = mostly(
  ['1', '1.5', '0', '2', '0.30000000000000004', '-3.25', '46022'],
  ['', ' 2 ', '&amp;', '&#65;', 'abc', 'đ', '1e3', '&nbsp;', '1\r\n2', '&lt;x&gt;'],
);
const text = mostly(
  ['Điểm tự chấm', 'Sở Tư pháp', 'a & b'.replace('&', '&amp;'), ''],
  ['&quot;x&quot;', ' a ', 'dòng\r\nhai', '&#x1F600;', '_x000D_', '&bad;'],
);
const formula = mostly(
  [
    'A1*2',
    'SUM(A1:A3)',
    '&quot;x&quot;&amp;A1',
    'TRIM(IF(LEN(E12)&gt;0,&quot;Điểm không hợp lệ&quot;,&quot;&quot;))',
  ],
  ['', ' ', '1+1<!-- x -->'],
);

/** A cell's children. */
const children = fc.oneof(
  value.map((v) => `<v>${v}</v>`),
  fc.tuple(formula, value).map(([f, v]) => `<f>${f}</f><v>${v}</v>`),
  formula.map((f) => `<f>${f}</f>`),
  fc.constant('<f t="shared" ref="B1:B4" si="0">A1+1</f><v>3</v>'),
  fc.constant('<f t="shared" si="0"/><v>4</v>'),
  fc.constant('<f t="shared" si="1"/>'),
  text.map((t) => `<is><t>${t}</t></is>`),
  text.map((t) => `<is><t xml:space="preserve">${t}</t></is>`),
  fc.constantFrom(
    '',
    '<v/>',
    '<v></v>',
    '<is/>',
    '<is><t/></is>',
    '\n  <v>1</v>\n',
    '<is><r><t>a</t></r><r><t>b</t></r></is>',
    '<is><t>a</t><rPh><t>b</t></rPh></is>',
    '<v>1</v><v>2</v>',
    '<!-- x --><v>1</v>',
    '<extLst/>',
    '<x:v>1</x:v>',
    '<v><![CDATA[1]]></v>',
  ),
);

const column = fc.constantFrom('A', 'B', 'C', 'D', 'AA');
const attrsOf = (ref: string, t: string, s: string) =>
  fc.constantFrom(
    `${ref}${s}${t}`,
    `${t}${s}${ref}`,
    `${ref}${t}`,
    `${ref.replace(/"/g, "'")}${s}`,
    `${ref.replace('=', ' = ')}${t}`,
    `${ref.replace('=', '\t=')}`,
    `${ref} x:r="Z9"${s}`,
    `${ref}${s} foo="a s=1"`,
    `${ref}${s} foo="&amp;"`,
    `${s}${t}`,
    `${ref}${ref.replace(/[A-Z]+/, 'B')}`,
  );

function cell(row: number): fc.Arbitrary<string> {
  return fc
    .record({
      col: column,
      t: mostly(['', ' t="s"', ' t="str"', ' t="inlineStr"', ' t="b"', ' t="n"'], [' t="e"', ' t="d"']),
      s: mostly(['', ' s="1"', ' s="2"', ' s="0"'], [' s="x"', ' s=""', ' s="01"']),
      refForm: mostly(['canonical'], ['lower', 'dollar', 'otherRow', 'zero']),
      selfClosing: fc.boolean(),
      children,
      plain: fc.integer({ min: 0, max: 3 }),
    })
    .chain(({ col, t, s, refForm, selfClosing, children: inner, plain }) => {
      const ref =
        refForm === 'lower'
          ? `${col.toLowerCase()}${row}`
          : refForm === 'dollar'
            ? `$${col}$${row}`
            : refForm === 'otherRow'
              ? `${col}${row + 1}`
              : refForm === 'zero'
                ? `${col}0${row}`
                : `${col}${row}`;
      // Shared-string cells point at a string that exists, mostly.
      const content = t === ' t="s"' && inner.startsWith('<v>') && plain ? `<v>${plain - 1}</v>` : inner;
      const attrs: fc.Arbitrary<string> = plain
        ? fc.constant(` r="${ref}"${s}${t}`)
        : attrsOf(` r="${ref}"`, t, s);
      return attrs.map((a) => (selfClosing ? `<c${a}/>` : `<c${a}>${content}</c>`));
    });
}

const row = fc.integer({ min: 1, max: 8 }).chain((r) =>
  fc
    .record({
      open: mostly(
        [`<row r="${r}">`, `<row r="${r}" ht="15" customHeight="1" spans="1:4" x14ac:dyDescent="0.25">`],
        [`<row>`, `<row r='${r}'>`, `<row r="0${r}">`, `<row spans="1 2" r="${r}">`, `<row r=" ${r}">`],
      ),
      cells: fc.array(cell(r), { maxLength: 5 }),
      empty: fc.boolean(),
      close: mostly(['</row>'], ['</row >', '', '</x:row>']),
    })
    .map(({ open, cells, empty, close }) =>
      empty && !cells.length ? open.replace('>', '/>') : `${open}${cells.join('')}${close}`,
    ),
);

const sheet = fc
  .record({
    prefix,
    open: mostly(['<sheetData>'], ['<sheetData foo="1">', '<sheetData >']),
    rows: fc.array(row, { maxLength: 6 }),
    between: mostly([''], ['\n', '<!-- between -->', 'text']),
    tail: mostly(
      ['', '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>', '<pageMargins left="0.7"/>'],
      [
        '<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>',
        '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
      ],
    ),
  })
  .map(
    ({ prefix: p, open, rows, between, tail }) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${p}${open}${rows.join(between)}</sheetData>${tail}</worksheet>`,
  );

describe('byte scanner ≡ tokenizer on worksheet XML', () => {
  it('whenever the scanner answers, the tokenizer reads the same grid; parseSheetBytes always agrees with the tokenizer', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(sheet, (xml) => {
        runs++;
        const bytes = new TextEncoder().encode(xml);
        const reference = tokenized(bytes);
        const scanned = scannedGrid(bytes, ctx, 'Chấm điểm');
        if (scanned) {
          answered++;
          expect(reference).toEqual(scanned);
        }
        let viaBytes: CellGrid | Error;
        try {
          viaBytes = parseSheetBytes(bytes, ctx, 'Chấm điểm');
        } catch (e) {
          viaBytes = e as Error;
        }
        expect(viaBytes).toEqual(reference);
        if (viaBytes instanceof Error) expect(viaBytes.constructor).toBe((reference as Error).constructor);
      }),
      { numRuns: 1500 },
    );
    // The generator mostly makes plain sheets: the scanner must have read a good share itself.
    expect(answered).toBeGreaterThan(runs * 0.15);
  });

  it('reads a plain sheet itself, and leaves the odd shapes to the tokenizer', () => {
    const wrap = (cells: string, before = '') =>
      new TextEncoder().encode(`<worksheet>${before}<sheetData>${cells}</sheetData></worksheet>`);
    const plain = wrap(
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>46022</v></c>' +
        '<c r="C1"><f>A1&amp;&quot;x&quot;</f><v>0</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Điểm &lt;5&gt;</t></is></c><c r="B2" t="b"><v>1</v></c></row>',
    );
    expect(scannedGrid(plain, ctx)).toEqual({
      values: [
        ['Sở Tư pháp', '31/12/2025', null],
        ['Điểm <5>', true, null],
      ],
      formulas: [
        [null, null, 'A1&"x"'],
        [null, null, null],
      ],
      firstRow: 1,
      firstCol: 1,
    });
    for (const odd of [
      wrap('<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r></is></c></row>'),
      wrap('<row r="1"><!-- x --><c r="A1"><v>1</v></c></row>'),
      wrap('<row><c r="A1"><v>1</v></c></row>'),
      wrap('<row r="1"><c><v>1</v></c></row>'),
      wrap('<row r="1"><c r="A1" foo="a&amp;b"><v>1</v></c></row>'),
      wrap('<row r="1"><c r="A1"><v>1</v></c></row>', '<!-- before -->'),
      wrap('<row r="1"><c r="A1"><x:v>1</x:v></c></row>'),
    ])
      expect(scannedGrid(odd, ctx)).toBeNull();
  });

  it('remembers a formula text by its bytes only: a byte changed is read anew, a refused one refused again', () => {
    const sheetWith = (formula: string) =>
      new TextEncoder().encode(
        `<worksheet><sheetData><row r="1"><c r="A1"><f>${formula}</f><v>1</v></c></row></sheetData></worksheet>`,
      );
    const formulaOf = (formula: string) => scannedGrid(sheetWith(formula), ctx)?.formulas?.[0][0];
    expect(formulaOf('IF(B1&gt;0,&quot;Điểm&quot;,&quot;&quot;)')).toBe('IF(B1>0,"Điểm","")');
    expect(formulaOf('IF(B1&gt;0,&quot;Điểm&quot;,&quot;&quot;)')).toBe('IF(B1>0,"Điểm","")');
    expect(formulaOf('IF(B1&gt;0,&quot;Điển&quot;,&quot;&quot;)')).toBe('IF(B1>0,"Điển","")');
    expect(formulaOf('IF(B1&gt;0,&quot;Điểm&quot;,&quot;&quot;)')).toBe('IF(B1>0,"Điểm","")');
    for (let i = 0; i < 2; i++) expect(scannedGrid(sheetWith('B1&nbsp;'), ctx)).toBeNull();
  });

  it('reads the returns of one template in turn as the tokenizer, formulas found again in the sheets read before', () => {
    const FORMULAS = [
      'SUM(C7,C8)',
      'IF(E7&gt;1,&quot;Điểm vượt tối đa&quot;,&quot;&quot;)',
      'IF(E7&gt;1,&quot;Điểm vượt tối đá&quot;,&quot;&quot;)',
      'IF(E7&gt;1,&quot;Điểm vượt tối đa&quot;,&quot;&quot;)&amp;&quot;!&quot;',
      'TRIM(&quot;a&quot;)',
      'B1&nbsp;',
      '',
    ];
    const sheet = (formulas: string[]) =>
      new TextEncoder().encode(
        `<worksheet><sheetData>${formulas
          .map((f, i) => `<row r="${i + 1}"><c r="A${i + 1}"><f>${f}</f><v>1</v></c></row>`)
          .join('')}</sheetData></worksheet>`,
      );
    let scanned = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FORMULAS.slice(0, 5)), { minLength: 1, maxLength: 10 }),
        fc.array(listEdit(FORMULAS), { maxLength: 6 }),
        (base, edits) => {
          for (const e of [UNCHANGED, ...edits]) {
            const bytes = sheet(edited(base, e));
            const fast = scannedGrid(bytes, ctx, 'Chấm điểm');
            if (fast === null) continue;
            scanned++;
            expect(fast).toEqual(tokenized(bytes));
          }
        },
      ),
      { numRuns: 800 },
    );
    expect(scanned).toBeGreaterThan(800);
  });

  it('refuses an entity no DTD-less parser knows, also one named like an object member', () => {
    const wrap = (cells: string) =>
      new TextEncoder().encode(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`);
    for (const entity of ['&constructor;', '&toString;', '&__proto__;', '&nbsp;']) {
      for (const cell of [
        `<c r="A1" t="inlineStr"><is><t>a${entity}</t></is></c>`,
        `<c r="A1"><f>A2${entity}</f></c>`,
        `<c r="A1" t="str"><f>A2</f><v>${entity}</v></c>`,
      ]) {
        expect(scannedGrid(wrap(cell), ctx)).toBeNull();
        expect(tokenized(wrap(cell))).toBeInstanceOf(Error);
      }
    }
  });
});
