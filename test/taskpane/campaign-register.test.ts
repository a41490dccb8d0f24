/**
 * The CLI and the pane, given the same files, produce equal registers: `cchc campaign init` and
 * `receive` on a folder, and the pane's campaign services (the "Sổ tổng hợp" panel's) over the
 * in-memory Excel, whose campaign lives in the open workbook. Same clock (CCHC_NOW), same units,
 * same returns in the same order with the same file times.
 */
import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { workbookFileStore } from '../../src/excel/workbook-store';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { run, tempDir } from '../helpers/cli';
import { campaignFramework } from '../campaign/fixtures';
import {
  cliClockAtNow,
  LATE_INIT,
  LATE_REOPEN,
  lateReturns,
  NOW,
  pickedFiles,
  SELF,
  UNITS_TEXT,
  unitReturn,
  writeInitInputs,
  writeReturn,
} from '../helpers/campaign-inputs';
import {
  createLateCampaign,
  paneCampaignServices,
  paneRegister as registerIn,
} from '../helpers/pane-campaign';

const TITLE = 'Đợt thử 2026';

/** The Sổ tổng hợp panel's services over `store`, on the tests' clock. */
const paneServices = (
  store: ReturnType<typeof workbookFileStore>,
  download: (bytes: Uint8Array, fileName: string) => void = () => undefined,
) => paneCampaignServices(store, NOW, download);

describe('CLI = pane: the same files give the same register', () => {
  const root = tempDir();
  const inbox = join(root, 'hop-thu');
  const names = ['a-snv.xlsx', 'b-snv-ban-sao.xlsx', 'c-stp-tu-tham-dinh.xlsx', 'd-hong.xlsx', 'e-la.xlsx'];
  cliClockAtNow();

  beforeAll(async () => {
    process.env.CCHC_LIBRARY = join(root, 'thu-vien');
    await fs.mkdir(inbox);
    writeInitInputs(root);
    const unit = (code: string, name: string, group: string) => ({ code, name, group });
    const snv = await unitReturn(unit('SNV', 'Sở Nội vụ', 'so'));
    const stp = await unitReturn(unit('STP', 'Sở Tư pháp', 'so'), {
      ...SELF,
      '1.1': { self: 0, appraisal: 10 },
    });
    const other = await unitReturn(unit('XX', 'Đơn vị lạ', 'so'));
    const files = [snv, snv, stp, snv.subarray(0, 3000), other];
    files.forEach((bytes, i) => writeReturn(inbox, names[i]!, bytes));
  });

  it('init and receive: so-theo-doi.json of the CLI equals the register kept in the Sổ tổng hợp', async () => {
    const id = 'dot-thu-2026';
    const init = await run(
      [
        'campaign',
        'init',
        'dot',
        '--framework',
        'fw.json',
        '--units',
        'units.csv',
        '--id',
        id,
        '--title',
        TITLE,
      ],
      root,
    );
    expect(init.code).toBe(0);
    const cliAfterInit = JSON.parse(readFileSync(join(root, 'dot', 'so-theo-doi.json'), 'utf8'));

    const fake = createFakeExcel();
    const restore = fake.install();
    try {
      const store = workbookFileStore();
      const downloads: { bytes: Uint8Array; fileName: string }[] = [];
      const pane = paneServices(store, (bytes, fileName) => downloads.push({ bytes, fileName }));
      await expect(pane.openCampaign()).resolves.toBeNull();
      const view = await pane.createCampaign({
        title: TITLE,
        frameworkId: campaignFramework.id,
        unitsText: UNITS_TEXT,
        selfDeadline: '',
      });
      expect(view.id).toBe(id);
      expect(fake.model.getSheet('_so_tong_hop').visibility).toBe('VeryHidden');
      const paneRegister = () => registerIn(store);
      expect(await paneRegister()).toEqual(cliAfterInit);

      const received = await run(['campaign', 'receive', '.', '--dir', '../dot'], inbox);
      expect(received.code).toBe(1);
      const cli = JSON.parse(readFileSync(join(root, 'dot', 'so-theo-doi.json'), 'utf8'));

      // The files as they are on disk, in the same order (two of them are the same bytes).
      const picked = names.flatMap((name) =>
        pickedFiles({ [name]: new Uint8Array(readFileSync(join(inbox, name))) }),
      );
      const r = await pane.receiveCampaignFiles(picked);
      expect(r.receipts.map((x) => x.status)).toEqual(cli.receipts.map((x: { status: string }) => x.status));
      // Not a trivial equality: the files were judged differently from one another.
      expect(new Set(r.receipts.map((x) => x.status)).size).toBeGreaterThanOrEqual(3);
      expect(await paneRegister()).toEqual(cli);
      // The kept copies are the same bytes under the same names.
      for (const receipt of cli.receipts.filter((x: { storedAs: string | null }) => x.storedAs))
        expect(await store.read(receipt.storedAs)).toEqual(
          new Uint8Array(readFileSync(join(root, 'dot', ...receipt.storedAs.split('/')))),
        );
      // The panel's status says what the CLI's status says.
      const status = JSON.parse((await run(['campaign', 'status', '--dir', 'dot', '--json'], root)).stdout);
      expect(r.view.units.map((u) => u.stages[0]!.state)).toEqual(
        status.units.map((u: { stages: { state: string }[] }) => u.stages[0]!.state),
      );

      // Tải văn bản: the documents of `cchc campaign documents`, in one .zip with its folders.
      const cliDocs = await run(['campaign', 'documents', '--dir', 'dot', '-o', 'van-ban'], root);
      const written = (await fs.readdir(join(root, 'van-ban'), { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(join(root, 'van-ban').length + 1))
        .sort();
      expect(written.length).toBeGreaterThan(0);
      const docs = await pane.downloadCampaignDocuments();
      expect(docs.documents).toBe(written.length);
      expect(docs.fileName).toBe(`Van ban - ${id}.zip`);
      // STP's return was rejected (it wrote an appraisal score), CD sent none: both said, as the CLI does.
      expect(docs.withoutReturn).toEqual(['Sở Tư pháp', 'Huyện Châu Đốc']);
      expect(cliDocs.code).toBe(1);
      expect(cliDocs.stderr).toContain('STP (Sở Tư pháp), CD (Huyện Châu Đốc)');
      expect(downloads.map((d) => d.fileName)).toEqual([docs.fileName]);
      const zip = await JSZip.loadAsync(downloads[0]!.bytes);
      const zipped = Object.values(zip.files).filter((f) => !f.dir);
      expect(zipped.map((f) => f.name).sort()).toEqual(written);
      // The same documents: the same text as the CLI's, document by document.
      for (const f of zipped) {
        const ours = await (
          await JSZip.loadAsync(await f.async('uint8array'))
        )
          .file('word/document.xml')!
          .async('string');
        const cliXml = await (
          await JSZip.loadAsync(readFileSync(join(root, 'van-ban', f.name)))
        )
          .file('word/document.xml')!
          .async('string');
        expect(ours).toBe(cliXml);
      }
    } finally {
      restore();
    }
  });

  it('late files accepted and refused, a stage reopened: the pane and the CLI write equal registers', async () => {
    const late = join(root, 'hop-thu-muon');
    await fs.mkdir(late);
    const files = await lateReturns(late);
    // The self-assessment deadline passed before NOW: both returns are late.
    const init = await run(LATE_INIT, root);
    expect(init.code).toBe(0);
    await run(['campaign', 'receive', '.', '--dir', '../muon'], late);
    const cliRegister = () => JSON.parse(readFileSync(join(root, 'muon', 'so-theo-doi.json'), 'utf8'));
    const cliReceipts = cliRegister().receipts;
    expect(cliReceipts.map((r: { status: string }) => r.status)).toEqual(['late-pending', 'late-pending']);
    const seqOf = (file: string) => cliReceipts.find((r: { file: string }) => r.file === file).seq;
    const steps: [string, string[]][] = [
      [
        'accept',
        ['campaign', 'accept-late', String(seqOf('snv-muon.xlsx')), '--note', 'Có lý do chính đáng'],
      ],
      ['refuse', ['campaign', 'refuse-late', String(seqOf('stp-muon.xlsx')), '--note', 'Quá hạn lâu']],
      ['reopen', LATE_REOPEN],
    ];

    const fake = createFakeExcel();
    const restore = fake.install();
    try {
      const store = workbookFileStore();
      const pane = paneServices(store);
      await createLateCampaign(pane);
      const paneRegister = () => registerIn(store);
      await pane.receiveCampaignFiles(pickedFiles(files));
      expect(await paneRegister()).toEqual(cliRegister());
      const states: string[] = [];
      for (const [step, argv] of steps) {
        const cli = await run([...argv, '--dir', 'muon'], root);
        expect({ step, code: cli.code, stderr: cli.stderr }).toEqual({ step, code: 0, stderr: '' });
        const view =
          step === 'reopen'
            ? await pane.reopenCampaignStage('tu-cham', 'STP', '2026-03-20', 'Cho nộp lại')
            : (
                await pane.decideLateCampaignFile(
                  seqOf(step === 'accept' ? 'snv-muon.xlsx' : 'stp-muon.xlsx'),
                  step === 'accept',
                  step === 'accept' ? 'Có lý do chính đáng' : 'Quá hạn lâu',
                )
              ).view;
        // Each step changed the register, and both sides changed it the same way.
        expect(await paneRegister()).toEqual(cliRegister());
        states.push(view.units.map((u) => u.stages[0]!.state).join(','));
      }
      const final = cliRegister();
      expect(final.receipts.map((r: { status: string }) => r.status)).toEqual(['accepted', 'late-refused']);
      expect(JSON.stringify(final)).toContain('Cho nộp lại');
      expect(new Set(states).size).toBeGreaterThanOrEqual(2);
    } finally {
      restore();
    }
  });
});
