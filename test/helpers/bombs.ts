/**
 * "Address bombs" for the bounded-reading tests (issue 13), made from generated workbooks by
 * editing one sheet's XML (never hand-made binaries): a file of a few kilobytes that claims a
 * huge area.
 *
 * - dimension: one value typed at XFD1048576 (and the sheet's `<dimension>` claiming A1:XFD1048576);
 * - merge: `<mergeCell ref="N1:XFD1048576"/>` (exceljs would create ~17 billion cells);
 * - rows: `<row r="0">` at the top and `<row r="9999999">` at the bottom of `<sheetData>`.
 */
import JSZip from 'jszip';

export type BombKind = 'dimension' | 'merge' | 'rows';
export const BOMB_KINDS: BombKind[] = ['dimension', 'merge', 'rows'];

/** What the refusal message must name for each kind (besides the file and the sheet). */
export const BOMB_CELL: Record<BombKind, string> = {
  dimension: 'XFD1048576',
  merge: 'N1:XFD1048576',
  rows: '"0"',
};

/** The zip path of a worksheet by its name (the first sheet when `sheet` is undefined). */
async function sheetPart(zip: JSZip, sheet: string | undefined): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)];
  const found = sheet === undefined ? sheets[0] : sheets.find((m) => m[1] === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  const target = new RegExp(
    `Id="${found[2]}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${found[2]}"`,
  ).exec(rels);
  if (!target) throw new Error(`no relationship ${found[2]}`);
  return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
}

export function bombXml(xml: string, kind: BombKind): string {
  switch (kind) {
    case 'dimension':
      return xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
        .replace(
          '</sheetData>',
          '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        );
    case 'merge':
      return /<mergeCells\b/.test(xml)
        ? xml.replace(/<mergeCells\b[^>]*>/, (open) => `${open}<mergeCell ref="N1:XFD1048576"/>`)
        : xml.replace(
            '</sheetData>',
            '</sheetData><mergeCells count="1"><mergeCell ref="N1:XFD1048576"/></mergeCells>',
          );
    case 'rows':
      return xml
        .replace(/<sheetData>/, '<sheetData><row r="0"/>')
        .replace('</sheetData>', '<row r="9999999"/></sheetData>');
  }
}

/** `bytes` with the bomb placed in `sheet` (the first sheet when undefined). */
export async function withBomb(bytes: Uint8Array, kind: BombKind, sheet?: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, sheet);
  const xml = await zip.file(part)!.async('string');
  const bombed = bombXml(xml, kind);
  if (bombed === xml) throw new Error(`bomb ${kind} not placed in ${part}`);
  zip.file(part, bombed);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
