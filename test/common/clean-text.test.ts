import fc from 'fast-check';
import JSZip from 'jszip';
import { parse as parseHtml } from 'parse5';
import { SaxesParser } from 'saxes';
import { escapeControls, terminalSafe, xmlInvalidCharacters, xmlSafe } from '../../src/common/clean-text';
import { escapeHtml } from '../../src/consolidation/report-html';
import { isPortableFileName, unitFileName } from '../../src/workbook/file-name';
import { renderRankTable } from '../../src/xlsx/rank-table';

/** Throws unless `xml` is well-formed XML 1.0 (saxes is the strict parser exceljs itself uses). */
export function assertWellFormed(xml: string, where = 'part'): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => {
    throw new Error(`${where}: ${e.message}`);
  });
  parser.write(xml).close();
}

/** Every XML part of an .xlsx, parsed. */
export async function assertXlsxWellFormed(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let parts = 0;
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    assertWellFormed(await zip.files[name].async('string'), name);
    parts++;
  }
  return parts;
}

/** Any string, lone surrogates, controls and bidi characters included. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '\uFFFE',
      '\uFFFF',
      '\uD800',
      '\uDC00',
      '\u001B',
      '\u0007',
      '\u0085',
      '\u202E',
      '\u2066',
      'Ở',
      '😀',
      'a',
      ' ',
      '.',
      'CON',
      '¹',
    ),
    maxLength: 30,
  }),
  fc.constantFrom(
    'CON',
    'nul.txt',
    'COM¹',
    'lpt³',
    'CONIN$',
    'conout$.xlsx',
    'AUX .x',
    '😀'.repeat(200),
    'Ủy ban '.repeat(60),
  ),
);

describe('xmlSafe', () => {
  it('replaces U+FFFE, U+FFFF, lone surrogates and C0 controls, keeps tab, newline and astral letters', () => {
    expect(xmlSafe('Sở\uFFFEA\uFFFF')).toBe('Sở\uFFFDA\uFFFD');
    expect(xmlSafe('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
    expect(xmlSafe('x\u0001y\u001b')).toBe('x\uFFFDy\uFFFD');
    expect(xmlSafe('tab\there\nline 😀')).toBe('tab\there\nline 😀');
    expect(xmlInvalidCharacters('a\uFFFE\uFFFEb\u0007')).toEqual(['U+FFFE', 'U+0007']);
  });
});

describe('escapeControls / terminalSafe', () => {
  it('shows ESC, BEL, C1 and bidi overrides as \\uXXXX and keeps line feeds and Vietnamese', () => {
    expect(escapeControls('\u001b[2JSở A\u0007')).toBe('\\u001b[2JSở A\\u0007');
    expect(escapeControls('x\u0085y\u202Egpj.exe\u2066')).toBe('x\\u0085y\\u202egpj.exe\\u2066');
    expect(escapeControls('dòng 1\ndòng 2\t.')).toBe('dòng 1\ndòng 2\t.');
  });
  it('keeps the carriage return that starts a progress line, escapes one inside a name', () => {
    expect(terminalSafe('\rĐã đọc 3/5 tệp')).toBe('\rĐã đọc 3/5 tệp');
    expect(terminalSafe('Sở A\rSở B')).toBe('Sở A\\u000dSở B');
  });
  it('keeps a JSON document the same document', () => {
    const doc = { unit: 'Sở \u202Eevil\u0085 \u001b[2J' };
    expect(JSON.parse(terminalSafe(JSON.stringify(doc)))).toEqual(doc);
  });
});

describe('property: hostile unit and file names', () => {
  it('are valid XML text once written into a workbook (every part parsed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 4 }), async (names) => {
        const bytes = await renderRankTable([
          {
            group: 'so',
            groupName: names[0],
            hasNotRanked: false,
            title: names[0],
            rows: names.map((unit, i) => ({
              rank: i + 1,
              unit,
              ranked: true,
              appraisal: 50,
              survey: 10,
              index: 60,
              band: names[names.length - 1],
            })),
          },
        ]);
        expect(await assertXlsxWellFormed(bytes)).toBeGreaterThan(3);
      }),
      { numRuns: 40 },
    );
  });

  it('are HTML text without parse errors, markup or live controls', () => {
    fc.assert(
      fc.property(hostileText, (name) => {
        const errors: string[] = [];
        const html = `<!DOCTYPE html><html><head><title>t</title></head><body><p>${escapeHtml(name)}</p></body></html>`;
        const doc = parseHtml(html, { onParseError: (e) => errors.push(e.code) });
        expect(errors).toEqual([]);
        const body = (
          doc.childNodes[1] as unknown as { childNodes: { nodeName: string; childNodes: unknown[] }[] }
        ).childNodes[1];
        expect(body.childNodes).toHaveLength(1); // one <p>, nothing injected
        expect(escapeHtml(name)).not.toMatch(
          // eslint-disable-next-line no-control-regex
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff<>]/,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('become valid Windows file names within 255 bytes, unique case-insensitively', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileText, hostileText), { minLength: 1, maxLength: 6 }), (units) => {
        const taken = new Set<string>();
        const names = units.map(([code, name]) => unitFileName({ code, name }, taken));
        for (const n of names) {
          expect(isPortableFileName(n)).toBe(true);
          expect(n).not.toContain('\uFFFD');
        }
        expect(new Set(names.map((n) => n.toLocaleLowerCase('vi'))).size).toBe(names.length);
      }),
      { numRuns: 300 },
    );
  });
});
