/**
 * The ranking workbook from our own streaming writer reads back, cell by cell, as the one exceljs
 * wrote before it (issue 15 item 3): the facts a reader sees (test/helpers/workbook-facts.ts) of
 * the exceljs writer's output were recorded once, on main before the change, for two inputs —
 * the consolidation fixture folder (rejections, duplicates, survey notes, "=Sở Nội vụ") and 30
 * An Giang 2022 returns (51 leaves, two groups, a previous ranking, a unit not ranked) — see
 * test/fixtures/ranking-writer/make.ts. Both compressors (fflate, Node's zlib) give the same
 * facts; the streaming and the bytes writer give the same bytes.
 */
import { promises as fs } from 'node:fs';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { getBuiltinFramework } from '../../src/framework/builtins';
import type { ConsolidationResult } from '../../src/consolidation/types';
import { streamRankingWorkbook, writeRankingWorkbook } from '../../src/xlsx/ranking-workbook';
import { zlibZipCompression } from '../../src/cli/native-deflate';
import { readCentralDirectory, dataStart } from '../../src/xlsx/zip-guard';
import { INLINE_FROM } from '../../src/xlsx/write/shared-strings';
import { smallFramework } from '../helpers/small-framework';
import { workbookFacts, type WorkbookFacts } from '../helpers/workbook-facts';

const FIXTURES = join(__dirname, '..', 'fixtures', 'ranking-writer');
const GENERATED_AT = '2026-11-22T09:00:00.000Z';

async function input(name: string): Promise<ConsolidationResult> {
  const raw = JSON.parse(await fs.readFile(join(FIXTURES, `${name}.input.json`), 'utf8'));
  const id = raw.framework as string;
  return { ...raw, framework: id === smallFramework.id ? smallFramework : getBuiltinFramework(id) };
}

async function expected(name: string): Promise<WorkbookFacts> {
  return JSON.parse(await fs.readFile(join(FIXTURES, `${name}.facts.json`), 'utf8'));
}

/** Cells as [type, value, style] with the style written out, so a difference names the cell. */
function cellsWithStyles(f: WorkbookFacts) {
  return f.sheets.map((s) => ({
    name: s.name,
    cells: Object.fromEntries(
      Object.entries(s.cells).map(([ref, [type, value, style]]) => [
        ref,
        [type, value, JSON.parse(f.styles[style])],
      ]),
    ),
  }));
}

/** The sheet facts apart from the cells, compared one sheet at a time. */
function layout(f: WorkbookFacts) {
  return f.sheets.map(({ cells: _cells, ...rest }) => rest);
}

describe.each(['fixture-folder', 'an-giang-30'])(
  'ranking workbook %s: reads back as the exceljs one',
  (name) => {
    let want: WorkbookFacts;
    let bytes: Uint8Array;
    let got: WorkbookFacts;

    beforeAll(async () => {
      want = await expected(name);
      bytes = await writeRankingWorkbook(await input(name), { generatedAt: GENERATED_AT });
      got = await workbookFacts(bytes);
    });

    it('the same sheets, in order, the same creator, created time and default font', () => {
      expect(got.sheets.map((s) => s.name)).toEqual(want.sheets.map((s) => s.name));
      expect([got.creator, got.created, got.defaultFont]).toEqual([
        want.creator,
        want.created,
        want.defaultFont,
      ]);
      expect(want.sheets.length).toBe(6);
    });

    it('each sheet: widths, hidden columns, row heights, merges, panes, breaks, page setup, footer', () => {
      expect(layout(got)).toEqual(layout(want));
    });

    it('every cell: value, type and style (number format, font, fill, border, alignment)', () => {
      const g = cellsWithStyles(got);
      const w = cellsWithStyles(want);
      for (let i = 0; i < w.length; i++) expect(g[i]).toEqual(w[i]);
      // The check can fail: the fixtures hold numbers, texts, merged and styled empty cells.
      const types = new Set(want.sheets.flatMap((s) => Object.values(s.cells).map((c) => c[0])));
      const { Null, Merge, Number: Num, String: Str } = ExcelJS.ValueType;
      expect([...types]).toEqual(expect.arrayContaining([Null, Merge, Num, Str].map(String)));
    });

    it("Node's zlib compressor gives the same workbook; the stream gives the bytes writer's bytes", async () => {
      const result = await input(name);
      const zlibBytes = await writeRankingWorkbook(result, {
        generatedAt: GENERATED_AT,
        compression: zlibZipCompression,
      });
      expect(await workbookFacts(zlibBytes)).toEqual(got);
      const stream = new PassThrough();
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      await streamRankingWorkbook(
        result,
        { generatedAt: GENERATED_AT, compression: zlibZipCompression },
        stream,
      );
      expect(new Uint8Array(Buffer.concat(chunks))).toEqual(zlibBytes);
    });

    it('a well-formed zip: each entry inflates to its declared size and CRC (central directory)', () => {
      const cd = readCentralDirectory(bytes);
      if ('error' in cd) throw new Error(String(cd.error));
      expect(cd.entries.map((e) => e.name).sort()).toEqual(
        [
          '[Content_Types].xml',
          '_rels/.rels',
          'docProps/core.xml',
          'xl/_rels/workbook.xml.rels',
          'xl/sharedStrings.xml',
          'xl/styles.xml',
          'xl/workbook.xml',
          ...[1, 2, 3, 4, 5, 6].map((i) => `xl/worksheets/sheet${i}.xml`),
        ].sort(),
      );
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const end = bytes.length - 22;
      let at = view.getUint32(end + 16, true);
      for (const e of cd.entries) {
        expect(view.getUint32(at, true)).toBe(0x02014b50);
        const start = dataStart(bytes, e) as number;
        const part = inflateRawSync(bytes.subarray(start, start + e.compressedSize));
        expect([e.name, part.length, crc32(part)]).toEqual([
          e.name,
          e.uncompressedSize,
          view.getUint32(at + 16, true),
        ]);
        at +=
          46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      }
    });
  },
);

describe('ranking workbook texts', () => {
  it('long ones are written in their cells, short ones once in the shared-string table', async () => {
    const bytes = await writeRankingWorkbook(await input('fixture-folder'), { generatedAt: GENERATED_AT });
    const cd = readCentralDirectory(bytes);
    if ('error' in cd) throw new Error(String(cd.error));
    const part = (name: string) => {
      const e = cd.entries.find((x) => x.name === name);
      if (!e) throw new Error(name);
      const start = dataStart(bytes, e) as number;
      return inflateRawSync(bytes.subarray(start, start + e.compressedSize)).toString('utf8');
    };
    const text = (xml: string) =>
      xml.replace(
        /&(quot|amp|lt|gt|apos);/g,
        (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[e] as string,
      );
    const shared = [...part('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) =>
      text(m[1]),
    );
    expect(shared.length).toBeGreaterThan(20);
    expect(new Set(shared).size).toBe(shared.length);
    expect(Math.max(...shared.map((t) => t.length))).toBeLessThan(INLINE_FROM);
    // The files sheet's problem sentences (the per-file texts) are inline strings, still texts.
    const sheets = cd.entries.filter((e) => e.name.startsWith('xl/worksheets/')).map((e) => part(e.name));
    const inline = sheets.flatMap((x) =>
      [...x.matchAll(/t="inlineStr"><is><t[^>]*>([^<]*)<\/t>/g)].map((m) => text(m[1])),
    );
    expect(inline.some((t) => t.startsWith('Chấm điểm!C11: Điểm tối đa của tiêu chí 2.1'))).toBe(true);
    expect(inline.every((t) => t.length >= INLINE_FROM)).toBe(true);
  });
});

describe('streamRankingWorkbook on a failing stream', () => {
  it('rejects with the stream error instead of waiting forever', async () => {
    const result = await input('fixture-folder');
    const stream = new PassThrough({ highWaterMark: 16 });
    setImmediate(() => stream.destroy(new Error('ổ đĩa đầy')));
    await expect(streamRankingWorkbook(result, { generatedAt: GENERATED_AT }, stream)).rejects.toThrow(
      'ổ đĩa đầy',
    );
  });
});
