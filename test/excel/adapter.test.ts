/**
 * Every adapter operation against the in-memory Excel, at 10 and at 200 leaves (and units): the
 * workbook ends up right AND the number of context.sync() round trips is the same for both sizes
 * and at most 3.
 */
import { bytesToBase64 } from '../../src/excel/base64';
import {
  ERROR_FILL,
  clearHighlights,
  forgetOwnWrites,
  generateTemplate,
  goToCell,
  highlightCells,
  officeHost,
  openTemplateBytes,
  readOpenTemplate,
  watchScoreSheet,
  writeRankingSheet,
  writeSurveyPoints,
  type ReadSuccess,
} from '../../src/excel';
import type { Framework } from '../../src/framework/schema';
import { isSurveyLeaf, leaves } from '../../src/framework/tree';
import { createFakeExcel, parseLocal, type FakeExcel } from '../../src/testing/fake-excel';
import { SHEET_META, SHEET_SCORE } from '../../src/workbook/layout';
import { columnLetters } from '../../src/common/a1';
import { RANKING_SHEET, buildRankingPlan } from '../../src/workbook/ranking-plan';
import { renderTemplate } from '../../src/xlsx/render';
import { UNIT, rankedUnits, sizedFramework } from './sized-framework';

const SIZES = [10, 200] as const;
const frameworks = new Map<number, Framework>(SIZES.map((n) => [n, sizedFramework(n)]));
const templates = new Map<number, Uint8Array>();
const resolveFramework = (id: string) => [...frameworks.values()].find((f) => f.id === id);

beforeAll(async () => {
  for (const n of SIZES)
    templates.set(
      n,
      await renderTemplate(frameworks.get(n)!, UNIT, { generatedAt: '2026-11-22T08:00:00.000Z' }),
    );
});

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  forgetOwnWrites();
});

/** A fake Excel with the template of `n` leaves open, installed as the Office.js globals. */
async function openTemplate(n: number, supported?: Record<string, string>): Promise<FakeExcel> {
  const fake = createFakeExcel({ supported });
  await fake.open(templates.get(n)!);
  restore = fake.install();
  fake.resetStats();
  return fake;
}

function cellOf(fake: FakeExcel, sheet: string, address: string) {
  const rect = parseLocal(address)!;
  return fake.model.getSheet(sheet).peek(rect.row, rect.col);
}

/** Runs `op` at both sizes; returns the per-size sync counts after checking they agree and are ≤ 3. */
async function sameSyncsAtBothSizes(op: (n: number) => Promise<FakeExcel>): Promise<number> {
  const counts: number[] = [];
  for (const n of SIZES) {
    const fake = await op(n);
    counts.push(fake.stats.syncs + fake.stats.createWorkbook);
    restore?.();
    restore = undefined;
  }
  expect(counts[0]).toBe(counts[1]);
  expect(counts[0]).toBeLessThanOrEqual(3);
  return counts[0]!;
}

describe('generate', () => {
  it('opens the shared renderer’s bytes as a new workbook: no sync, one createWorkbook', async () => {
    await sameSyncsAtBothSizes(async (n) => {
      const fake = createFakeExcel();
      restore = fake.install();
      const result = await generateTemplate(frameworks.get(n)!, UNIT, {
        template: { generatedAt: '2026-11-22T08:00:00.000Z' },
      });
      expect(result).toEqual({ mode: 'newWorkbook', degraded: false });
      expect(fake.stats).toMatchObject({ syncs: 0, createWorkbook: 1 });
      // The workbook Excel received is the renderer's file: open it and read it back.
      expect(fake.created[0]!.workbook.getWorksheet(SHEET_SCORE)?.getCell('A4').value).toBe('Mã');
      const opened = createFakeExcel();
      await opened.open(fake.created[0]!.bytes);
      expect(opened.model.findSheet(SHEET_SCORE)).toBeDefined();
      expect(opened.model.getSheet(SHEET_META).visibility).toBe('VeryHidden');
      return fake;
    });
  });

  it('inserts into the open workbook with ExcelApi 1.13, and degrades to a new workbook without it', async () => {
    const bytes = templates.get(10)!;
    const modern = createFakeExcel({ supported: { ExcelApi: '1.13' } });
    restore = modern.install();
    await expect(openTemplateBytes(bytes, { into: 'current' })).resolves.toEqual({
      mode: 'insertedSheets',
      degraded: false,
      repaired: '',
    });
    expect(modern.stats.syncs).toBe(2);
    expect(modern.model.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Sheet1', SHEET_SCORE, SHEET_META]),
    );
    // A second insertion would clash with the sheets now there: refused with a message, nothing added.
    await expect(openTemplateBytes(bytes, { into: 'current' })).rejects.toMatchObject({
      reason: 'sheetExists',
    });
    restore();

    const old = createFakeExcel();
    restore = old.install();
    await expect(openTemplateBytes(bytes, { into: 'current' })).resolves.toEqual({
      mode: 'newWorkbook',
      degraded: true,
      degradedReason: 'requirementSet',
    });
    expect(old.created).toHaveLength(1);
    expect(old.model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('generate into the open workbook: the documented limits of insertWorksheetsFromBase64', () => {
  const template = { generatedAt: '2026-11-22T08:00:00.000Z' };
  const score = () => frameworks.get(10)!;
  /** The defined names of the inserted template, as Excel reports them. */
  // Quotes around a sheet name are optional ("=_meta!…" = "='_meta'!…").
  const namesOf = (fake: FakeExcel) =>
    Object.fromEntries(fake.model.names.map((n) => [n.name, n.formula.replace(/'/g, '')]));
  let expectedNames: Record<string, string>;
  beforeAll(async () => {
    const fine = createFakeExcel({ supported: { ExcelApi: '1.13' } });
    const undo = fine.install();
    await generateTemplate(score(), UNIT, { into: 'current', template });
    undo();
    expectedNames = namesOf(fine);
  });

  it('keeps names, protection and unlocked input cells where Excel keeps them: two syncs, nothing repaired', async () => {
    const fake = createFakeExcel({ supported: { ExcelApi: '1.13' } });
    restore = fake.install();
    await expect(generateTemplate(score(), UNIT, { into: 'current', template })).resolves.toEqual({
      mode: 'insertedSheets',
      degraded: false,
      repaired: '',
    });
    expect(fake.stats.syncs).toBe(2);
    expect(Object.keys(expectedNames).length).toBeGreaterThanOrEqual(6);
    expect(Object.values(expectedNames).join(' ')).not.toContain('#REF!');
  });

  for (const lost of ['ref', 'dropped'] as const) {
    it(`re-creates workbook names Excel ${lost === 'ref' ? 'turned into #REF!' : 'dropped'} (office-js#3583, #4772), and checks them`, async () => {
      const fake = createFakeExcel({ supported: { ExcelApi: '1.13' }, insertLimits: { names: lost } });
      restore = fake.install();
      const result = await generateTemplate(score(), UNIT, { into: 'current', template });
      expect(fake.stats.syncs).toBe(3);
      expect(result.mode).toBe('insertedSheets');
      expect(result.repaired).toMatch(/^tên vùng CCHC_/);
      expect(namesOf(fake)).toEqual(expectedNames);
      // The names work again: the read finds the template through them.
      await expect(readOpenTemplate({ resolveFramework })).resolves.toMatchObject({ ok: true });
    });
  }

  it('re-protects the sheets and unlocks the input cells Excel on the web lost (office-js#1565)', async () => {
    const fake = createFakeExcel({ supported: { ExcelApi: '1.13' }, platform: 'OfficeOnline' });
    restore = fake.install();
    const result = await generateTemplate(score(), UNIT, { into: 'current', template });
    expect(fake.stats.syncs).toBe(3);
    expect(result.repaired).toMatch(/bảo vệ trang [^;]*Chấm điểm/);
    expect(result.repaired).toMatch(/ô nhập liệu mở khóa/);
    const sheet = fake.model.getSheet(SHEET_SCORE);
    expect(sheet.protection.protected).toBe(true);
    const read = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
    const selfCells = Object.values(read.scoresheet.cells!)
      .map((c) => c.self)
      .filter((c): c is string => !!c);
    expect(selfCells.length).toBeGreaterThan(0);
    for (const c of selfCells) expect(cellOf(fake, SHEET_SCORE, c.split('!')[1]!).locked).toBe(false);
    // A total (parent) row stays locked.
    expect(cellOf(fake, SHEET_SCORE, 'A1').locked).toBe(true);
    // The user can type into an input cell and not into a formula cell.
    await expect(
      fake.simulateUserEdit(SHEET_SCORE, selfCells[0]!.split('!')[1]!, 1),
    ).resolves.toBeUndefined();
  });

  it('on iPad (reports ExcelApi 1.13, has no insert) opens a new workbook instead, without trying', async () => {
    const fake = createFakeExcel({ supported: { ExcelApi: '1.13' }, platform: 'iOS' });
    restore = fake.install();
    // The fake itself refuses the insert there, as the iPad does.
    await expect(
      fake.Excel.run(async (ctx: { workbook: unknown; sync(): Promise<void> }) => {
        (ctx.workbook as unknown as Excel.Workbook).insertWorksheetsFromBase64('');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    fake.resetStats();
    await expect(generateTemplate(score(), UNIT, { into: 'current', template })).resolves.toEqual({
      mode: 'newWorkbook',
      degraded: true,
      degradedReason: 'platform',
    });
    expect(fake.stats).toMatchObject({ syncs: 0, createWorkbook: 1 });
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('falls back to a new workbook when Excel answers that the insert API is not there', async () => {
    // An unknown platform (no platform name) with the iPad's behaviour: found only at run time.
    const fake = createFakeExcel({ supported: { ExcelApi: '1.13' }, insertLimits: { available: false } });
    restore = fake.install();
    const host = { ...officeHost(), platform: () => null };
    await expect(generateTemplate(score(), UNIT, { into: 'current', template }, host)).resolves.toEqual({
      mode: 'newWorkbook',
      degraded: true,
      degradedReason: 'apiMissing',
    });
    expect(fake.created).toHaveLength(1);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('below ExcelApi 1.8 says that Excel cannot open a new workbook (the pane downloads the file)', async () => {
    const fake = createFakeExcel({ supported: { ExcelApi: '1.7' } });
    restore = fake.install();
    await expect(generateTemplate(score(), UNIT, { template })).rejects.toMatchObject({
      reason: 'unsupported',
      message: expect.stringMatching(/cần ExcelApi 1\.8/),
    });
    expect(fake.stats.createWorkbook).toBe(0);
  });
});

describe('read', () => {
  it('reads the used range and _meta in one sync, and the engine sees every leaf', async () => {
    const syncs = await sameSyncsAtBothSizes(async (n) => {
      const fake = await openTemplate(n);
      const fw = frameworks.get(n)!;
      const first = leaves(fw).find((l) => !isSurveyLeaf(l))!;
      const read = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
      expect(read.ok).toBe(true);
      expect(read.framework.id).toBe(fw.id);
      expect(read.structureProblems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(Object.keys(read.scoresheet.entries)).toHaveLength(n);
      expect(read.scoresheet.unit).toEqual(UNIT);
      expect(read.totals.max).toBe(n * 2);
      // A score typed by the user is read back, and a bad one comes with its cell.
      const selfCell = read.scoresheet.cells![first.code]!.self!;
      const local = selfCell.split('!')[1]!;
      await fake.simulateUserEdit(SHEET_SCORE, local, 1.5);
      fake.resetStats();
      const again = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
      expect(again.scoresheet.entries[first.code]!.self).toBe(1.5);
      expect(again.totals.self).toBe(1.5);
      // The template's own SUM of the criterion follows, as it would in Excel.
      const parentRow = again.layout!.rows['1.1']!;
      expect(
        fake.model.getSheet(SHEET_SCORE).peek(parentRow - 1, again.layout!.columns.self! - 1).value,
      ).toBe(1.5);
      await fake.simulateUserEdit(SHEET_SCORE, local, 7);
      fake.resetStats();
      const bad = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
      expect(
        bad.problems.some((p) => p.severity === 'error' && p.code === first.code && p.cell === selfCell),
      ).toBe(true);
      return fake;
    });
    expect(syncs).toBe(1);
  });

  it('reports a formula typed into an input cell (values and formulas come in the same sync)', async () => {
    const fake = await openTemplate(10);
    const read = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
    const code = leaves(frameworks.get(10)!).find((l) => !isSurveyLeaf(l))!.code;
    const local = read.scoresheet.cells![code]!.self!.split('!')[1]!;
    await fake.simulateUserEdit(SHEET_SCORE, local, '=1+1');
    const after = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
    expect(after.problems.map((p) => p.rule)).toContain('structure.formulaInInput');
  });

  it('reads a template with a stray value far below the table within the payload limit', async () => {
    const fake = await openTemplate(200);
    // The user removed the (password-less) protection and typed far away.
    fake.model.getSheet(SHEET_SCORE).protection.protected = false;
    await fake.simulateUserEdit(SHEET_SCORE, 'L900000', 'x');
    const read = await readOpenTemplate({ resolveFramework });
    expect(read.ok).toBe(true);
    // Without the window the same read is too big for Excel on the web.
    await expect(
      fake.Excel.run(async (ctx: Excel.RequestContext) => {
        ctx.workbook.worksheets.getItem(SHEET_SCORE).getUsedRange(true).load('values, formulas');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('says clearly when the open workbook is not one of our templates, or its framework is unknown', async () => {
    const blank = createFakeExcel();
    restore = blank.install();
    const r = await readOpenTemplate({ resolveFramework });
    expect(r).toMatchObject({ ok: false, reason: 'notTemplate' });
    expect(!r.ok && r.message).toMatch(/không phải mẫu chấm điểm CCHC.*Chấm điểm/);
    expect(blank.stats.syncs).toBe(1);
    restore();
    await openTemplate(10);
    await expect(readOpenTemplate({ resolveFramework: () => undefined })).resolves.toMatchObject({
      ok: false,
      reason: 'unknownFramework',
    });
  });
});

describe('survey', () => {
  it('writes survey points with one 2-D write per run of rows, re-protecting the sheet', async () => {
    const syncs = await sameSyncsAtBothSizes(async (n) => {
      const fake = await openTemplate(n);
      const surveyLeaves = leaves(frameworks.get(n)!).filter(isSurveyLeaf);
      const points = Object.fromEntries(
        surveyLeaves.map((l, i) => [l.code, Math.round((1 + (i % 4) * 0.25) * 100) / 100]),
      );
      const result = await writeSurveyPoints(points, { resolveFramework });
      expect(result.written.sort()).toEqual(Object.keys(points).sort());
      expect(result.blocks).toBeGreaterThanOrEqual(1);
      expect(fake.model.getSheet(SHEET_SCORE).protection.protected).toBe(true);
      const syncsOfWrite = fake.stats.syncs;
      fake.resetStats();
      const read = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
      for (const l of surveyLeaves) {
        expect(read.scoresheet.entries[l.code]!.survey).toBe(points[l.code]);
        const cell = read.scoresheet.cells![l.code]!.survey!.split('!')[1]!;
        expect(cellOf(fake, SHEET_SCORE, cell).numberFormat).toBe('0.00');
      }
      fake.resetStats();
      fake.stats.syncs = syncsOfWrite;
      return fake;
    });
    expect(syncs).toBe(2);
  });

  it('writes one block for consecutive survey rows and refuses a leaf that is not a survey leaf', async () => {
    await openTemplate(10);
    const fw = frameworks.get(10)!;
    const [a, b] = leaves(fw).filter(isSurveyLeaf);
    const result = await writeSurveyPoints({ [a!.code]: 1, [b!.code]: 2 }, { resolveFramework });
    // Survey leaves 1.1.5 and 1.2.5 are not on consecutive rows: two writes.
    expect(result.blocks).toBe(2);
    const self = leaves(fw).find((l) => !isSurveyLeaf(l))!;
    await expect(writeSurveyPoints({ [self.code]: 1 }, { resolveFramework })).rejects.toMatchObject({
      reason: 'badInput',
    });
  });

  it('fails with a Vietnamese message when the sheet has a password the adapter cannot remove', async () => {
    const fake = await openTemplate(10);
    fake.model.getSheet(SHEET_SCORE).protection.password = 'bí mật';
    const code = leaves(frameworks.get(10)!).find(isSurveyLeaf)!.code;
    await expect(writeSurveyPoints({ [code]: 1 }, { resolveFramework })).rejects.toThrow(
      /Ghi điểm điều tra XHH: Excel từ chối/,
    );
  });
});

describe('ranking', () => {
  it('writes the Xếp hạng sheet from the shared plan, one block per group, with a bar chart per group', async () => {
    const syncs = await sameSyncsAtBothSizes(async (n) => {
      const fake = await openTemplate(10);
      const units = rankedUnits(n);
      const plan = buildRankingPlan(units, frameworks.get(10)!);
      const result = await writeRankingSheet(plan);
      expect(result).toEqual({ sheetName: RANKING_SHEET, blocks: plan.blocks.length + 1, charts: 2 });
      const sheet = fake.model.getSheet(RANKING_SHEET);
      // Every plan cell is in the sheet: numbers as numbers with the plan's format, text as text.
      plan.rows.forEach((row, r) =>
        row.cells.forEach((v, c) => {
          const cell = sheet.peek(r, c);
          expect(cell.value).toBe(v === null ? '' : v);
          if (v !== null) expect(cell.numberFormat).toBe(row.formats[c]);
        }),
      );
      const indexCol = plan.columns.findIndex((c) => c.key === 'index');
      expect(sheet.peek(plan.blocks[0]!.firstUnitRow, indexCol).numberFormat).toBe('0.00');
      expect(sheet.charts.map((c) => c.type)).toEqual(['BarClustered', 'BarClustered']);
      const b = plan.blocks[0]!;
      expect(sheet.charts[0]!.series[0]!.values).toBe(
        `'Xếp hạng'!${columnLetters(indexCol + 1)}${b.firstUnitRow + 1}:${columnLetters(indexCol + 1)}${b.lastUnitRow + 1}`,
      );
      expect(fake.model.activeSheet?.name).toBe(RANKING_SHEET);
      return fake;
    });
    expect(syncs).toBe(2);
  });

  it('replaces a previous ranking (fewer units, old charts gone) and keeps "=…" names as text', async () => {
    const fake = await openTemplate(10);
    await writeRankingSheet(buildRankingPlan(rankedUnits(40), frameworks.get(10)!));
    const units = rankedUnits(4);
    units[0]!.unit = '=Sở X';
    const plan = buildRankingPlan(units, frameworks.get(10)!);
    await writeRankingSheet(plan);
    const sheet = fake.model.getSheet(RANKING_SHEET);
    expect(sheet.charts).toHaveLength(2);
    expect(sheet.usedRect(true)!.rowEnd).toBe(plan.rows.length - 1);
    const unitCol = plan.columns.findIndex((c) => c.key === 'unit');
    const row = plan.rows.findIndex((r) => r.cells[unitCol] === '=Sở X');
    expect(sheet.peek(row, unitCol)).toMatchObject({ value: '=Sở X', formula: undefined });
  });
});

describe('ranking on hosts that fail batches chaining on a missing sheet, or lack ExcelApi 1.7', () => {
  it('creates the sheet when Excel fails the batch that loads charts and protection of a null object', async () => {
    const strict = createFakeExcel({ nullChaining: 'fail' });
    restore = strict.install();
    await strict.open(templates.get(10)!);
    strict.resetStats();
    const plan = buildRankingPlan(rankedUnits(10), frameworks.get(10)!);
    await expect(writeRankingSheet(plan)).resolves.toMatchObject({ sheetName: RANKING_SHEET, charts: 2 });
    expect(strict.stats.syncs).toBe(3);
    // A second write finds the sheet (and its charts) in the normal two syncs.
    strict.resetStats();
    await writeRankingSheet(plan);
    expect(strict.stats.syncs).toBe(2);
    expect(strict.model.getSheet(RANKING_SHEET).charts).toHaveLength(2);
  });

  it('writes the table without charts below ExcelApi 1.7 (no series categories there)', async () => {
    const fake = await openTemplate(10, { ExcelApi: '1.6' });
    const result = await writeRankingSheet(buildRankingPlan(rankedUnits(10), frameworks.get(10)!));
    expect(result.charts).toBe(0);
    expect(fake.model.getSheet(RANKING_SHEET).charts).toHaveLength(0);
  });
});

describe('go to a cell, highlight errors', () => {
  it('selects and activates the cell of a problem in one sync', async () => {
    const fake = await openTemplate(10);
    await goToCell('Chấm điểm!E12');
    expect(fake.stats.syncs).toBe(1);
    expect(fake.model.activeSheet?.name).toBe(SHEET_SCORE);
    expect(fake.model.selection?.rect).toEqual(parseLocal('E12'));
    await expect(goToCell('Không có!A1')).rejects.toMatchObject({ reason: 'sheetMissing' });
    // `_meta` is very hidden: Excel refuses to activate it, and the user gets a sentence, not a code.
    await expect(goToCell('_meta!B3')).rejects.toThrow(/đang bị ẩn/);
    await expect(goToCell('Chấm điểm!ZZZZ1')).rejects.toMatchObject({ reason: 'badAddress' });
  });

  it('highlights error cells on the protected sheet and restores their fills, in constant syncs', async () => {
    await sameSyncsAtBothSizes(async (n) => {
      const fake = await openTemplate(n);
      const read = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
      const cells = Object.values(read.scoresheet.cells!).map((c) => (c.self ?? c.survey)!);
      const before = cells.map((c) => cellOf(fake, SHEET_SCORE, c.split('!')[1]!).fill);
      fake.resetStats();
      await expect(highlightCells(cells)).resolves.toBe(n);
      const highlightSyncs = fake.stats.syncs;
      expect(highlightSyncs).toBe(2);
      for (const c of cells) expect(cellOf(fake, SHEET_SCORE, c.split('!')[1]!).fill).toBe(ERROR_FILL);
      expect(fake.model.getSheet(SHEET_SCORE).protection.protected).toBe(true);
      fake.resetStats();
      await expect(clearHighlights()).resolves.toBe(n);
      expect(fake.stats.syncs).toBe(2);
      expect(cells.map((c) => cellOf(fake, SHEET_SCORE, c.split('!')[1]!).fill)).toEqual(before);
      fake.stats.syncs = highlightSyncs;
      return fake;
    });
  });
});

describe('watch', () => {
  afterEach(() => jest.useRealTimers());

  for (const version of ['1.9', '1.14']) {
    it(`calls back once per burst of user edits and ignores the add-in's own writes (ExcelApi ${version})`, async () => {
      const fake = await openTemplate(10, { ExcelApi: version });
      // Only the debounce timer is faked: exceljs and promise plumbing keep the real ones.
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      const calls: string[][] = [];
      const watch = await watchScoreSheet((a) => void calls.push(a), { debounceMs: 300 });
      expect(fake.stats.syncs).toBeLessThanOrEqual(3);
      const read = (await readOpenTemplate({ resolveFramework })) as ReadSuccess;
      const codes = leaves(frameworks.get(10)!)
        .filter((l) => !isSurveyLeaf(l))
        .map((l) => l.code);
      const [c1, c2] = codes.map((c) => read.scoresheet.cells![c]!.self!.split('!')[1]!);
      await fake.simulateUserEdit(SHEET_SCORE, c1!, 1);
      await fake.simulateUserEdit(SHEET_SCORE, c2!, 0.5);
      expect(calls).toEqual([]);
      jest.advanceTimersByTime(300);
      expect(calls).toEqual([[c1, c2]]);

      const survey = leaves(frameworks.get(10)!).find(isSurveyLeaf)!.code;
      await writeSurveyPoints({ [survey]: 1.25 }, { resolveFramework });
      await fake.flushEvents();
      jest.advanceTimersByTime(1000);
      expect(calls).toHaveLength(1);

      await watch.stop();
      await fake.simulateUserEdit(SHEET_SCORE, c1!, 2);
      jest.advanceTimersByTime(1000);
      expect(calls).toHaveLength(1);
    });
  }

  it('still says "not a template" when Excel fails a batch that chains calls on a missing sheet', async () => {
    // Real Excel may fail the batch instead of returning null objects for methods of a null
    // object; the read then pays one more, cheap sync, only for a workbook that is not ours.
    const strict = createFakeExcel({ nullChaining: 'fail' });
    restore = strict.install();
    const r = await readOpenTemplate({ resolveFramework });
    expect(r).toMatchObject({ ok: false, reason: 'notTemplate' });
    expect(!r.ok && r.message).toMatch(/không có trang "Chấm điểm"/);
    // The hidden sheet is not named to the user: they cannot see it.
    expect(!r.ok && r.message).not.toContain('_meta');
    expect(strict.stats.syncs).toBe(2);
  });

  it('reads a template in one sync even when Excel fails batches that chain on null objects', async () => {
    const strict = createFakeExcel({ nullChaining: 'fail' });
    restore = strict.install();
    await strict.open(templates.get(10)!);
    strict.resetStats();
    const r = await readOpenTemplate({ resolveFramework });
    expect(r.ok).toBe(true);
    expect(strict.stats.syncs).toBe(1);
  });

  it('says that live checking needs ExcelApi 1.7 instead of registering a handler Excel lacks', async () => {
    const fake = await openTemplate(10, { ExcelApi: '1.6' });
    await expect(watchScoreSheet(() => undefined)).rejects.toMatchObject({
      reason: 'unsupported',
      message: expect.stringMatching(/Kiểm tra lại/),
    });
    expect(fake.stats.syncs).toBe(0);
  });

  it('refuses to watch a workbook without the scoring sheet', async () => {
    const fake = createFakeExcel();
    restore = fake.install();
    await expect(watchScoreSheet(() => undefined)).rejects.toMatchObject({ reason: 'notTemplate' });
  });
});

it('base64 of a template round-trips through the fake', async () => {
  const fake = createFakeExcel();
  await fake.Excel.createWorkbook(bytesToBase64(templates.get(10)!));
  expect(fake.created[0]!.bytes).toEqual(templates.get(10));
});
