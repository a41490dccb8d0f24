/**
 * Bounded memory (issue 13): `cchc consolidate` over 3 good returned workbooks plus one address
 * bomb (a value at XFD1048576, a merge over the whole sheet, rows numbered 0 and 9,999,999), in
 * `Chấm điểm` or in `_meta`, runs in a child process whose heap is capped at 200 MB: the 3 good
 * files are accepted and the bomb is reported on its own line. The same bombs as a --survey or
 * --previous file, or as a `framework import` table, stop the run with a message naming the file,
 * sheet and cell (exit 2). Before the fix each of these took 4 GB and died of "heap out of memory".
 * Set CCHC_RECORD_RSS=1 to print each child's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleScores, seedOf } from '../../src/consolidation/sample-scores';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { SHEET_META, SHEET_SCORE } from '../../src/workbook/layout';
import { renderTemplate } from '../../src/xlsx/render';
import { fillReturnedWorkbook } from '../../src/xlsx/sample-returns';
import { writeTableXlsx } from '../../src/xlsx/table';
import { writeGoodSurvey } from '../helpers/good-returns';
import { BOMB_CELL, BOMB_KINDS, withBomb, type BombKind } from '../helpers/bombs';
import { FIXED_TIME } from '../helpers/template-fixtures';

const ROOT = join(__dirname, '..', '..');
const CHILD = join(ROOT, 'test', 'helpers', 'cli-child.ts');
const HEAP_MB = 200;
/** tsx's loader by path: the child runs in a temporary folder, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const APPENDIX = join(ROOT, 'templates', 'appendix');

interface ChildRun {
  code: number;
  maxRssMB: number;
  stdout: string;
  stderr: string;
}

function runChild(args: string[], cwd: string): ChildRun {
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--import', TSX, CHILD, ...args],
    {
      cwd,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const line = /CHILD_RESULT (.*)$/m.exec(r.stdout ?? '');
  if (!line) throw new Error(`child died (signal ${r.signal}, status ${r.status}): ${r.stderr}`);
  const result = JSON.parse(line[1]) as { code: number; maxRssMB: number };
  if (process.env.CCHC_RECORD_RSS) console.log(`peakRss ${args.join(' ')} → ${result.maxRssMB} MB`);
  return { ...result, stdout: r.stdout.slice(0, line.index), stderr: r.stderr };
}

const anGiang = getBuiltinFramework('an-giang-2022')!;
let work: string;
let good: string[];
let template: Uint8Array;
let table: Uint8Array;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cchc-bounded-'));
  good = [];
  for (const [i, group] of ['so', 'huyen', 'so'].entries()) {
    const unit = { code: `U${i}`, name: `Đơn vị số ${i + 1}`, group };
    const t = await renderTemplate(anGiang, unit, { generatedAt: FIXED_TIME });
    const filled = await fillReturnedWorkbook(
      t,
      sampleScores(anGiang, group, seedOf(`bounded${i}`)) as never,
    );
    const path = join(work, `U${i}.xlsx`);
    writeFileSync(path, filled);
    good.push(path);
  }
  template = await renderTemplate(
    anGiang,
    { code: 'BOM', name: 'Sở Bom', group: 'so' },
    { generatedAt: FIXED_TIME },
  );
  table = await writeTableXlsx([
    ['Đơn vị', 'Mã', 'Chỉ số'],
    ['Đơn vị số 1', 'U0', 81.5],
  ]);
}, 120_000);

/** A folder with the 3 good files and their survey (dieu-tra-xhh.csv), for one case. */
function caseFolder(name: string): string {
  const dir = join(work, name, 'nop');
  mkdirSync(dir, { recursive: true });
  for (const g of good) copyFileSync(g, join(dir, g.slice(work.length + 1)));
  writeGoodSurvey(join(work, name));
  return join(work, name);
}

describe(`a bomb among 3 good returned workbooks, heap capped at ${HEAP_MB} MB`, () => {
  for (const sheet of [SHEET_SCORE, SHEET_META]) {
    for (const kind of BOMB_KINDS) {
      it(`${kind} bomb in "${sheet}": 3 accepted, the bomb reported`, async () => {
        const root = caseFolder(`${kind}-${sheet === SHEET_META ? 'meta' : 'score'}`);
        writeFileSync(join(root, 'nop', 'bom.xlsx'), await withBomb(template, kind, sheet));
        const r = runChild(
          ['consolidate', 'nop', '--survey', 'dieu-tra-xhh.csv', '-o', 'xep-hang.xlsx', '--json'],
          root,
        );
        expect(r.code).toBe(0);
        const json = JSON.parse(r.stdout) as {
          files: { file: string; status: string; errors: { rule: string; message: string }[] }[];
        };
        const byName = new Map(json.files.map((f) => [f.file.replace(/^nop[\\/]/, ''), f]));
        expect(['U0.xlsx', 'U1.xlsx', 'U2.xlsx'].map((f) => byName.get(f)?.status)).toEqual([
          'accepted',
          'accepted',
          'accepted',
        ]);
        const bomb = byName.get('bom.xlsx')!;
        expect(bomb.status).toBe('unreadable');
        expect(bomb.errors[0].rule).toBe('file.beyondLimits');
        expect(bomb.errors[0].message).toContain(`Trang "${sheet}"`);
        expect(bomb.errors[0].message).toContain(BOMB_CELL[kind]);
      }, 150_000);
    }
  }
});

describe(`a bomb as a data file, heap capped at ${HEAP_MB} MB: exit 2 with file, sheet and cell`, () => {
  const cases: { what: string; args: (file: string) => string[] }[] = [
    { what: 'survey', args: (f) => ['consolidate', 'nop', '-o', 'xep-hang.xlsx', '--survey', f] },
    { what: 'previous', args: (f) => ['consolidate', 'nop', '-o', 'xep-hang.xlsx', '--previous', f] },
    {
      what: 'import',
      args: (f) => ['framework', 'import', f, '--meta', 'an-giang-2022.meta.json', '-o', 'bo-tieu-chi.json'],
    },
  ];
  for (const c of cases) {
    for (const kind of BOMB_KINDS as BombKind[]) {
      it(`${kind} bomb as the ${c.what} table`, async () => {
        const root = caseFolder(`${c.what}-${kind}`);
        writeFileSync(join(root, 'bang.xlsx'), await withBomb(table, kind));
        copyFileSync(join(APPENDIX, 'an-giang-2022.meta.json'), join(root, 'an-giang-2022.meta.json'));
        const r = runChild(c.args('bang.xlsx'), root);
        expect(r.code).toBe(2);
        // The file named once, then the sheet: "…"bang.xlsx": Trang "Bảng", ô …".
        expect(r.stderr.match(/bang\.xlsx/g)).toHaveLength(1);
        expect(r.stderr).toMatch(/bang\.xlsx"?: Trang "Bảng"/);
        expect(r.stderr).toContain(BOMB_CELL[kind]);
        expect(r.stderr).not.toMatch(/node:internal|\n\s+at /);
      }, 150_000);
    }
  }
});
