/**
 * The trust cases of the campaign (DESIGN.md "Who may write what"), each on real .xlsx files made
 * by the renderer and filled by a second writer: what a unit or a council member could send.
 */
import { readMeta, editMeta, campaignFramework, UNITS, memoryFolder, manualClock } from './fixtures';
import {
  decideLateFile,
  initCampaign,
  issueStage,
  receiveFiles,
  rankCampaign,
  reopen,
  statusOf,
  type Campaign,
} from '../../src/usecases/campaign/campaign';
import { fillReturnedWorkbook, type ReturnedEntries } from '../../src/xlsx/sample-returns';
import { acceptedReceipt, type StageId } from '../../src/campaign';

const GOOD: Record<string, ReturnedEntries> = {
  SNV: {
    '1.1': { self: 8, evidence: 'KH 12/KH-SNV' },
    '1.2.1': { self: 10, evidence: 'BC 3/BC' },
    '1.2.2': { self: 9, evidence: 'BC 4/BC' },
    '2.1': { self: 18, evidence: 'Cổng TTĐT' },
  },
  STP: {
    '1.1': { self: 6, evidence: 'KH 1/KH-STP' },
    '1.2.1': { self: 5, evidence: 'BC trễ' },
    '1.2.2': { self: 7.5, evidence: 'BC 2' },
    '2.1': { self: 15, evidence: 'Cổng' },
  },
  CD: {
    '1.1': { self: 9, evidence: 'KH' },
    '1.2.1': { self: 10, evidence: 'BC' },
    '1.2.2': { self: 10, evidence: 'BC' },
    '2.1': { self: 20, evidence: 'Cổng' },
    '2.2': { self: 10, evidence: 'Một cửa' },
  },
};

let n = 0;
async function setup(deadlines: { stage: StageId; date: string }[] = []) {
  const folder = memoryFolder();
  const clock = manualClock();
  const campaign = await initCampaign(folder, {
    id: `dot-thu-${++n}`,
    title: 'Đợt thử',
    framework: campaignFramework,
    units: UNITS,
    deadlines,
    clock,
  });
  await issueStage(campaign, 'tu-cham', { clock });
  return { folder, clock, campaign };
}

function issuedBytes(
  c: Campaign,
  folder: ReturnType<typeof memoryFolder>,
  unit: string,
  stage: StageId,
): Uint8Array {
  const i = c.register.issued.find((x) => x.unit === unit && x.stage === stage && !x.superseded);
  if (!i) throw new Error(`not issued ${unit} ${stage}`);
  return folder.files.get(i.file) as Uint8Array;
}

async function send(
  c: Campaign,
  clock: ReturnType<typeof manualClock>,
  name: string,
  bytes: Uint8Array,
  fileTime?: string,
) {
  const { receipts } = await receiveFiles(
    c,
    [{ name, size: bytes.length, fileTime: fileTime ?? clock.now(), bytes: async () => bytes }],
    { clock },
  );
  return receipts[0];
}

async function returnOf(
  c: Campaign,
  folder: ReturnType<typeof memoryFolder>,
  unit: string,
  entries = GOOD[unit],
) {
  return fillReturnedWorkbook(issuedBytes(c, folder, unit, 'tu-cham'), entries);
}

/** Everyone returns, round 1 is issued; returns the round-1 workbooks. */
async function throughRound1() {
  const s = await setup();
  for (const u of UNITS)
    expect(
      (await send(s.campaign, s.clock, `${u.code}.xlsx`, await returnOf(s.campaign, s.folder, u.code)))
        .status,
    ).toBe('accepted');
  s.clock.set('2026-03-10T08:00:00.000Z');
  const { issued } = await issueStage(s.campaign, 'tham-dinh-1', { clock: s.clock });
  expect(issued).toHaveLength(3);
  return s;
}

describe('unit self-assessment returns', () => {
  it('locks the council columns of the unit template: appraisal typed by the unit is rejected, whole file', async () => {
    const { campaign, folder, clock } = await setup();
    const bytes = await returnOf(campaign, folder, 'SNV', {
      ...GOOD.SNV,
      '1.1': { self: 0, appraisal: 10 },
      '1.2.1': { self: 0, appraisal: 10 },
    });
    const r = await send(campaign, clock, 'snv-tu-tham-dinh.xlsx', bytes);
    expect(r.status).toBe('rejected');
    expect(r.reasons.map((x) => x.rule)).toEqual([
      'trust.unitWroteCouncilCell',
      'trust.unitWroteCouncilCell',
      'trust.rejectedWhole',
    ]);
    expect(r.reasons[0].message).toContain('Điểm thẩm định');
    expect(r.reasons[0].cell).toMatch(/^Chấm điểm!H\d+$/);
    expect(r.scores).toBeNull();
    expect(acceptedReceipt(campaign.register, 'SNV', 'tu-cham')).toBeUndefined();
    // Nothing of it reaches the ranking.
    expect(
      rankCampaign(campaign, undefined, undefined, { allowMissingSurvey: true }).units.find(
        (u) => u.code === 'SNV',
      ),
    ).toBeUndefined();
  });

  it('rejects a deduction the unit typed itself (the council decides bonus and deduction)', async () => {
    const { campaign, folder, clock } = await setup();
    const r = await send(
      campaign,
      clock,
      'a.xlsx',
      await returnOf(campaign, folder, 'STP', { ...GOOD.STP, '2.3': { self: -0.5 } }),
    );
    expect(r.status).toBe('rejected');
    expect(r.reasons[0].rule).toBe('trust.unitWroteCouncilCell');
    expect(r.reasons[0].message).toContain('mã 2.3');
  });

  it('registers a late return as "nộp muộn", counts it only once the Sở accepts it', async () => {
    const { campaign, folder, clock } = await setup([{ stage: 'chot-tu-cham', date: '2026-03-05' }]);
    clock.set('2026-03-06T02:00:00.000Z');
    const r = await send(campaign, clock, 'muon.xlsx', await returnOf(campaign, folder, 'SNV'));
    expect(r.status).toBe('late-pending');
    expect(r.late).toBe(true);
    expect(r.reasons[0].message).toContain('Nộp muộn');
    expect(r.storedAs).not.toBeNull();
    expect(statusOf(campaign, clock).units[0].stages[0].state).toBe('late-pending');
    expect(
      rankCampaign(campaign, undefined, undefined, { allowMissingSurvey: true }).units.map((u) => u.code),
    ).not.toContain('SNV');
    const decided = await decideLateFile(campaign, r.seq, true, 'Lý do chính đáng', { clock });
    expect(decided.status).toBe('accepted');
    expect(decided.late).toBe(true);
    expect(decided.decision?.note).toBe('Lý do chính đáng');
    expect(
      rankCampaign(campaign, undefined, undefined, { allowMissingSurvey: true }).units.map((u) => u.code),
    ).toContain('SNV');
  });

  it('a refused late return stays in the register, flagged, never counted', async () => {
    const { campaign, folder, clock } = await setup([{ stage: 'tu-cham', date: '2026-03-05T00:00:00Z' }]);
    clock.set('2026-03-05T00:00:01.000Z');
    const r = await send(campaign, clock, 'muon.xlsx', await returnOf(campaign, folder, 'STP'));
    const decided = await decideLateFile(campaign, r.seq, false, '', { clock });
    expect(decided.status).toBe('late-refused');
    expect(campaign.register.receipts).toHaveLength(1);
    expect(statusOf(campaign, clock).units[1].stages[0].state).toBe('rejected');
  });

  it('an identical file twice is a duplicate; a newer valid file supersedes the older, in any order', async () => {
    const { campaign, folder, clock } = await setup();
    const first = await returnOf(campaign, folder, 'SNV');
    const second = await returnOf(campaign, folder, 'SNV', {
      ...GOOD.SNV,
      '1.1': { self: 9, evidence: 'KH' },
    });
    expect((await send(campaign, clock, 'v2.xlsx', second, '2026-03-02T00:00:00Z')).status).toBe('accepted');
    expect((await send(campaign, clock, 'v1.xlsx', first, '2026-03-01T00:00:00Z')).status).toBe('superseded');
    expect((await send(campaign, clock, 'v2-again.xlsx', second)).status).toBe('duplicate');
    expect(acceptedReceipt(campaign.register, 'SNV', 'tu-cham')?.file).toBe('v2.xlsx');
  });
});

describe('council appraisal workbooks', () => {
  it('count when the code verifies and the self scores equal the register; the changes are recorded', async () => {
    const s = await throughRound1();
    const bytes = await fillReturnedWorkbook(issuedBytes(s.campaign, s.folder, 'SNV', 'tham-dinh-1'), {
      '1.1': { appraisal: 7, appraisalComment: 'Thiếu phụ lục' },
      '1.2.1': { appraisal: 10 },
      '1.2.2': { appraisal: 9 },
      '2.1': { appraisal: 18 },
    });
    const r = await send(s.campaign, s.clock, 'td1-snv.xlsx', bytes);
    expect(r.reasons).toEqual([]);
    expect(r.status).toBe('accepted');
    expect(s.campaign.register.changes).toEqual([
      expect.objectContaining({ unit: 'SNV', leaf: '1.1', who: 'Hội đồng thẩm định lần 1', old: 8, new: 7 }),
    ]);
    const snv = rankCampaign(s.campaign, undefined, undefined, { allowMissingSurvey: true }).units.find(
      (u) => u.code === 'SNV',
    );
    expect(snv?.appraisal).toBe(44);
  });

  it('rejects a workbook whose _meta was edited (another unit written in)', async () => {
    const s = await throughRound1();
    const bytes = await editMeta(issuedBytes(s.campaign, s.folder, 'SNV', 'tham-dinh-1'), {
      unitCode: 'STP',
    });
    const r = await send(
      s.campaign,
      s.clock,
      'sua-meta.xlsx',
      await fillReturnedWorkbook(bytes, { '1.1': { appraisal: 1 } }),
    );
    expect(r.status).toBe('rejected');
    expect(r.reasons[0].rule).toBe('trust.authCode');
    expect(r.reasons[0].message).toContain('mã xác thực');
  });

  it("rejects another unit's workbook carrying this unit's _meta (self scores differ from the register)", async () => {
    const s = await throughRound1();
    const snvMeta = await readMeta(issuedBytes(s.campaign, s.folder, 'SNV', 'tham-dinh-1'));
    const stpBook = issuedBytes(s.campaign, s.folder, 'STP', 'tham-dinh-1');
    const forged = await editMeta(stpBook, snvMeta);
    const r = await send(
      s.campaign,
      s.clock,
      'chep.xlsx',
      await fillReturnedWorkbook(forged, { '1.1': { appraisal: 6 } }),
    );
    expect(r.status).toBe('rejected');
    expect(r.unit).toBe('SNV');
    expect(r.reasons.map((x) => x.rule)).toContain('trust.selfScoreChanged');
  });

  it('rejects a workbook from another stage: edited to claim round 2, or an old round-1 one after round 2 was issued', async () => {
    const s = await throughRound1();
    const round1 = issuedBytes(s.campaign, s.folder, 'SNV', 'tham-dinh-1');
    const edited = await editMeta(round1, { stage: 'tham-dinh-2', round: '2' });
    const r1 = await send(
      s.campaign,
      s.clock,
      'doi-vong.xlsx',
      await fillReturnedWorkbook(edited, { '1.1': { appraisal2: 1 } }),
    );
    expect(r1.reasons[0].rule).toBe('trust.authCode');
    // Round 1 accepted, response, round 2 issued; then the old round-1 workbook comes in again.
    const filled = await fillReturnedWorkbook(round1, {
      '1.1': { appraisal: 7, appraisalComment: 'x' },
      '1.2.1': { appraisal: 10 },
      '1.2.2': { appraisal: 9 },
      '2.1': { appraisal: 18 },
    });
    expect((await send(s.campaign, s.clock, 'td1.xlsx', filled)).status).toBe('accepted');
    await issueStage(s.campaign, 'giai-trinh', { clock: s.clock, units: ['SNV'] });
    const response = await fillReturnedWorkbook(issuedBytes(s.campaign, s.folder, 'SNV', 'giai-trinh'), {
      '1.1': { explanation: 'Đã bổ sung phụ lục', evidence: 'Phụ lục 2' },
    });
    expect((await send(s.campaign, s.clock, 'gt.xlsx', response)).status).toBe('accepted');
    await issueStage(s.campaign, 'tham-dinh-2', { clock: s.clock, units: ['SNV'] });
    const again = await fillReturnedWorkbook(round1, {
      '1.1': { appraisal: 3, appraisalComment: 'y' },
      '1.2.1': { appraisal: 10 },
      '1.2.2': { appraisal: 9 },
      '2.1': { appraisal: 18 },
    });
    const r2 = await send(s.campaign, s.clock, 'td1-cu.xlsx', again);
    expect(r2.status).toBe('rejected');
    expect(r2.reasons[0].rule).toBe('stage.closed');
  });

  it('rejects a workbook in which a self score was changed', async () => {
    const s = await throughRound1();
    const bytes = await fillReturnedWorkbook(issuedBytes(s.campaign, s.folder, 'STP', 'tham-dinh-1'), {
      '1.1': { self: 10, appraisal: 10 },
    });
    const r = await send(s.campaign, s.clock, 'sua-tu-cham.xlsx', bytes);
    expect(r.status).toBe('rejected');
    expect(r.reasons[0]).toMatchObject({ rule: 'trust.selfScoreChanged' });
    expect(r.reasons[0].message).toContain('sổ theo dõi ghi 6,00, tệp ghi 10,00');
  });

  it('response workbook: explanation counts, a changed appraisal is tampering', async () => {
    const s = await throughRound1();
    const td1 = await fillReturnedWorkbook(issuedBytes(s.campaign, s.folder, 'CD', 'tham-dinh-1'), {
      '1.1': { appraisal: 9 },
      '1.2.1': { appraisal: 5, appraisalComment: 'Báo cáo trễ' },
      '1.2.2': { appraisal: 10 },
      '2.1': { appraisal: 20 },
      '2.2': { appraisal: 10 },
    });
    expect((await send(s.campaign, s.clock, 'td1-cd.xlsx', td1)).status).toBe('accepted');
    await issueStage(s.campaign, 'giai-trinh', { clock: s.clock });
    const response = issuedBytes(s.campaign, s.folder, 'CD', 'giai-trinh');
    const tampered = await fillReturnedWorkbook(response, {
      '1.2.1': { appraisal: 10, explanation: 'Đúng hạn' },
    });
    const r = await send(s.campaign, s.clock, 'gt-sua.xlsx', tampered);
    expect(r.status).toBe('rejected');
    expect(r.reasons[0].rule).toBe('trust.tampering');
    expect(r.reasons[0].message).toContain('sổ theo dõi ghi 5,00, tệp ghi 10,00');
    const honest = await fillReturnedWorkbook(response, {
      '1.2.1': { explanation: 'Gửi đúng hạn qua hệ thống', evidence: 'Ảnh chụp hệ thống' },
    });
    expect((await send(s.campaign, s.clock, 'gt.xlsx', honest)).status).toBe('accepted');
    // Round 2 then a deduction, each from the accepted file before it.
    await issueStage(s.campaign, 'tham-dinh-2', { clock: s.clock });
    const td2 = await fillReturnedWorkbook(issuedBytes(s.campaign, s.folder, 'CD', 'tham-dinh-2'), {
      '1.1': { appraisal2: 9 },
      '1.2.1': { appraisal2: 10, appraisal2Comment: 'Chấp nhận giải trình' },
      '1.2.2': { appraisal2: 10 },
      '2.1': { appraisal2: 20 },
      '2.2': { appraisal2: 10 },
    });
    expect((await send(s.campaign, s.clock, 'td2.xlsx', td2)).reasons).toEqual([]);
    await issueStage(s.campaign, 'cong-tru', { clock: s.clock });
    const ct = await fillReturnedWorkbook(issuedBytes(s.campaign, s.folder, 'CD', 'cong-tru'), {
      '2.3': { appraisal2: -1, appraisal2Comment: 'Bị phê bình tại Thông báo 5/TB' },
    });
    expect((await send(s.campaign, s.clock, 'ct.xlsx', ct)).reasons).toEqual([]);
    const cd = rankCampaign(s.campaign, undefined, undefined, { allowMissingSurvey: true }).units.find(
      (u) => u.code === 'CD',
    );
    expect(cd?.appraisal).toBe(58);
    expect(
      s.campaign.register.changes.filter((c) => c.unit === 'CD').map((c) => [c.leaf, c.who, c.old, c.new]),
    ).toEqual([
      ['1.2.1', 'Hội đồng thẩm định lần 1', 10, 5],
      ['1.2.1', 'Hội đồng thẩm định lần 2', 5, 10],
      ['2.3', 'Hội đồng thẩm định lần 2', null, -1],
    ]);
  });
});

describe('reopening a stage for one unit', () => {
  it('a new return after round 1 was issued is refused until the stage is reopened, then replaces the old', async () => {
    const s = await throughRound1();
    const better = await returnOf(s.campaign, s.folder, 'STP', {
      ...GOOD.STP,
      '1.1': { self: 9, evidence: 'KH bổ sung' },
    });
    const r1 = await send(s.campaign, s.clock, 'stp-moi.xlsx', better, '2026-03-11T00:00:00Z');
    expect(r1.status).toBe('rejected');
    expect(r1.reasons[0].rule).toBe('stage.closed');
    expect(r1.reasons[0].message).toContain('cchc campaign reopen tu-cham --unit STP');
    s.clock.set('2026-03-11T09:00:00.000Z');
    await reopen(s.campaign, 'tu-cham', 'STP', '2026-03-15', 'Sở Tư pháp xin nộp lại', { clock: s.clock });
    const better2 = await returnOf(s.campaign, s.folder, 'STP', {
      ...GOOD.STP,
      '1.1': { self: 9.25, evidence: 'KH bổ sung' },
    });
    const r2 = await send(s.campaign, s.clock, 'stp-moi-2.xlsx', better2, '2026-03-11T10:00:00Z');
    expect(r2.status).toBe('accepted');
    expect(s.campaign.register.reopenings).toEqual([
      expect.objectContaining({ stage: 'tu-cham', unit: 'STP', until: '2026-03-15' }),
    ]);
    expect(s.campaign.register.changes).toContainEqual(
      expect.objectContaining({ unit: 'STP', leaf: '1.1', who: 'Đơn vị', old: 6, new: 9.25 }),
    );
    // The round-1 workbook made from the old return no longer counts; re-issue makes a new one.
    const old = issuedBytes(s.campaign, s.folder, 'STP', 'tham-dinh-1');
    const stale = await send(
      s.campaign,
      s.clock,
      'td1-cu.xlsx',
      await fillReturnedWorkbook(old, {
        '1.1': { appraisal: 5, appraisalComment: 'x' },
        '1.2.1': { appraisal: 5 },
        '1.2.2': { appraisal: 7.5 },
        '2.1': { appraisal: 15 },
      }),
    );
    expect(stale.status).toBe('rejected');
    expect(stale.reasons.map((x) => x.rule)).toContain('trust.selfScoreChanged');
    const { issued } = await issueStage(s.campaign, 'tham-dinh-1', { clock: s.clock, units: ['STP'] });
    expect(issued).toHaveLength(1);
  });
});
