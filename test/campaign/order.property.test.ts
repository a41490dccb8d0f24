/**
 * Property (issue 11): any sequence of receives, in any order and split over any number of
 * `receive` runs — with older versions, identical copies, a file the unit typed appraisal into
 * (sent last of all) and a broken file mixed in — gives the same final ranking as receiving the
 * last valid file of each unit once.
 */
import fc from 'fast-check';
import { campaignFramework, manualClock, memoryFolder, UNITS } from './fixtures';
import {
  initCampaign,
  issueStage,
  rankCampaign,
  receiveFiles,
  type Campaign,
  type IncomingCampaignFile,
} from '../../src/usecases/campaign/campaign';
import { fillReturnedWorkbook, type ReturnedEntries } from '../../src/xlsx/sample-returns';

const ID = 'dot-thu-tu';

interface PoolFile {
  name: string;
  bytes: Uint8Array;
  fileTime: string;
}

/** Version 0 (the unit's newest, sent with appraisal typed in), 1 (its last valid), 2 (older). */
function entries(unit: string, version: 0 | 1 | 2): ReturnedEntries {
  const out: ReturnedEntries = {
    '1.1': { self: [9, 8, 6][version], evidence: `KH ${version}` },
    '1.2.1': { self: 10, evidence: 'BC' },
    '1.2.2': { self: [9, 9, 7.5][version], evidence: 'BC' },
    '2.1': { self: [18, 18, 15][version], evidence: 'Cổng' },
  };
  if (unit === 'CD') out['2.2'] = { self: 10, evidence: 'Một cửa' };
  return out;
}

async function freshCampaign(): Promise<Campaign> {
  return initCampaign(memoryFolder(), {
    id: ID,
    title: 'Thứ tự nhận',
    framework: campaignFramework,
    units: UNITS,
    deadlines: [],
    clock: manualClock(),
  });
}

async function receiveAll(batches: PoolFile[][]): Promise<Campaign> {
  const campaign = await freshCampaign();
  const clock = manualClock('2026-03-10T08:00:00.000Z');
  for (const batch of batches) {
    const files: IncomingCampaignFile[] = batch.map((f) => ({
      name: f.name,
      size: f.bytes.length,
      fileTime: f.fileTime,
      bytes: async () => f.bytes,
    }));
    await receiveFiles(campaign, files, { clock });
  }
  return campaign;
}

function ranking(c: Campaign) {
  return rankCampaign(c, undefined, undefined, { allowMissingSurvey: true }).units.map((u) => ({
    code: u.code,
    self: u.self,
    appraisal: u.appraisal,
    total: u.total,
    index: u.index,
    rank: u.rank,
  }));
}

describe('receiving in any order', () => {
  const latest: PoolFile[] = [];
  const others: PoolFile[] = [];
  let expected: ReturnType<typeof ranking>;

  beforeAll(async () => {
    const source = await freshCampaign();
    const folder = source.folder as ReturnType<typeof memoryFolder>;
    await issueStage(source, 'tu-cham', { clock: manualClock() });
    for (const [i, u] of UNITS.entries()) {
      const issue = source.register.issued.find((x) => x.unit === u.code);
      const template = (await folder.read(issue!.file)) as Uint8Array;
      const day = (d: number) => `2026-03-0${d}T0${i}:00:00.000Z`;
      const v1 = await fillReturnedWorkbook(template, entries(u.code, 2));
      const v2 = await fillReturnedWorkbook(template, entries(u.code, 1));
      const typed = await fillReturnedWorkbook(template, {
        ...entries(u.code, 0),
        '1.1': { self: 9, appraisal: 9 },
      });
      latest.push({ name: `${u.code}-v2.xlsx`, bytes: v2, fileTime: day(3) });
      others.push(
        { name: `${u.code}-v1.xlsx`, bytes: v1, fileTime: day(2) },
        { name: `${u.code}-v2-ban-sao.xlsx`, bytes: v2, fileTime: day(4) },
        { name: `${u.code}-tu-ghi-tham-dinh.xlsx`, bytes: typed, fileTime: day(5) },
      );
    }
    others.push({
      name: 'hong.xlsx',
      bytes: latest[0].bytes.subarray(0, 999),
      fileTime: '2026-03-06T00:00:00.000Z',
    });
    expected = ranking(await receiveAll([latest]));
    expect(expected.map((u) => u.code).sort()).toEqual(['CD', 'SNV', 'STP']);
  }, 60_000);

  it('gives the ranking of the last valid file of each unit received once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(others.length - 1), { maxLength: 8 }),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        async (extra, order, cuts) => {
          // Every unit's latest file, any of the others (repeats allowed), shuffled.
          const files = [...latest, ...extra.map((i) => others[i])];
          const keys = files.map(() => order.next().value as number);
          const shuffled = files
            .map((f, i) => [keys[i], i, f] as const)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          const sequence = shuffled.map(([, , f]) => f);
          // Split into receive runs at the given cut points.
          const at = [...new Set(cuts.map((c) => c % (sequence.length + 1)))].sort((a, b) => a - b);
          const batches: PoolFile[][] = [];
          let from = 0;
          for (const cut of [...at, sequence.length]) {
            batches.push(sequence.slice(from, cut));
            from = cut;
          }
          const campaign = await receiveAll(batches);
          expect(ranking(campaign)).toEqual(expected);
          // Nothing dropped: every file received has its record.
          expect(campaign.register.receipts).toHaveLength(sequence.length);
        },
      ),
      { numRuns: 20 },
    );
  }, 180_000);
});
