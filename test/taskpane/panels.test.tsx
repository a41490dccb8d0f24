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
import type { CheckState, FrameworkChoice, TaskpaneServices } from '../../src/taskpane/services';
import { stringsFor } from '../../src/taskpane/strings';
import type { Problem } from '../../src/scoring/types';

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
    },
    checkedAt: new Date(2026, 10, 22, 9, 30, 0),
  };
}

function services(overrides: Partial<TaskpaneServices> = {}): TaskpaneServices & { calls: string[] } {
  const calls: string[] = [];
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
    surveyInUse: () => null,
    consolidate: fail('consolidate'),
    writeRanking: fail('writeRanking'),
    ...overrides,
  };
}

describe('Tạo mẫu panel', () => {
  it('shows the framework facts with the "minh họa" badge and decimal commas', async () => {
    render(<App services={services()} t={vi} dark={false} />);
    const facts = await screen.findByTestId('framework-facts', {}, { timeout: 10_000 });
    expect(within(facts).getByText('minh họa')).toBeTruthy();
    expect(facts.textContent).toContain('Căn cứ: 1/QĐ-UBND ngày 15/01/2024');
    expect(facts.textContent).toContain('68,50 điểm thẩm định + 31,50 điểm điều tra XHH = 100,00');
  });

  it('makes one workbook for the typed unit, and a .zip for a pasted list', async () => {
    const s = services();
    render(<App services={s} t={vi} dark={false} />);
    const make = await button(vi.template.makeOne);
    expect(make.disabled).toBe(true);
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
    expect(screen.getByText('1. Chỉ đạo điều hành (1)')).toBeTruthy();
    expect(screen.getByText('2. Thể chế (1)')).toBeTruthy();
    const totals = screen.getByTestId('totals');
    expect(totals.textContent).toContain('25,86');
    expect(totals.textContent).toContain('0,30');
    fireEvent.click(await button('Đến ô Chấm điểm!E12'));
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
    expect(
      (await screen.findAllByText('Consolidate & rank', {}, { timeout: 10_000 })).length,
    ).toBeGreaterThan(0);
    expect((await screen.findByTestId('counts', {}, { timeout: 10_000 })).textContent).toContain('0 errors');
  });

  it('shows a failing service as a Vietnamese message, not a crash', async () => {
    const s = services({ check: () => Promise.reject(new Error('Đọc bảng chấm điểm: Excel bận.')) });
    render(<App services={s} t={vi} dark={false} initialTab="check" />);
    expect(await screen.findByText('Có lỗi không mong muốn: Đọc bảng chấm điểm: Excel bận.')).toBeTruthy();
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
