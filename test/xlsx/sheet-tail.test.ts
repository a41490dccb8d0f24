/**
 * What follows a worksheet's `</sheetData>` is cut from its bytes (sheet-reader.ts `tailOf`): only
 * the merged ranges are decoded, and whether there are hyperlinks is noted, in one walk over the
 * tail's "<". The cut must read exactly as the whole tail read as text does (`parseSheetGrid`),
 * whatever the tail holds: several or broken mergeCells blocks, merge-like words in validation
 * prompts, stray closing tags, hyperlinks before or after the merges, merges and hyperlinks inside
 * data validations or conditional formats (left out, as exceljs leaves them), self-closing or unclosed ones.
 */
import fc from 'fast-check';
import type { CellGrid } from '../../src/workbook/read-grid';
import {
  parseSheetGrid,
  parseSheetParts,
  scannedGrid,
  sheetPartsOf,
  type SheetParseContext,
} from '../../src/xlsx/ooxml/sheet-reader';

const ctx: SheetParseContext = { sharedStrings: () => [], dateStyles: () => [], date1904: false };

const CELLS =
  '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>' +
  '<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c><c r="D2"><v>6</v></c></row>' +
  '<row r="3"><c r="C3"><v>7</v></c><c r="D3"><v>8</v></c></row></sheetData>';

const piece = fc.constantFrom(
  '<mergeCells count="1">',
  '<mergeCells>',
  '<mergeCell ref="A1:B1"/>',
  '<mergeCell ref="C2:D3"/>',
  '<mergeCell ref="B2:C3"/>',
  '</mergeCells>',
  '</mergeCellsX>',
  '<dataValidations count="1"><dataValidation sqref="C5" prompt="Chọn mức kiểm tra mergeCell hyperlink C"/></dataValidations>',
  // What exceljs' own parser of data validations swallows: never the sheet's merges or links.
  '<dataValidations count="2"><mergeCell ref="A1:B1"/><hyperlink ref="A1" location="B2"/>',
  '<dataValidations\tcount="0">',
  '<dataValidations>',
  '<dataValidations count="0"/>',
  '<dataValidationsX>',
  '</dataValidations>',
  '<dataValidation sqref="C5"><formula1>"1,2"</formula1></dataValidation>',
  '<conditionalFormatting sqref="A1"><cfRule type="expression"><mergeCell ref="C2:D3"/><formula>A1</formula></cfRule>',
  '</conditionalFormatting>',
  '<conditionalFormatting/>',
  '<conditionalFormatting sqref="C5"><cfRule type="expression" priority="1"><formula>C5&gt;1</formula></cfRule></conditionalFormatting>',
  '<hyperlinks><hyperlink ref="A1" location="B2"/></hyperlinks>',
  '<pageMargins left="0.7" right="0.7"/>',
  '<m/>',
  '</m>',
  '<h/>',
  'mergeCell văn bản',
);

function outcome(read: () => CellGrid): CellGrid | string {
  try {
    return read();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

describe('the tail of a worksheet, cut from its bytes', () => {
  it('reads as the whole tail read as text, on the tokenizer and the scanner paths', () => {
    let merged = 0;
    let leftOut = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const xml = `<worksheet>${CELLS}${pieces.join('')}</worksheet>`;
        const bytes = new TextEncoder().encode(xml);
        const reference = outcome(() => parseSheetGrid(xml, ctx, 'Trang'));
        expect(outcome(() => parseSheetParts(sheetPartsOf(bytes), ctx, 'Trang'))).toEqual(reference);
        const scanned = scannedGrid(bytes, ctx, 'Trang');
        if (scanned) expect(scanned).toEqual(reference);
        if (typeof reference !== 'string' && reference.values[0][1] === null) merged++;
        if (/<dataValidations count="2"><mergeCell ref="A1:B1"\/>.*<\/dataValidations>/.test(xml)) leftOut++;
      }),
      { numRuns: 1500 },
    );
    // The property is not met by tails that never merge anything.
    expect(merged).toBeGreaterThan(50);
    expect(leftOut).toBeGreaterThan(10);
  });
});
