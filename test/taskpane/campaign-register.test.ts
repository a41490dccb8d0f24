/**
 * The CLI and the pane, given the same files, produce equal registers: `cchc campaign init` and
 * `receive` on a folder, and the pane's campaign services (the "Sổ tổng hợp" panel's) over the
 * in-memory Excel, whose campaign lives in the open workbook. Same clock (CCHC_NOW), same units,
 * same returns in the same order with the same file times.
 */
import { promises as fs, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCampaignServices } from '../../src/taskpane/campaign-services';
import { workbookFileStore } from '../../src/excel/workbook-store';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { stringsFor } from '../../src/taskpane/strings';
import { renderTemplate } from '../../src/xlsx/render';
import { fillReturnedWorkbook } from '../../src/xlsx/sample-returns';
import { run, tempDir } from '../helpers/cli';
import { campaignFramework } from '../campaign/fixtures';

const NOW = '2026-03-05T02:00:00.000Z';
const FILE_TIME = new Date('2026-03-04T09:30:00.000Z');
const TITLE = 'Đợt thử 2026';
const SELF = {
  '1.1': { self: 8, evidence: 'KH 1' },
  '1.2.1': { self: 10, evidence: 'BC' },
  '1.2.2': { self: 9, evidence: 'BC' },
  '2.1': { self: 18, evidence: 'Cổng' },
};

describe('CLI = pane: the same files give the same register', () => {
  const root = tempDir();
  const inbox = join(root, 'hop-thu');
  const names = ['a-snv.xlsx', 'b-snv-ban-sao.xlsx', 'c-stp-tu-tham-dinh.xlsx', 'd-hong.xlsx', 'e-la.xlsx'];
  const before = process.env.CCHC_NOW;

  beforeAll(async () => {
    process.env.CCHC_NOW = NOW;
    process.env.CCHC_LIBRARY = join(root, 'thu-vien');
    await fs.mkdir(inbox);
    writeFileSync(join(root, 'fw.json'), JSON.stringify(campaignFramework));
    writeFileSync(
      join(root, 'units.csv'),
      'code,name,group\nSNV,Sở Nội vụ,so\nSTP,Sở Tư pháp,so\nCD,Huyện Châu Đốc,huyen\n',
    );
    const unit = (code: string, name: string, group: string) => ({ code, name, group });
    const snv = await fillReturnedWorkbook(
      await renderTemplate(campaignFramework, unit('SNV', 'Sở Nội vụ', 'so'), { generatedAt: NOW }),
      SELF,
    );
    const stp = await fillReturnedWorkbook(
      await renderTemplate(campaignFramework, unit('STP', 'Sở Tư pháp', 'so'), { generatedAt: NOW }),
      { ...SELF, '1.1': { self: 0, appraisal: 10 } },
    );
    const other = await fillReturnedWorkbook(
      await renderTemplate(campaignFramework, unit('XX', 'Đơn vị lạ', 'so'), { generatedAt: NOW }),
      SELF,
    );
    const files = [snv, snv, stp, snv.subarray(0, 3000), other];
    files.forEach((bytes, i) => {
      writeFileSync(join(inbox, names[i]!), bytes);
      utimesSync(join(inbox, names[i]!), FILE_TIME, FILE_TIME);
    });
  });
  afterAll(() => {
    if (before === undefined) delete process.env.CCHC_NOW;
    else process.env.CCHC_NOW = before;
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
      const pane = createCampaignServices(stringsFor('vi'), {
        findFramework: (fid) => (fid === campaignFramework.id ? campaignFramework : undefined),
        folder: async () => store,
        clock: { now: () => NOW },
        download: () => undefined,
      });
      await expect(pane.openCampaign()).resolves.toBeNull();
      const view = await pane.createCampaign({
        title: TITLE,
        frameworkId: campaignFramework.id,
        unitsText: 'SNV; Sở Nội vụ; so\nSTP; Sở Tư pháp; so\nCD; Huyện Châu Đốc; huyen',
        selfDeadline: '',
      });
      expect(view.id).toBe(id);
      expect(fake.model.getSheet('_so_tong_hop').visibility).toBe('VeryHidden');
      const paneRegister = async () =>
        JSON.parse(new TextDecoder().decode((await store.read('so-theo-doi.json'))!));
      expect(await paneRegister()).toEqual(cliAfterInit);

      const received = await run(['campaign', 'receive', '.', '--dir', '../dot'], inbox);
      expect(received.code).toBe(1);
      const cli = JSON.parse(readFileSync(join(root, 'dot', 'so-theo-doi.json'), 'utf8'));

      const picked = names.map((name) => {
        const bytes = new Uint8Array(readFileSync(join(inbox, name)));
        return { name, size: bytes.length, lastModified: FILE_TIME.getTime(), bytes: async () => bytes };
      });
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
    } finally {
      restore();
    }
  });
});
