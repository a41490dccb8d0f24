/**
 * Shared fixtures of the campaign tests: a small framework with a deduction leaf, an in-memory
 * campaign folder, a fixed clock, and helpers that edit `_meta` the way a person with Excel could.
 */
import ExcelJS from 'exceljs';
import { frameworkSchema, type Framework } from '../../src/framework/schema';
import { smallFramework } from '../helpers/small-framework';
import type { CampaignFolder } from '../../src/usecases/campaign/folder';
import type { Clock } from '../../src/usecases/campaign/campaign';

export const campaignFramework: Framework = frameworkSchema.parse({
  ...smallFramework,
  id: 'test-campaign',
  declared: { ...smallFramework.declared, counts: { fields: 3, criteria: 7, subCriteria: 2 } },
  tree: smallFramework.tree.map((field) =>
    field.code === '2'
      ? {
          ...field,
          children: [
            ...(field.children ?? []),
            {
              code: '2.3',
              name: 'Bị phê bình vì chậm báo cáo',
              max: 0,
              method: 'self',
              rule: { kind: 'deduction', cap: 2, step: 0.5 },
            },
          ],
        }
      : field,
  ),
});

export const UNITS = [
  { code: 'SNV', name: 'Sở Nội vụ', group: 'so' },
  { code: 'STP', name: 'Sở Tư pháp', group: 'so' },
  { code: 'CD', name: 'Huyện Châu Đốc', group: 'huyen' },
];

export function memoryFolder(): CampaignFolder & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    async read(path) {
      return files.get(path) ?? null;
    },
    async writeAtomic(path, data) {
      files.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data));
    },
    describe: (path) => `mem:${path}`,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-01T08:00:00.000Z'): Clock & { set(t: string): void } {
  let t = start;
  return { now: () => t, set: (v: string) => (t = v) };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The `_meta` rows of a workbook. */
export async function readMeta(bytes: Uint8Array): Promise<Record<string, string>> {
  const ws = (await load(bytes)).getWorksheet('_meta');
  const out: Record<string, string> = {};
  ws?.eachRow((row) => (out[String(row.getCell(1).value)] = String(row.getCell(2).value ?? '')));
  return out;
}

/** Overwrites `_meta` values (a person un-hiding the sheet and typing). */
export async function editMeta(bytes: Uint8Array, changes: Record<string, string>): Promise<Uint8Array> {
  const wb = await load(bytes);
  const ws = wb.getWorksheet('_meta');
  if (!ws) throw new Error('no _meta');
  ws.eachRow((row) => {
    const k = String(row.getCell(1).value);
    if (k in changes) row.getCell(2).value = changes[k];
  });
  return save(wb);
}
