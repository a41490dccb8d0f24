/**
 * A folder of returned workbooks for the consolidation tests, built from the generator (never
 * hand-made binaries): templates rendered by src/xlsx/render.ts, filled by a second writer
 * (src/xlsx/sample-returns.ts), and broken on purpose in every way DESIGN.md lists. The expected
 * status and reason of each file, and the expected index of each good unit (worked out by hand
 * below), are returned with it.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { getBuiltinFramework } from '../../src/framework/builtins';
import type { UnitRef } from '../../src/scoring/types';
import { renderTemplate } from '../../src/xlsx/render';
import { fillReturnedWorkbook, type FillOptions, type ReturnedEntries } from '../../src/xlsx/sample-returns';
import { smallFramework } from '../helpers/small-framework';

export const FIXED_TIME = '2026-11-22T08:00:00.000Z';

/**
 * Self scores that pass every rule of the small framework. A unit's own return carries no
 * appraisal (its council columns are locked: DESIGN.md "Who may write what").
 */
function goodEntries(over: ReturnedEntries = {}): ReturnedEntries {
  return {
    '1.1': { self: 7.5, explanation: 'Kế hoạch ban hành trễ.' },
    '1.2.1': { self: 10 },
    '1.2.2': { self: 9.5 },
    '2.1': { self: 18 },
    ...over,
  };
}

export interface FixtureFile {
  name: string;
  status: 'accepted' | 'rejected' | 'duplicate' | 'unreadable';
  /** Rules expected among the file's errors. */
  rules: string[];
  unitCode?: string;
}

export interface FixtureFolder {
  dir: string;
  files: FixtureFile[];
  surveyPath: string;
  frameworkPath: string;
  /** Expected index per unit code with the survey file given. */
  expectedIndex: Record<string, number>;
}

async function returned(
  unit: UnitRef,
  entries: ReturnedEntries,
  options: FillOptions = {},
): Promise<Uint8Array> {
  const template = await renderTemplate(smallFramework, unit, { generatedAt: FIXED_TIME });
  return fillReturnedWorkbook(template, entries, options);
}

export async function buildFixtureFolder(
  root: string,
  options: { hugeFile?: boolean } = {},
): Promise<FixtureFolder> {
  const dir = join(root, 'nop');
  await fs.mkdir(dir, { recursive: true });
  const files: FixtureFile[] = [];
  const put = async (name: string, bytes: Uint8Array, expected: Omit<FixtureFile, 'name'>) => {
    await fs.writeFile(join(dir, name), bytes);
    files.push({ name, ...expected });
  };
  const so = (code: string, name: string): UnitRef => ({ code, name, group: 'so' });
  const huyen = (code: string, name: string): UnitRef => ({ code, name, group: 'huyen' });

  // Good files.
  await put('S01-gtvt.xlsx', await returned(so('S01', 'Sở Giao thông Vận tải'), goodEntries()), {
    status: 'accepted',
    rules: [],
    unitCode: 'S01',
  });
  // No appraisal yet: the self scores stand in (a warning, not an error).
  await put(
    'S02-tu-phap.xlsx',
    await returned(so('S02', 'Sở Tư pháp'), {
      '1.1': { self: 9 },
      '1.2.1': { self: 5 },
      '1.2.2': { self: 10 },
      '2.1': { self: 20 },
    }),
    {
      status: 'accepted',
      rules: [],
      unitCode: 'S02',
    },
  );
  // A unit name that looks like a formula must come out as text everywhere.
  await put('S03-formula-name.xlsx', await returned(so('S03', '=Sở Nội vụ'), goodEntries()), {
    status: 'accepted',
    rules: [],
    unitCode: 'S03',
  });
  await put('S99-thanh-tra.xlsx', await returned(so('S99', 'Thanh tra tỉnh'), goodEntries()), {
    status: 'accepted',
    rules: [],
    unitCode: 'S99',
  });
  await put(
    'H01-chau-phu.xlsx',
    await returned(huyen('H01', 'Châu Phú'), goodEntries({ '2.2': { self: 10 } })),
    {
      status: 'accepted',
      rules: [],
      unitCode: 'H01',
    },
  );
  await put(
    'H02-tan-chau.xlsx',
    await returned(huyen('H02', 'Tân Châu'), goodEntries({ '2.2': { self: 5 } })),
    {
      status: 'accepted',
      rules: [],
      unitCode: 'H02',
    },
  );

  // Rejected: rule errors and edited structure.
  await put(
    'S04-edited-max.xlsx',
    await returned(so('S04', 'Sở Xây dựng'), goodEntries(), { maxOverrides: { '2.1': 30 } }),
    {
      status: 'rejected',
      rules: ['structure.maxChanged'],
      unitCode: 'S04',
    },
  );
  await put(
    'S05-deleted-row.xlsx',
    await returned(so('S05', 'Sở Y tế'), goodEntries(), { deleteRows: ['1.2.2'] }),
    {
      status: 'rejected',
      rules: ['structure.rowMissing'],
      unitCode: 'S05',
    },
  );
  await put(
    'S06-bad-scores.xlsx',
    await returned(
      so('S06', 'Sở Tài chính'),
      goodEntries({
        '1.1': { self: 'hai' },
        '1.2.2': { self: { formula: '5+4' } },
        '2.1': { self: 25 },
      }),
    ),
    {
      status: 'rejected',
      rules: ['value.notANumber', 'structure.formulaInInput', 'score.aboveMax'],
      unitCode: 'S06',
    },
  );
  // Made from another framework (a real one, valid in itself).
  const other = getBuiltinFramework('an-giang-2022');
  if (!other) throw new Error('an-giang-2022 missing');
  await put(
    'S07-other-framework.xlsx',
    await renderTemplate(other, so('S07', 'Sở Công Thương'), { generatedAt: FIXED_TIME }),
    {
      status: 'rejected',
      rules: ['structure.otherFramework'],
      unitCode: 'S07',
    },
  );

  // Duplicates: two files for one unit, neither chosen.
  await put(
    'H03-chau-thanh-a.xlsx',
    await returned(huyen('H03', 'Châu Thành'), goodEntries({ '2.2': { self: 10 } })),
    {
      status: 'duplicate',
      rules: ['file.duplicate'],
      unitCode: 'H03',
    },
  );
  await put(
    'H03-chau-thanh-b.xlsx',
    await returned(huyen('H03', 'Châu Thành'), goodEntries({ '2.2': { self: 7.5 } })),
    {
      status: 'duplicate',
      rules: ['file.duplicate'],
      unitCode: 'H03',
    },
  );

  // Unreadable.
  const good = await fs.readFile(join(dir, 'S01-gtvt.xlsx'));
  await put('not-a-zip.xlsx', new TextEncoder().encode('Đây là tệp văn bản đổi đuôi thành .xlsx\n'), {
    status: 'unreadable',
    rules: ['file.notZip'],
  });
  await put('truncated.xlsx', new Uint8Array(good.subarray(0, Math.floor(good.length / 2))), {
    status: 'unreadable',
    rules: ['file.corrupt'],
  });
  const ole = new Uint8Array(8192);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await put('password.xlsx', ole, { status: 'unreadable', rules: ['file.encrypted'] });
  const bomb = new JSZip();
  bomb.file('[Content_Types].xml', '<Types/>');
  bomb.file('xl/workbook.xml', '<workbook/>');
  bomb.file('xl/sharedStrings.xml', new Uint8Array(8 * 1024 * 1024));
  await put(
    'bomb.xlsx',
    await bomb.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    }),
    {
      status: 'unreadable',
      rules: ['file.bomb'],
    },
  );
  const notTemplate = new JSZip();
  notTemplate.file('[Content_Types].xml', '<Types/>');
  notTemplate.file('xl/workbook.xml', '<workbook/>');
  await put('plain-zip.xlsx', await notTemplate.generateAsync({ type: 'uint8array' }), {
    status: 'unreadable',
    rules: [],
  });
  if (options.hugeFile) {
    // 50 MB: refused on its size alone (the file is sparse on disk; it is never read).
    const handle = await fs.open(join(dir, 'huge.xlsx'), 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    files.push({ name: 'huge.xlsx', status: 'unreadable', rules: ['file.tooLarge'] });
  }

  // The survey file as organisers send it: ";" separated, decimal commas, an NFD name, an
  // abbreviation, "UBND huyện X" for a district named "X", a row for a unit that does not exist,
  // and no row for Tân Châu (H02).
  const surveyPath = join(root, 'dieu-tra-xhh.csv');
  const survey = [
    'STT;Tên đơn vị;Tỷ lệ hài lòng SIPAS (%)',
    '1;Sở GTVT;91,17',
    `2;${'Sở Tư pháp'.normalize('NFD')};80`,
    '3;=Sở Nội vụ;85,5',
    '4;Thanh tra tỉnh;88',
    '5;UBND huyện Châu Phú;75,25',
    '6;Sở Ngoại vụ;90',
  ].join('\r\n');
  await fs.writeFile(surveyPath, `\uFEFF${survey}\r\n`);
  const frameworkPath = join(root, 'test-small.json');
  await fs.writeFile(frameworkPath, JSON.stringify(smallFramework, null, 2));

  // Worked out by hand (max: so 90 — 2.2 applies to huyện only —, huyện 100):
  // S01 appraised 7.5 + 10 + 9.5 + 18 = 45; SIPAS 91.17 % → 24 × 0.9117 = 21.88, 16 × 0.9117 = 14.59;
  //     total 81.47 / 90 = 90.52 %.
  // S02 not appraised: self 9 + 5 + 10 + 20 = 44; 80 % → 19.2 + 12.8 = 32; 76 / 90 = 84.44 %.
  // S03 45 + 85.5 % (20.52 + 13.68 = 34.2) = 79.2 / 90 = 88 %.
  // S99 45 + 88 % (21.12 + 14.08 = 35.2) = 80.2 / 90 = 89.11 % (not ranked).
  // H01 45 + 10 = 55; 75.25 % → 18.06 + 12.04 = 30.1; 85.1 / 100 = 85.1 %.
  // H02 45 + 5 = 50; no survey row → 0; 50 %.
  const expectedIndex = { S01: 90.52, S02: 84.44, S03: 88, S99: 89.11, H01: 85.1, H02: 50 };
  return { dir, files, surveyPath, frameworkPath, expectedIndex };
}

/** SHA-256 of every file in a folder, to prove consolidation never writes to its inputs. */
export async function hashFolder(dir: string): Promise<Record<string, string>> {
  const { createHash } = await import('node:crypto');
  const out: Record<string, string> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    out[name] = createHash('sha256')
      .update(await fs.readFile(join(dir, name)))
      .digest('hex');
  }
  return out;
}
