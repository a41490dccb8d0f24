/**
 * The status names each late file waiting for the Sở's decision by what accept-late / refuse-late
 * take (its receipt number) and by what staff read before deciding (unit, stage, file, when it
 * came in Việt Nam's time, the deadline it missed). Real returns, made by the renderer.
 */
import { campaignFramework, UNITS, memoryFolder, manualClock } from './fixtures';
import {
  decideLateFile,
  initCampaign,
  issueStage,
  receiveFiles,
  reopen,
  statusOf,
} from '../../src/usecases/campaign/campaign';
import { fillReturnedWorkbook } from '../../src/xlsx/sample-returns';

const SELF = {
  '1.1': { self: 8, evidence: 'KH 1' },
  '1.2.1': { self: 10, evidence: 'BC' },
  '1.2.2': { self: 9, evidence: 'BC' },
  '2.1': { self: 18, evidence: 'Cổng' },
};

async function campaignWithReturns() {
  const folder = memoryFolder();
  const clock = manualClock('2026-03-01T01:00:00.000Z');
  const campaign = await initCampaign(folder, {
    id: 'dot-muon',
    title: 'Đợt muộn',
    framework: campaignFramework,
    units: UNITS,
    deadlines: [{ stage: 'chot-tu-cham', date: '2026-03-05' }],
    clock,
  });
  await issueStage(campaign, 'tu-cham', { clock });
  const returned = async (code: string) => {
    const issued = campaign.register.issued.find((i) => i.unit === code && i.stage === 'tu-cham')!;
    // A district's framework group has one more leaf (2.2) than a department's.
    const entries = code === 'CD' ? { ...SELF, '2.2': { self: 10, evidence: 'Một cửa' } } : SELF;
    return fillReturnedWorkbook(folder.files.get(issued.file)!, entries);
  };
  const send = async (name: string, bytes: Uint8Array) =>
    (
      await receiveFiles(
        campaign,
        [{ name, size: bytes.length, fileTime: clock.now(), bytes: async () => bytes }],
        { clock },
      )
    ).receipts[0]!;
  // CD on time (the deadline lasts to the end of 5 March in Việt Nam).
  clock.set('2026-03-05T16:30:00.000Z');
  const cd = await send('cd.xlsx', await returned('CD'));
  // 18:56 UTC on 5 March is 01:56 on 6 March in An Giang: late.
  clock.set('2026-03-05T18:56:00.000Z');
  const snv = await send('snv-muon.xlsx', await returned('SNV'));
  clock.set('2026-03-07T02:05:00.000Z');
  const stp = await send('stp-muon.xlsx', await returned('STP'));
  return { campaign, clock, cd, snv, stp };
}

describe('campaign status: late files awaiting the Sở', () => {
  it('lists each pending late file with its receipt number, unit, stage, file and Vietnamese times', async () => {
    const { campaign, clock, cd, snv, stp } = await campaignWithReturns();
    expect([cd.status, snv.status, stp.status]).toEqual(['accepted', 'late-pending', 'late-pending']);
    expect(statusOf(campaign, clock).pendingLate).toEqual([
      {
        seq: snv.seq,
        unit: 'SNV',
        unitName: 'Sở Nội vụ',
        stage: 'tu-cham',
        stageName: 'Tự chấm',
        file: 'snv-muon.xlsx',
        receivedAt: '2026-03-05T18:56:00.000Z',
        receivedAtText: '06/03/2026, 01 giờ 56',
        deadline: '2026-03-05',
        deadlineText: 'hết ngày 05/03/2026',
      },
      {
        seq: stp.seq,
        unit: 'STP',
        unitName: 'Sở Tư pháp',
        stage: 'tu-cham',
        stageName: 'Tự chấm',
        file: 'stp-muon.xlsx',
        receivedAt: '2026-03-07T02:05:00.000Z',
        receivedAtText: '07/03/2026, 09 giờ 05',
        deadline: '2026-03-05',
        deadlineText: 'hết ngày 05/03/2026',
      },
    ]);
  });

  it('a decided file leaves the list; a reopening shows as the deadline of what still waits', async () => {
    const { campaign, clock, snv, stp } = await campaignWithReturns();
    await decideLateFile(campaign, snv.seq, true, 'Có lý do chính đáng', { clock });
    expect(statusOf(campaign, clock).pendingLate.map((p) => p.seq)).toEqual([stp.seq]);
    await reopen(campaign, 'tu-cham', 'STP', '2026-03-20', 'Cho nộp lại', { clock });
    const [waiting] = statusOf(campaign, clock).pendingLate;
    expect([waiting?.seq, waiting?.deadline, waiting?.deadlineText]).toEqual([
      stp.seq,
      '2026-03-20',
      'hết ngày 20/03/2026',
    ]);
    await decideLateFile(campaign, stp.seq, false, 'Quá hạn lâu', { clock });
    expect(statusOf(campaign, clock).pendingLate).toEqual([]);
  });

  it('a decision on a file no longer waiting says its status in words; a reopening needs a reason', async () => {
    const { campaign, clock, snv } = await campaignWithReturns();
    await decideLateFile(campaign, snv.seq, false, 'Quá hạn lâu', { clock });
    await expect(decideLateFile(campaign, snv.seq, true, '', { clock })).rejects.toThrow(
      `Lần nhận số ${snv.seq} ("snv-muon.xlsx") không phải tệp nộp muộn đang chờ quyết định (trạng thái: nộp muộn — không chấp nhận).`,
    );
    const before = structuredClone(campaign.register);
    for (const reason of ['', '   ']) {
      await expect(reopen(campaign, 'tu-cham', 'STP', null, reason, { clock })).rejects.toThrow(
        'Cần ghi lý do mở lại giai đoạn: sổ theo dõi lưu lý do này.',
      );
    }
    expect(campaign.register).toEqual(before);
    await reopen(campaign, 'tu-cham', 'STP', null, '  Cho nộp lại ', { clock });
    expect(campaign.register.reopenings.map((r) => r.reason)).toEqual(['Cho nộp lại']);
  });
});
