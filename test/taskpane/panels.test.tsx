/**
 * @jest-environment jsdom
 *
 * Component tests of the panels (faster than the browser suite): the app is rendered over a
 * hand-written TaskpaneServices whose answers each test sets, so what is asserted is the panels'
 * own behaviour — what they show, and which service calls the user's actions make.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { groupByField } from '../../src/taskpane/panels/CheckPanel';
import {
  surveyStore,
  type CheckState,
  type ConsolidationView,
  type FrameworkChoice,
  type PickedFile,
  type TaskpaneServices,
} from '../../src/taskpane/services';
import { localeFromSearch, stringsFor } from '../../src/taskpane/strings';
import type { Problem } from '../../src/scoring/types';
import { validateScoresheet } from '../../src/scoring/validate';
import { sampleFramework, sheetOf } from '../scoring/framework-fixture';

const vi = stringsFor('vi');

// jsdom has no layout engine and so no ResizeObserver (Fluent's MessageBar observes its width);
// with no layout there is never a resize to report, so an observer that reports none is exact.
beforeAll(() => {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

/** The <button> around a label (role queries are very slow on Fluent's large jsdom trees). */
async function button(label: string): Promise<HTMLButtonElement> {
  const text = await screen.findByText(label, {}, { timeout: 10_000 });
  const b = text.closest('button');
  if (!b) throw new Error(`no button "${label}"`);
  return b;
}

const choice: FrameworkChoice = {
  id: 'fw',
  title: 'Bộ tiêu chí thử',
  year: 2024,
  level: 'so',
  status: 'illustrative',
  imported: false,
  legalBasis: { number: '1/QĐ-UBND', date: '2024-01-15' },
  groups: [{ id: 'so', name: 'Sở, ban, ngành' }],
  counts: { fields: 2, criteria: 3, subCriteria: 4 },
  points: { self: 68.5, survey: 31.5, total: 100 },
  problems: [],
};

const aboveMax: Problem = {
  severity: 'error',
  rule: 'score.aboveMax',
  code: '2.1',
  field: 'self',
  message: 'Tiêu chí 2.1: 5 vượt điểm tối đa 1.',
  cell: 'Chấm điểm!E12',
};
const missing: Problem = {
  severity: 'warning',
  rule: 'score.missing',
  code: '1.1',
  message: 'Tiêu chí 1.1 chưa chấm.',
  cell: 'Chấm điểm!E6',
};

function checked(problems: Problem[]): CheckState {
  return {
    kind: 'checked',
    unit: { code: 'SO01', name: 'Sở Tư pháp', group: 'so' },
    groupName: 'Sở, ban, ngành',
    framework: { id: 'fw', title: 'Bộ tiêu chí thử', status: 'illustrative' },
    fields: [
      { code: '1', name: 'Chỉ đạo điều hành' },
      { code: '2', name: 'Thể chế' },
    ],
    problems,
    totals: {
      self: 0.3,
      appraised: 0.3,
      survey: 25.56,
      total: 25.86,
      max: 100,
      index: 25.86,
      notYetAppraised: 2,
      anyAppraised: true,
    },
    checkedAt: new Date(2026, 10, 22, 9, 30, 0),
  };
}

function services(overrides: Partial<TaskpaneServices> = {}): TaskpaneServices & { calls: string[] } {
  const calls: string[] = [];
  const survey = surveyStore();
  const fail = (what: string) => () => Promise.reject(new Error(`${what} không dùng trong phép thử này`));
  return {
    calls,
    listFrameworks: async () => [choice],
    importFramework: fail('importFramework'),
    saveImportedFramework: fail('saveImportedFramework'),
    makeTemplates: async (id, units) => {
      calls.push(`make ${id} ${units.map((u) => `${u.code}|${u.name}|${u.group}`).join(',')}`);
      return units.length === 1
        ? { kind: 'excel', unit: units[0].name }
        : { kind: 'zip', count: units.length, fileName: 'x.zip' };
    },
    check: async (mode) => {
      calls.push(`check ${mode}`);
      return checked([]);
    },
    watch: async () => () => undefined,
    goToCell: async (address) => {
      calls.push(`goto ${address}`);
    },
    highlight: async (cells) => {
      calls.push(`highlight ${cells.join(',')}`);
      return cells.length;
    },
    clearHighlights: async () => 0,
    previewSurvey: fail('previewSurvey'),
    writeSurvey: fail('writeSurvey'),
    surveyInUse: survey.get,
    onSurveyChange: survey.subscribe,
    consolidate: fail('consolidate'),
    writeRanking: fail('writeRanking'),
    openCampaign: async () => null,
    createCampaign: fail('createCampaign'),
    receiveCampaignFiles: fail('receiveCampaignFiles'),
    decideLateCampaignFile: fail('decideLateCampaignFile'),
    reopenCampaignStage: fail('reopenCampaignStage'),
    issueCampaignWorkbooks: fail('issueCampaignWorkbooks'),
    downloadCampaignDocuments: fail('downloadCampaignDocuments'),
    ...overrides,
  };
}

describe('Tạo mẫu panel', () => {
  it('shows the framework facts with the "minh họa" badge and decimal commas', async () => {
    render(<App services={services()} t={vi} dark={false} role="admin" />);
    const facts = await screen.findByTestId('framework-facts', {}, { timeout: 10_000 });
    expect(within(facts).getByText('minh họa')).toBeTruthy();
    expect(facts.textContent).toContain('Căn cứ: 1/QĐ-UBND ngày 15/01/2024');
    expect(facts.textContent).toContain('68,50 điểm thẩm định + 31,50 điểm điều tra XHH = 100,00');
  });

  it('makes one workbook for the typed unit, and a .zip for a pasted list', async () => {
    const s = services();
    render(<App services={s} t={vi} dark={false} role="admin" />);
    const make = await button(vi.template.makeOne);
    // Disabled, and says why (focusable so a screen reader reads the reason).
    expect(make.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(make.getAttribute('aria-describedby')!)?.textContent).toBe(
      vi.template.needUnit,
    );
    fireEvent.change(screen.getByLabelText(/Tên đơn vị/), { target: { value: '  Sở Tư pháp ' } });
    fireEvent.click(make);
    await screen.findByText(vi.template.madeOne('Sở Tư pháp'), {}, { timeout: 10_000 });
    expect(s.calls).toContain('make fw |Sở Tư pháp|so');

    fireEvent.click(screen.getByLabelText(vi.template.unitModeMany));
    fireEvent.change(screen.getByLabelText(vi.template.unitListLabel), {
      target: { value: 'SO01; Sở Y tế\nSở Xây dựng' },
    });
    fireEvent.click(await button(vi.template.makeMany(2)));
    await screen.findByText(vi.template.madeMany(2, 'x.zip'), {}, { timeout: 10_000 });
    expect(s.calls).toContain('make fw SO01|Sở Y tế|so,|Sở Xây dựng|so');
  });
});

describe('Kiểm tra panel', () => {
  it('groups problems by lĩnh vực with counts, and a link selects the cell', async () => {
    const s = services({
      check: async (mode) => {
        s.calls.push(`check ${mode}`);
        return checked([missing, aboveMax]);
      },
    });
    render(<App services={s} t={vi} dark={false} initialTab="check" />);
    const counts = await screen.findByTestId('counts', {}, { timeout: 10_000 });
    expect(counts.textContent).toContain('1 lỗi');
    expect(counts.textContent).toContain('1 cảnh báo');
    // "chưa chấm điểm" is the one summary line; the other problems are grouped by lĩnh vực.
    expect(screen.queryByText('1. Chỉ đạo điều hành (1)')).toBeNull();
    expect(screen.getByTestId('unscored').textContent).toContain('1 tiêu chí chưa chấm điểm.');
    expect(screen.getByText('2. Thể chế (1)')).toBeTruthy();
    const totals = screen.getByTestId('totals');
    expect(totals.textContent).toContain('25,86');
    expect(totals.textContent).toContain('0,30');
    fireEvent.click(await button('Đến ô E12'));
    await waitFor(() => expect(s.calls).toContain('goto Chấm điểm!E12'));
    // Only errors are painted (a missing score while drafting is a warning).
    fireEvent.click(await button(vi.check.highlight));
    await screen.findByText(vi.check.highlighted(1), {}, { timeout: 10_000 });
    expect(s.calls).toContain('highlight Chấm điểm!E12');
  });

  it('re-checks in submission mode when the switch is turned on', async () => {
    const s = services();
    render(<App services={s} t={vi} dark={false} initialTab="check" />);
    await screen.findByTestId('counts', {}, { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(screen.getByLabelText(vi.check.submissionMode));
    });
    await waitFor(() => expect(s.calls).toContain('check submission'));
    expect(s.calls[0]).toBe('check draft');
  });

  it('says clearly when the open workbook is not a template', async () => {
    const s = services({ check: async () => ({ kind: 'notTemplate', reason: 'Thiếu trang "_meta".' }) });
    render(<App services={s} t={vi} dark={false} initialTab="check" />);
    const box = await screen.findByTestId('not-template', {}, { timeout: 10_000 });
    expect(box.textContent).toContain(vi.check.notTemplateTitle);
    expect(box.textContent).toContain('Thiếu trang "_meta".');
  });

  it('tells a template of an unknown framework from a workbook that is not a template', async () => {
    const s = services({
      check: async () => ({
        kind: 'notTemplate',
        reason: 'Bộ tiêu chí "tinh-x-2025" không có.',
        unknownFramework: true,
      }),
    });
    render(<App services={s} t={vi} dark={false} initialTab="check" />);
    const box = await screen.findByTestId('not-template', {}, { timeout: 10_000 });
    expect(box.textContent).toContain(vi.check.unknownFrameworkTitle);
    expect(box.textContent).toContain(vi.check.unknownFrameworkHint);
    expect(box.textContent).not.toContain(vi.check.notTemplateTitle);
  });

  it('renders in English with ?lang=en strings', async () => {
    render(<App services={services()} t={stringsFor('en')} dark initialTab="check" />);
    // Fluent's Tab renders its label twice (one copy reserves the bold width).
    expect((await screen.findAllByText('Consolidate', {}, { timeout: 10_000 })).length).toBeGreaterThan(0);
    expect((await screen.findByTestId('counts', {}, { timeout: 10_000 })).textContent).toContain('0 errors');
  });

  it('with ?lang=en words a real over-maximum score in English, with its code, score and maximum', async () => {
    // 1.1 of the sample framework has the levels 1 / 0,5 / 0: a 7 is above its maximum of 1.
    const problems = validateScoresheet(sampleFramework(), sheetOf({ '1.1': { self: 7 } }));
    const above = problems.filter((p) => p.rule === 'score.aboveMax');
    expect(above.map((p) => p.message)).toEqual(['Tiêu chí 1.1, điểm tự đánh giá: 7 vượt điểm tối đa 1.']);
    const s = services({ check: async () => checked(above) });
    render(<App services={s} t={stringsFor(localeFromSearch('?lang=en'))} dark initialTab="check" />);
    const list = await screen.findByTestId('problems', {}, { timeout: 10_000 });
    const item = list.querySelector('li[data-rule="score.aboveMax"]');
    expect(item?.textContent).toContain('Criterion 1.1, self-assessment score: 7 is above the maximum of 1.');
    expect(item?.textContent).not.toContain('vượt');
  });

  it('shows a failing service as a Vietnamese message, not a crash', async () => {
    const s = services({ check: () => Promise.reject(new Error('Đọc bảng chấm điểm: Excel bận.')) });
    render(<App services={s} t={vi} dark={false} initialTab="check" />);
    expect(await screen.findByText('Có lỗi không mong muốn: Đọc bảng chấm điểm: Excel bận.')).toBeTruthy();
  });
});

describe('first run and roles', () => {
  beforeEach(() => localStorage.clear());

  it("asks who uses the pane, remembers it, and shows that role's tabs", async () => {
    const first = render(<App services={services()} t={vi} dark={false} />);
    const roles = await screen.findByTestId('roles', {}, { timeout: 10_000 });
    expect(roles.textContent).toContain(vi.roles.does.unit);
    expect(roles.textContent).toContain(vi.roles.does.admin);
    fireEvent.click(screen.getByTestId('role-unit'));
    // Unit staff: the Kiểm tra panel, no tab bar of the Sở's tasks.
    await screen.findByTestId('counts', {}, { timeout: 10_000 });
    expect(screen.queryByRole('tablist')).toBeNull();
    first.unmount();
    // Remembered: the next opening goes straight to the panel.
    render(<App services={services()} t={vi} dark={false} />);
    await screen.findByTestId('counts', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('roles')).toBeNull();
    expect(localStorage.getItem('cchc.role.v1')).toBe('unit');
  });

  it("opens on Kiểm tra when the open workbook is a unit's template, even for the Sở", async () => {
    localStorage.setItem('cchc.role.v1', 'admin');
    const s = services();
    render(<App services={s} t={vi} dark={false} probe={async () => 'template'} />);
    await screen.findByTestId('counts', {}, { timeout: 10_000 });
    expect(s.calls).toContain('check draft');
    expect(screen.getByRole('tab', { name: vi.tabs.check }).getAttribute('aria-selected')).toBe('true');
  });

  it('keeps framework import apart from the daily tabs, reached from Tạo mẫu', async () => {
    render(<App services={services()} t={vi} dark={false} role="admin" />);
    const tabs = await screen.findAllByRole('tab', {}, { timeout: 10_000 });
    expect(tabs.map((x) => x.getAttribute('value'))).toEqual(['template', 'check', 'survey', 'consolidate']);
    fireEvent.click(await button(vi.template.manageFrameworks));
    expect(await screen.findByTestId('framework-import', {}, { timeout: 10_000 })).toBeTruthy();
  });
});

describe('groupByField', () => {
  it('puts sheet-level problems first, fields in tree order, errors before warnings', () => {
    const sheet: Problem = { severity: 'error', rule: 'structure', code: '', message: 'Trang bị sửa.' };
    const w2: Problem = { ...missing, code: '2.2' };
    const groups = groupByField(
      [w2, aboveMax, missing, sheet],
      [
        { code: '1', name: 'A' },
        { code: '2', name: 'B' },
      ],
      'Chung',
    );
    expect(groups.map((g) => g.title)).toEqual(['Chung', '1. A', '2. B']);
    expect(groups[2].problems).toEqual([aboveMax, w2]);
  });
});

describe('Kiểm tra: errors first', () => {
  const unscored: Problem[] = Array.from({ length: 46 }, (_, i) => ({
    severity: 'warning',
    rule: 'score.missing',
    code: `1.${i + 1}`,
    field: 'self',
    message: `Tiêu chí 1.${i + 1}: chưa chấm điểm.`,
    cell: `Chấm điểm!E${6 + i}`,
  }));

  it('lists a real error before 46 "chưa chấm điểm", which are one summary line with a list on demand', async () => {
    const s = services({ check: async () => checked([...unscored, aboveMax]) });
    render(<App services={s} t={vi} dark={false} initialTab="check" />);
    const problems = await screen.findByTestId('problems', {}, { timeout: 10_000 });
    // The listed problems are the real error only; the 46 are rolled up.
    const items = problems.querySelectorAll('li[data-rule]');
    expect([...items].map((li) => li.getAttribute('data-rule'))).toEqual(['score.aboveMax']);
    const line = screen.getByTestId('unscored');
    expect(line.textContent).toContain('46 tiêu chí chưa chấm điểm.');
    expect(line.querySelectorAll('li')).toHaveLength(0);
    fireEvent.click(await button(vi.check.showList));
    expect(line.querySelectorAll('li')).toHaveLength(46);
    // The error comes before the summary line in the document.
    expect(problems.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    fireEvent.click(await button(vi.check.firstError));
    await waitFor(() => expect(s.calls).toContain('goto Chấm điểm!E12'));
  });

  it('in submission mode the typed error is still first, and "Chỉ hiện lỗi" hides the warnings', async () => {
    const asErrors = unscored.map((p) => ({ ...p, severity: 'error' as const }));
    const note: Problem = { ...missing, rule: 'appraisal.noComment', code: '2.2', cell: 'Chấm điểm!F20' };
    const s = services({ check: async () => checked([...asErrors, note, aboveMax]) });
    render(<App services={s} t={vi} dark={false} initialTab="check" />);
    const problems = await screen.findByTestId('problems', {}, { timeout: 10_000 });
    const rules = () =>
      [...problems.querySelectorAll('li[data-rule]')].map((li) => li.getAttribute('data-rule'));
    expect(rules()).toEqual(['score.aboveMax', 'appraisal.noComment']);
    expect(screen.getByTestId('unscored').textContent).toContain('Lỗi:');
    fireEvent.click(screen.getByLabelText(vi.check.errorsOnly));
    await waitFor(() => expect(rules()).toEqual(['score.aboveMax']));
    fireEvent.click(await button(vi.check.firstError));
    await waitFor(() => expect(s.calls).toContain('goto Chấm điểm!E12'));
  });

  it('shows no appraisal figure when nothing was appraised', async () => {
    const state = checked([]);
    if (state.kind === 'checked') state.totals = { ...state.totals, appraised: 0.5, anyAppraised: false };
    render(<App services={services({ check: async () => state })} t={vi} dark={false} initialTab="check" />);
    const totals = await screen.findByTestId('totals', {}, { timeout: 10_000 });
    expect(totals.textContent).not.toContain('0,50');
    expect(totals.textContent).toContain('Thẩm định—');
    expect(screen.getByText(vi.check.noAppraisalYet)).toBeTruthy();
  });

  it('names the go-to button by the criterion, not only the address', async () => {
    render(
      <App
        services={services({ check: async () => checked([aboveMax]) })}
        t={vi}
        dark={false}
        initialTab="check"
      />,
    );
    const link = await button('Đến ô E12');
    expect(link.getAttribute('aria-label')).toBe('Đến ô Chấm điểm!E12 của tiêu chí 2.1');
  });
});

describe('Tổng hợp: files and stale results', () => {
  const file = (name: string): PickedFile => ({ name, size: 10, bytes: async () => new Uint8Array() });
  const unit = (name: string, index: number) => ({
    unit: name,
    code: undefined,
    group: 'so',
    self: index,
    appraisal: index,
    survey: null,
    total: index,
    max: 100,
    index,
    rank: 1,
    ranked: true,
    band: 'Khá',
    warnings: [],
  });

  function consolidating() {
    const s = services();
    s.consolidate = async (files) => {
      s.calls.push(
        `consolidate ${files.map((f) => f.name).join(',')} survey=${s.surveyInUse()?.fileName ?? '-'}`,
      );
      const view: ConsolidationView = {
        survey: s.surveyInUse(),
        allowMissingSurvey: false,
        zeroSurvey: 0,
        files: files.map((f, i) => ({
          file: f.name,
          status: i === files.length - 1 && files.length > 2 ? 'duplicate' : 'accepted',
          unit: f.name.replace('.xlsx', ''),
          errors: i === files.length - 1 && files.length > 2 ? ['Trùng đơn vị: hãy giữ lại một tệp.'] : [],
        })),
        units: [unit('A', 80) as never],
        groupNames: { so: 'Sở, ban, ngành' },
      };
      return view;
    };
    s.writeRanking = async () => {
      s.calls.push('write');
    };
    return s;
  }

  async function pick(names: string[]) {
    const input = screen.getByLabelText(vi.consolidate.pick) as HTMLInputElement;
    const files = names.map((n) => new File([new Uint8Array(10)], n));
    await act(async () => {
      fireEvent.change(input, { target: { files } });
    });
  }

  it('says why "Tổng hợp" is disabled instead of offering "Tổng hợp 0 tệp"', async () => {
    render(<App services={consolidating()} t={vi} dark={false} initialTab="consolidate" />);
    const start = await screen.findByTestId('consolidate-start', {}, { timeout: 10_000 });
    expect(start.textContent).toBe(vi.consolidate.startNone);
    expect(start.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(start.getAttribute('aria-describedby')!);
    expect(reason?.textContent).toBe(vi.consolidate.needFiles);
  });

  it('lists the files with a remove button each, problem files first, and keeps the skipped-file warning', async () => {
    const s = consolidating();
    render(<App services={s} t={vi} dark={false} initialTab="consolidate" />);
    await screen.findByTestId('drop-zone', {}, { timeout: 10_000 });
    await pick(['a.xlsx', 'b.xlsx', 'c.xlsx', 'ghi-chu.docx']);
    const picked = screen.getByTestId('picked-files');
    expect([...picked.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'a.xlsxBỏ',
      'b.xlsxBỏ',
      'c.xlsxBỏ',
    ]);
    fireEvent.click(screen.getByLabelText('Bỏ tệp b.xlsx'));
    expect(picked.querySelectorAll('li')).toHaveLength(2);
    await pick(['b.xlsx', 'd.xlsx']);
    fireEvent.click(screen.getByTestId('consolidate-start'));
    await screen.findByTestId('results', {}, { timeout: 10_000 });
    expect(s.calls).toContain('consolidate a.xlsx,c.xlsx,b.xlsx,d.xlsx survey=-');
    // The duplicate (the last file) is listed first, before the ranking; accepted ones are folded.
    const problems = screen.getByTestId('file-problems');
    expect(problems.querySelector('li')?.getAttribute('data-status')).toBe('duplicate');
    expect(
      problems.compareDocumentPosition(screen.getByTestId('ranking')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getByTestId('file-accepted').tagName).toBe('DETAILS');
    // The summary and the write button come before the per-file details.
    expect(
      screen.getByTestId('write-ranking').compareDocumentPosition(problems) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // Removing the duplicate from the results makes them out of date until recomputed.
    fireEvent.click(within(problems).getByLabelText('Bỏ tệp d.xlsx'));
    expect(screen.getByTestId('stale').textContent).toContain(vi.consolidate.staleFiles);
    expect(screen.getByTestId('write-ranking').getAttribute('aria-disabled')).toBe('true');
  });

  it('skipped-file warning stays after "Tổng hợp"', async () => {
    const s = consolidating();
    render(<App services={s} t={vi} dark={false} initialTab="consolidate" />);
    await screen.findByTestId('drop-zone', {}, { timeout: 10_000 });
    await pick(['a.xlsx', 'ghi-chu.docx']);
    fireEvent.click(screen.getByTestId('consolidate-start'));
    await screen.findByTestId('results', {}, { timeout: 10_000 });
    expect(screen.getByText(vi.consolidate.skipped('ghi-chu.docx'))).toBeTruthy();
  });

  it('case (b): a survey loaded after consolidating makes the results stale and unwritable until recomputed', async () => {
    const s = consolidating();
    const store = surveyStore();
    s.surveyInUse = store.get;
    s.onSurveyChange = store.subscribe;
    s.previewSurvey = async (f) => {
      store.set(f.name);
      return {
        fileName: f.name,
        against: { kind: 'consolidation', count: 1 },
        matched: [],
        unmatched: [],
        withoutData: [],
        problems: [],
        canWrite: false,
      };
    };
    render(<App services={s} t={vi} dark={false} initialTab="consolidate" />);
    await screen.findByTestId('drop-zone', {}, { timeout: 10_000 });
    await pick(['a.xlsx']);
    fireEvent.click(screen.getByTestId('consolidate-start'));
    await screen.findByTestId('results', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('stale')).toBeNull();

    // The survey is loaded on its own panel (the same state the services hold).
    await act(async () => {
      await s.previewSurvey(file('sipas.xlsx'));
    });
    expect(screen.getByTestId('stale').textContent).toContain(vi.consolidate.staleSurvey);
    const write = screen.getByTestId('write-ranking');
    expect(write.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(write);
    expect(s.calls).not.toContain('write');

    fireEvent.click(await button(vi.consolidate.recompute));
    await waitFor(() => expect(s.calls).toContain('consolidate a.xlsx survey=sipas.xlsx'));
    await waitFor(() => expect(screen.queryByTestId('stale')).toBeNull());
    fireEvent.click(screen.getByTestId('write-ranking'));
    await waitFor(() => expect(s.calls).toContain('write'));
  });
});

describe('Sổ tổng hợp: Tải văn bản', () => {
  const view = {
    id: 'dot-2025',
    title: 'Đợt 2025',
    framework: 'Bộ tiêu chí thử (fw)',
    stageNames: ['Tự chấm'],
    stageIds: ['tu-cham'],
    units: [
      {
        code: 'STP',
        name: 'Sở Tư pháp',
        group: 'Sở, ban, ngành',
        stages: [{ state: 'accepted', late: false, reasons: [] }],
      },
      {
        code: 'CD',
        name: 'Huyện Châu Đốc',
        group: 'Huyện',
        stages: [{ state: 'missing', late: false, reasons: [] }],
      },
    ],
    unmatched: [],
    ready: { appraisal: 1, response: 0 },
    pendingLate: [],
  } as const;

  it('downloads the documents through the use case and names the units without a return', async () => {
    const s = services({
      openCampaign: async () => JSON.parse(JSON.stringify(view)),
      downloadCampaignDocuments: async () => {
        s.calls.push('documents');
        return { documents: 3, withoutReturn: ['Huyện Châu Đốc'], fileName: 'Van ban - dot-2025.zip' };
      },
    });
    render(<App services={s} t={vi} dark={false} role="admin" probe={async () => 'campaign'} />);
    fireEvent.click(await button(vi.campaign.documents));
    await screen.findByText(
      `${vi.campaign.documentsMade(3, 'Van ban - dot-2025.zip')} ${vi.campaign.documentsWithout(['Huyện Châu Đốc'])}`,
      {},
      { timeout: 10_000 },
    );
    expect(s.calls).toEqual(['documents']);
  });
});
