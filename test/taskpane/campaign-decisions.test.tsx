/**
 * @jest-environment jsdom
 *
 * The Sở's decisions in the Sổ tổng hợp panel, clicked as a user would: one late file accepted,
 * another refused (a reason is required), a stage reopened for one unit with a new deadline. The
 * panel runs the real campaign services over the in-memory Excel; after each click the register
 * kept in the workbook equals what `cchc campaign accept-late|refuse-late|reopen` wrote for the
 * same files on the same clock, and the panel shows the result and the refreshed view.
 */
import '../helpers/jsdom-web-globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '../../src/taskpane/App';
import { workbookFileStore } from '../../src/excel/workbook-store';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { surveyStore, type TaskpaneServices } from '../../src/taskpane/services';
import { stringsFor } from '../../src/taskpane/strings';
import { run, tempDir } from '../helpers/cli';
import {
  cliClockAtNow,
  LATE_INIT,
  LATE_REOPEN,
  lateReturns,
  NOW,
  pickedFiles,
  writeInitInputs,
} from '../helpers/campaign-inputs';
import { createLateCampaign, paneCampaignServices, paneRegister } from '../helpers/pane-campaign';

const vi = stringsFor('vi');

/** The app's services: the campaign's are the real ones, every other call fails the test. */
function appServices(campaign: ReturnType<typeof paneCampaignServices>): TaskpaneServices {
  const survey = surveyStore();
  const unused = (what: string) => () => Promise.reject(new Error(`${what} không dùng trong phép thử này`));
  return {
    listFrameworks: async () => [],
    importFramework: unused('importFramework'),
    saveImportedFramework: unused('saveImportedFramework'),
    makeTemplates: unused('makeTemplates'),
    check: unused('check'),
    watch: async () => () => undefined,
    goToCell: unused('goToCell'),
    highlight: unused('highlight'),
    clearHighlights: async () => 0,
    previewSurvey: unused('previewSurvey'),
    writeSurvey: unused('writeSurvey'),
    surveyInUse: survey.get,
    onSurveyChange: survey.subscribe,
    consolidate: unused('consolidate'),
    writeRanking: unused('writeRanking'),
    ...campaign,
  };
}

/** The <button> whose accessible name is `name` (role queries are very slow on Fluent's trees). */
function buttonNamed(root: HTMLElement, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** The text a disabled button is described by (its reason), or null when it is enabled. */
function disabledBecause(button: HTMLButtonElement): string | null {
  if (button.getAttribute('aria-disabled') !== 'true') return null;
  return document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
}

describe('Sổ tổng hợp: late files decided and a stage reopened, as the CLI does', () => {
  const root = tempDir();
  const inbox = join(root, 'hop-thu-muon');
  let files: Record<string, Uint8Array> = {};
  cliClockAtNow();

  beforeAll(async () => {
    await fs.mkdir(inbox);
    writeInitInputs(root);
    files = await lateReturns(inbox);
  });

  it('accepts one, refuses another with its reason, reopens a stage: the register changes as the CLI’s', async () => {
    // The CLI's campaign: the self-assessment deadline passed before NOW, so both returns are late.
    const cliRun = async (argv: string[]) => {
      const r = await run([...argv, '--dir', 'muon'], root);
      expect({ argv, code: r.code, stderr: r.stderr }).toEqual({ argv, code: 0, stderr: '' });
      return r;
    };
    const init = await run(LATE_INIT, root);
    expect(init.code).toBe(0);
    await run(['campaign', 'receive', '.', '--dir', '../muon'], inbox);
    const cliRegister = () => JSON.parse(readFileSync(join(root, 'muon', 'so-theo-doi.json'), 'utf8'));
    const seqOf = (file: string): number =>
      cliRegister().receipts.find((r: { file: string }) => r.file === file).seq;
    // What the CLI's status says is waiting, and under which numbers.
    const status = await cliRun(['campaign', 'status']);
    expect(status.stdout).toContain(`#${seqOf('snv-muon.xlsx')} snv-muon.xlsx · SNV Sở Nội vụ · Tự chấm`);

    const fake = createFakeExcel();
    const restore = fake.install();
    try {
      const store = workbookFileStore();
      const campaign = paneCampaignServices(store, NOW);
      await createLateCampaign(campaign);
      await campaign.receiveCampaignFiles(pickedFiles(files));
      expect(await paneRegister(store)).toEqual(cliRegister());

      render(<App services={appServices(campaign)} t={vi} dark={false} role="admin" initialTab="campaign" />);
      const late = await screen.findByTestId('campaign-late', {}, { timeout: 20_000 });
      const row = (file: string) => within(late).getByTestId(`late-${seqOf(file)}`);
      // Each row names what the decision takes and what the Sở reads first (09:00 in Việt Nam).
      expect(row('snv-muon.xlsx').textContent).toContain(
        `Lần nhận số ${seqOf('snv-muon.xlsx')}: snv-muon.xlsx`,
      );
      expect(row('snv-muon.xlsx').textContent).toContain('SNV · Sở Nội vụ · Tự chấm');
      expect(row('snv-muon.xlsx').textContent).toContain(
        'Nhận lúc 05/03/2026, 09 giờ 00 (hạn: hết ngày 01/03/2026)',
      );
      // Refusing needs a reason, and the button says so.
      const refuseStp = buttonNamed(row('stp-muon.xlsx'), vi.campaign.refuseFile('stp-muon.xlsx'));
      expect(disabledBecause(refuseStp)).toBe(vi.campaign.refuseNeedsReason);
      fireEvent.click(refuseStp);
      expect(await paneRegister(store)).toEqual(cliRegister());

      // Accept SNV's file with a note.
      fireEvent.change(within(row('snv-muon.xlsx')).getByLabelText(vi.campaign.lateReason), {
        target: { value: 'Có lý do chính đáng' },
      });
      fireEvent.click(buttonNamed(row('snv-muon.xlsx'), vi.campaign.acceptFile('snv-muon.xlsx')));
      await screen.findByText(
        `Đã chấp nhận tệp "snv-muon.xlsx" (lần nhận số ${seqOf('snv-muon.xlsx')}) của Sở Nội vụ, giai đoạn Tự chấm, lúc 05/03/2026, 09 giờ 00. Lý do: Có lý do chính đáng.`,
        {},
        { timeout: 20_000 },
      );
      await cliRun([
        'campaign',
        'accept-late',
        String(seqOf('snv-muon.xlsx')),
        '--note',
        'Có lý do chính đáng',
      ]);
      expect(await paneRegister(store)).toEqual(cliRegister());
      expect(within(late).queryByTestId(`late-${seqOf('snv-muon.xlsx')}`)).toBeNull();
      const states = () => screen.getByTestId('campaign-status').textContent ?? '';
      expect(states()).toMatch(/SNV · Sở Nội vụ.*Tự chấm: Đã nhận \(nộp muộn\)/);
      // A stage still waiting says "nộp muộn" once, not "Nộp muộn, chờ quyết định (nộp muộn)".
      expect(states()).toMatch(/STP · Sở Tư pháp.*Tự chấm: Nộp muộn, chờ quyết định/);
      expect(states()).not.toContain('chờ quyết định (nộp muộn)');

      // Refuse STP's file, with the reason the button asked for.
      fireEvent.change(within(row('stp-muon.xlsx')).getByLabelText(vi.campaign.lateReason), {
        target: { value: 'Quá hạn lâu' },
      });
      await waitFor(() => expect(disabledBecause(refuseStp)).toBeNull());
      fireEvent.click(refuseStp);
      await screen.findByText(
        /^Đã từ chối tệp "stp-muon.xlsx" .* Lý do: Quá hạn lâu\.$/,
        {},
        { timeout: 20_000 },
      );
      await cliRun(['campaign', 'refuse-late', String(seqOf('stp-muon.xlsx')), '--note', 'Quá hạn lâu']);
      expect(await paneRegister(store)).toEqual(cliRegister());
      expect(screen.queryByTestId('campaign-late')).toBeNull();
      expect(states()).toMatch(/STP · Sở Tư pháp.*Tự chấm: Bị từ chối/);
      // The refused file's reason is the fact, without the CLI's next step the pane offers itself.
      expect(states()).toContain('Nộp muộn: "stp-muon.xlsx" nhận lúc 05/03/2026, 09 giờ 00');
      expect(states()).not.toContain('cchc campaign');
      expect(cliRegister().receipts.map((r: { status: string }) => r.status)).toEqual([
        'accepted',
        'late-refused',
      ]);

      // Reopen Tự chấm for STP until 20 March: unit, stage and reason are required.
      const reopen = screen.getByTestId('campaign-reopen');
      const submit = buttonNamed(reopen, vi.campaign.reopen);
      expect(disabledBecause(submit)).toBe(vi.campaign.reopenNeeds);
      fireEvent.change(within(reopen).getByLabelText(vi.campaign.reopenUnit), { target: { value: 'STP' } });
      fireEvent.change(within(reopen).getByLabelText(vi.campaign.reopenStage), {
        target: { value: 'tu-cham' },
      });
      fireEvent.change(within(reopen).getByLabelText(vi.campaign.reopenUntil), {
        target: { value: '2026-03-20' },
      });
      expect(disabledBecause(submit)).toBe(vi.campaign.reopenNeeds);
      fireEvent.change(within(reopen).getByLabelText(vi.campaign.reopenReason, { exact: false }), {
        target: { value: 'Cho nộp lại' },
      });
      await waitFor(() => expect(disabledBecause(submit)).toBeNull());
      const beforeReopen = JSON.stringify(await paneRegister(store));
      fireEvent.click(submit);
      await screen.findByText(
        'Đã mở lại giai đoạn "Tự chấm" cho STP · Sở Tư pháp, hạn mới: hết ngày 20/03/2026.',
        {},
        { timeout: 20_000 },
      );
      await cliRun(LATE_REOPEN);
      const after = await paneRegister(store);
      expect(after).toEqual(cliRegister());
      expect(JSON.stringify(after)).not.toBe(beforeReopen);
      expect(cliRegister().reopenings).toEqual([
        { stage: 'tu-cham', unit: 'STP', at: NOW, until: '2026-03-20', reason: 'Cho nộp lại' },
      ]);
      // The form is cleared for the next reopening.
      expect(
        (within(reopen).getByLabelText(vi.campaign.reopenReason, { exact: false }) as HTMLTextAreaElement)
          .value,
      ).toBe('');
    } finally {
      restore();
    }
  });

  it('a file decided meanwhile elsewhere: a Vietnamese sentence, no stack, and the row is gone', async () => {
    const fake = createFakeExcel();
    const restore = fake.install();
    try {
      const store = workbookFileStore();
      const campaign = paneCampaignServices(store, NOW);
      await createLateCampaign(campaign);
      const bytes = files['snv-muon.xlsx']!;
      const { receipts } = await campaign.receiveCampaignFiles([
        { name: 'snv-muon.xlsx', size: bytes.length, bytes: async () => bytes },
      ]);
      const seq = receipts[0]!.seq;
      render(<App services={appServices(campaign)} t={vi} dark={false} role="admin" initialTab="campaign" />);
      const late = await screen.findByTestId('campaign-late', {}, { timeout: 20_000 });
      // Another copy of the pane (or the CLI on an exported register) decides first.
      await campaign.decideLateCampaignFile(seq, false, 'Quyết định ở máy khác');
      fireEvent.click(
        buttonNamed(within(late).getByTestId(`late-${seq}`), vi.campaign.acceptFile('snv-muon.xlsx')),
      );
      const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
      expect(alert.textContent).toBe(
        `Lần nhận số ${seq} ("snv-muon.xlsx") không phải tệp nộp muộn đang chờ quyết định (trạng thái: nộp muộn — không chấp nhận).`,
      );
      expect(alert.textContent).not.toMatch(/\bat |Error|không mong muốn/);
      await waitFor(() => expect(screen.queryByTestId('campaign-late')).toBeNull());
    } finally {
      restore();
    }
  });
});
