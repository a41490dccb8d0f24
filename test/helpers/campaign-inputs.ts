/**
 * The inputs the CLI-and-pane campaign tests start from, written once: the framework and unit list
 * `cchc campaign init` reads, the self-assessment every unit returns, the clock, and the two late
 * returns (SNV, STP) of the "đợt muộn" campaign whose self-assessment deadline passed before NOW.
 * The CLI and the pane must be given the same files on the same clock, so one source keeps them so.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTemplate } from '../../src/xlsx/render';
import { fillReturnedWorkbook } from '../../src/xlsx/sample-returns';
import { campaignFramework } from '../campaign/fixtures';

/** The tests' clock (CCHC_NOW for the CLI, the pane's clock): 09:00 on 05/03/2026 in Việt Nam. */
export const NOW = '2026-03-05T02:00:00.000Z';
/** Every returned file's modification time: what orders two returns of one unit. */
export const FILE_TIME = new Date('2026-03-04T09:30:00.000Z');

/** A complete self-assessment of the campaign framework, with evidence. */
export const SELF = {
  '1.1': { self: 8, evidence: 'KH 1' },
  '1.2.1': { self: 10, evidence: 'BC' },
  '1.2.2': { self: 9, evidence: 'BC' },
  '2.1': { self: 18, evidence: 'Cổng' },
};

/** The campaign's units as the pane's form takes them… */
export const UNITS_TEXT = 'SNV; Sở Nội vụ; so\nSTP; Sở Tư pháp; so\nCD; Huyện Châu Đốc; huyen';
/** …and as `cchc campaign init --units` reads them. */
const UNITS_CSV = 'code,name,group\nSNV,Sở Nội vụ,so\nSTP,Sở Tư pháp,so\nCD,Huyện Châu Đốc,huyen\n';

/** Writes fw.json and units.csv into `root`: what `cchc campaign init` is given. */
export function writeInitInputs(root: string): void {
  writeFileSync(join(root, 'fw.json'), JSON.stringify(campaignFramework));
  writeFileSync(join(root, 'units.csv'), UNITS_CSV);
}

/** A unit's template made at NOW and returned filled with `entries` (default SELF). */
export async function unitReturn(
  unit: { code: string; name: string; group: string },
  entries: Parameters<typeof fillReturnedWorkbook>[1] = SELF,
): Promise<Uint8Array> {
  return fillReturnedWorkbook(await renderTemplate(campaignFramework, unit, { generatedAt: NOW }), entries);
}

/** Writes `bytes` as `dir/name`, dated FILE_TIME. */
export function writeReturn(dir: string, name: string, bytes: Uint8Array): void {
  writeFileSync(join(dir, name), bytes);
  utimesSync(join(dir, name), FILE_TIME, FILE_TIME);
}

/** The late campaign's id and `cchc campaign init` arguments (folder `muon`, deadline 01/03/2026). */
export const LATE_ID = 'dot-muon-2026';
export const LATE_TITLE = 'Đợt muộn 2026';
export const LATE_DEADLINE = '2026-03-01';
export const LATE_INIT = [
  ...['campaign', 'init', 'muon', '--framework', 'fw.json', '--units', 'units.csv', '--id', LATE_ID],
  ...['--title', LATE_TITLE, '--deadline', `chot-tu-cham=${LATE_DEADLINE}`],
];

/** Reopens Tự chấm for STP until 20/03/2026 (the pane's form is filled with the same). */
export const LATE_REOPEN = [
  ...['campaign', 'reopen', 'tu-cham', '--unit', 'STP'],
  ...['--until', '2026-03-20', '--reason', 'Cho nộp lại'],
];

/** SNV's and STP's self-assessments, returned after the deadline; written into `dir`. */
export async function lateReturns(dir: string): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const [name, code, unit] of [
    ['snv-muon.xlsx', 'SNV', 'Sở Nội vụ'],
    ['stp-muon.xlsx', 'STP', 'Sở Tư pháp'],
  ] as const) {
    files[name] = await unitReturn({ code, name: unit, group: 'so' });
    writeReturn(dir, name, files[name]!);
  }
  return files;
}

/** `files` as the pane is given them (picked or dropped), dated FILE_TIME like those on disk. */
export function pickedFiles(files: Record<string, Uint8Array>) {
  return Object.entries(files).map(([name, bytes]) => ({
    name,
    size: bytes.length,
    lastModified: FILE_TIME.getTime(),
    bytes: async () => bytes,
  }));
}

/**
 * Sets CCHC_NOW to NOW for the CLI runs of the enclosing describe block, and puts it back after.
 * Call at the top of the block.
 */
export function cliClockAtNow(): void {
  const before = process.env.CCHC_NOW;
  beforeAll(() => {
    process.env.CCHC_NOW = NOW;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.CCHC_NOW;
    else process.env.CCHC_NOW = before;
  });
}
