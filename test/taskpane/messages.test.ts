/**
 * The locale files of problems: every key has a Vietnamese template (its layer's messages.vi.ts)
 * and an English one (src/taskpane/messages.en.ts), and both say the same facts. The types make a
 * missing template a compile error; this test also fails at run time when a key of a catalogue
 * has no template (e.g. a key added to the list but the tables built by a spread or a cast), and
 * when a template drops one of its facts.
 */
import { SCORING_PROBLEM_KEYS, type ScoringProblemKey } from '../../src/scoring/problem-keys';
import { SCORING_VI, type ScoringParams } from '../../src/scoring/messages.vi';
import { CONSOLIDATION_EN, FIXED_EN, SCORING_EN, STRUCTURE_EN } from '../../src/taskpane/messages.en';
import { PROBLEM_KEYS } from '../../src/consolidation/problem-keys';
import { problemText } from '../../src/taskpane/problem-text';
import { CONSOLIDATION_VI, type ConsolidationParams } from '../../src/consolidation/messages.vi';
import { STRUCTURE_PROBLEM_KEYS, type StructureProblemKey } from '../../src/workbook/problem-keys';
import { STRUCTURE_VI, type StructureParams } from '../../src/workbook/messages.vi';
import { FRAMEWORK_PROBLEM_KEYS, type FrameworkProblemKey } from '../../src/framework/problem-keys';
import { FRAMEWORK_VI, type FrameworkParams } from '../../src/framework/messages.vi';
import { FRAMEWORK_EN } from '../../src/taskpane/messages.en';
import { frameworkProblemText } from '../../src/taskpane/problem-text';
import { checkFramework } from '../../src/framework/checks';
import { listBuiltinFrameworks } from '../../src/framework/builtins';
import { CAMPAIGN_PROBLEM_KEYS, type CampaignProblemKey } from '../../src/campaign/problem-keys';
import { CAMPAIGN_VI, type CampaignParams } from '../../src/campaign/messages.vi';
import { CAMPAIGN_EN, enDateTime } from '../../src/taskpane/messages.en';
import { campaignReasonText } from '../../src/taskpane/problem-text';
import { STAGES } from '../../src/campaign/stages';
import { reasonSchema } from '../../src/campaign/register';
import { viDate } from '../../src/common/vi-time';

/** One problem's facts per key, with distinctive numbers and texts so each can be found. */
const SCORING_SAMPLES: { [K in ScoringProblemKey]: ScoringParams[K][] } = {
  'value.notANumber': [
    { found: 'notFinite' },
    { found: 'text', text: 'hai' },
    { found: 'boolean', value: true },
    { found: 'excelError', error: '#VALUE!' },
    { found: 'unreadable' },
    { found: 'surveyFigure' },
  ],
  'value.numericText': [{ text: ' 1,5 ', value: 1.5 }],
  'score.missing': [{}],
  'score.negative': [{ value: -0.75 }, { value: -2.5, from: 'surveyFile' }],
  'score.aboveMax': [
    { value: 7.25, max: 3 },
    { value: 6.5, max: 4, from: 'surveyFile' },
  ],
  'score.notALevel': [
    {
      value: 0.75,
      choices: [
        { label: 'Kịp thời', points: 1 },
        { label: 'Không kịp thời', points: 0.5 },
      ],
    },
  ],
  'score.notATierPoint': [{ value: 1.5, choices: [{ label: 'trên 90%', points: 2 }] }],
  'score.offStep': [{ value: 1.1, step: 0.25 }],
  'score.notApplicable': [{ group: 'Sở, ban, ngành' }],
  'score.selfOnSurveyLeaf': [{}],
  'deduction.positive': [{ value: 0.5 }],
  'deduction.beyondCap': [{ value: -3, cap: 2 }],
  'bonus.beyondCap': [{ value: 1.5, cap: 1 }],
  'evidence.missing': [{}],
  'appraisal.noComment': [
    { round: 1, appraisal: 1.5, before: 2 },
    { round: 2, appraisal: 2.75, before: 1.25, against: 'round1' },
    { round: 2, appraisal: 2.75, before: 1.25, against: 'self' },
  ],
  'entry.unknownCode': [{ code: '9.9', frameworkId: 'fw-x' }],
  'unit.unknownGroup': [{ group: 'xa', groups: [{ id: 'so', name: 'Sở, ban, ngành' }] }],
  'sheet.wrongFramework': [{ sheetFramework: 'fw-old', framework: 'fw-new' }],
  'survey.rateOutOfRange': [{ rate: 120.5 }, { rate: -4, from: 'surveyFile' }],
  'survey.notASurveyLeaf': [{ code: '1.3' }],
};

const STRUCTURE_SAMPLES: { [K in StructureProblemKey]: StructureParams[K][] } = {
  'structure.headerMissing': [{ sheet: 'Chấm điểm' }],
  'structure.columnDuplicate': [{ title: 'Giải trình' }],
  'structure.columnMissing': [{ title: 'Điểm tối đa', headerRow: 4 }],
  'structure.textInCode': [{ text: 'Ghi chú', row: 31 }],
  'structure.codeUnknown': [{ code: '9.9', frameworkId: 'fw-x' }],
  'structure.codeDuplicate': [{ code: '1.2', firstRow: 7, row: 19 }],
  'structure.rowMissing': [{ code: '1.3', name: 'Ban hành kế hoạch' }],
  'structure.rowOrder': [{ code: '2.1' }],
  'structure.maxChanged': [
    { code: '1.1', frameworkId: 'fw-x', expected: 2.5, inFile: { value: 3.75 } },
    { code: '1', frameworkId: 'fw-x', expected: 10.5, inFile: { formula: 'SUM(C6:C9)' } },
  ],
  'structure.formulaInInput': [{ code: '1.4', column: 'Điểm tự đánh giá', formula: 'C8*2' }],
  'structure.applicabilityChanged': [
    { code: '1.4', mark: 'Không áp dụng', holds: 1.25, group: 'Sở, ban, ngành' },
    { code: '1.4', mark: 'Không áp dụng', holds: null, group: 'Sở, ban, ngành' },
    { code: '1.1', copiedOver: 'Không áp dụng' },
  ],
  'structure.surveyMarkChanged': [
    { code: '2.1', mark: 'Điều tra XHH', holds: 'hai' },
    { code: '2.1', mark: 'Điều tra XHH', holds: { error: '#REF!' } },
    { code: '1.1', copiedOver: 'Điều tra XHH' },
  ],
  'structure.otherFramework': [
    { fileFramework: 'fw-old', framework: 'fw-new' },
    { fileFramework: 'fw-old', framework: 'fw-new', file: 'S07.xlsx' },
    { framework: 'fw-x', fileVersion: '2024.1', version: '2025.2' },
  ],
  'structure.formatVersion': [{ inFile: '7', reads: '1' }],
  'structure.unitMissing': [
    { sheet: '_meta', codeMissing: true },
    { sheet: '_meta', codeMissing: false },
  ],
  'structure.unknownGroup': [{ group: 'xa', frameworkId: 'fw-x' }],
};

const CONSOLIDATION_SAMPLES: { [K in keyof ConsolidationParams]: ConsolidationParams[K][] } = {
  'file.duplicate': [
    { file: 'a.xlsx', unit: 'Sở Tư pháp', unitCode: 'STP', count: 2, others: ['b.xlsx'], sameBytes: true },
    {
      file: 'a.xlsx',
      unit: 'Sở Tư pháp',
      unitCode: '',
      count: 3,
      others: ['b.xlsx', 'c.xlsx'],
      sameBytes: false,
    },
  ],
  'consolidation.notYetAppraised': [
    { file: 'a.xlsx', codes: ['1.1', '1.2'] },
    { file: 'a.xlsx', codes: ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1'] },
  ],
  'consolidation.textReplaced': [
    {
      file: 'a\uFFFD.xlsx',
      replaced: [
        { where: 'unitName', chars: ['U+FFFE', 'U+0007'] },
        { where: 'fileName', chars: ['U+FFFF'] },
      ],
      replacement: '\uFFFD',
    },
  ],
  'consolidation.surveyMissing': [
    { file: 'a.xlsx', gap: 'noFigures', unit: 'Sở Tư pháp', unitCode: 'STP', surveyFile: 'xhh.csv' },
    {
      file: 'a.xlsx',
      gap: 'missing',
      unit: 'Sở Tư pháp',
      unitCode: '',
      surveyFile: null,
      missing: ['2.1', '2.3'],
    },
    { file: 'a.xlsx', gap: 'noSurveyFile', unit: 'Sở Tư pháp', unitCode: 'STP' },
  ],
};

const at = (code: string, depth: number) => ({ code, depth });

const FRAMEWORK_SAMPLES: { [K in FrameworkProblemKey]: FrameworkParams[K][] } = {
  schema: [
    { why: 'shape', path: 'tree[0].max', detail: 'Dữ liệu không hợp lệ: cần số' },
    { why: 'tooDeep', levels: 8, at: '1.1.1' },
    { why: 'tooDeep', levels: 8, at: null },
  ],
  'code.duplicate': [{ code: '1.2' }],
  'code.tree': [
    { code: '3.1', parent: null, expected: '4' },
    { code: '2.7', parent: '1', expected: '1.3' },
  ],
  'code.sequence': [{ code: '1.5', position: 4, expected: '1.4' }],
  'tree.depth': [at('1.1.1.1', 4)],
  'max.sum': [
    {
      ...at('2', 1),
      max: 10.5,
      children: [
        { code: '2.1', max: 3.25 },
        { code: '2.2', max: 6 },
      ],
      sum: 9.25,
    },
  ],
  'max.decimals': [{ ...at('1.1', 2), max: 1.234 }],
  'max.negative': [{ ...at('1.3', 2), max: -2.5 }],
  'parent.leafField': [{ ...at('1', 1), fields: ['rule', 'maxByGroup'] }],
  'leaf.source': [
    { ...at('2.1', 2), why: 'missing' },
    { ...at('2.1', 2), why: 'unknown', source: 'khao-sat' },
    { ...at('1.1', 2), why: 'notSurvey' },
  ],
  'leaf.rule': [
    { ...at('2.1', 2), why: 'onSurvey' },
    { ...at('1.1.2', 3), why: 'missing' },
  ],
  'leaf.ruleKind': [{ ...at('1.1.1', 3), kind: 'percent' }],
  'leaf.appliesTo': [
    { ...at('1.4', 2), why: 'unknownGroup', group: 'xa' },
    { ...at('1.4', 2), why: 'empty' },
  ],
  'leaf.maxByGroup': [
    { ...at('1.4', 2), why: 'unknownGroup', group: 'xa' },
    { ...at('1.4', 2), why: 'notApplied', group: 'huyen' },
    { ...at('1.4', 2), why: 'invalid', group: 'so', max: 1.005 },
    { ...at('1.4', 2), why: 'levels' },
    { ...at('1.4', 2), why: 'tiers' },
  ],
  'levels.range': [{ ...at('1.5', 2), value: 3.5, max: 2 }],
  'levels.max': [{ ...at('1.5', 2), max: 2.5, values: [1.25, 0.75] }],
  'levels.duplicate': [{ ...at('1.5', 2), level: 'đạt' }],
  'tiers.range': [{ ...at('1.6', 2), value: 4.5, max: 3 }],
  'tiers.max': [{ ...at('1.6', 2), max: 3.5, values: [2.25, 1] }],
  'tiers.empty': [
    { ...at('1.6', 2), tier: 'từ 90% - 80%', min: 90, max: 80 },
    { ...at('1.6', 2), tier: 'không rõ', min: null, max: null },
  ],
  'tiers.gap': [
    { ...at('1.6', 2), why: 'below', min: 12.5 },
    { ...at('1.6', 2), why: 'between', tier: 'dưới 70%', next: 'trên 75%', from: 70, to: 75 },
    { ...at('1.6', 2), why: 'above', max: 95 },
  ],
  'tiers.overlap': [{ ...at('1.6', 2), tier: 'từ 70% - 90%', next: 'từ 90%', rate: 90 }],
  'range.step': [
    { ...at('1.7', 2), value: 1.3, step: 0.25 },
    { ...at('1.7', 2), group: 'so', max: 1.1, step: 0.5 },
  ],
  'deduction.max': [{ ...at('3.1', 2), max: 1.5 }],
  'deduction.step': [{ ...at('3.1', 2), value: 2, step: 0.75 }],
  'bonus.max': [{ ...at('3.2', 2), max: 0.5 }],
  'bonus.step': [{ ...at('3.2', 2), value: 1, step: 0.3 }],
  'declared.counts': [
    { what: 'fields', declared: 8, counted: 7 },
    { what: 'criteria', declared: 31, counted: 30 },
    { what: 'subCriteria', declared: 52, counted: 50 },
  ],
  'declared.points': [{ declared: 90.5, counted: 89 }],
  'declared.survey': [{ declared: 10, counted: 9.5 }],
  'declared.total': [{ declared: 101, counted: 99.5, self: 90.5, survey: 10 }],
  'group.duplicate': [{ group: 'so' }],
  'group.noPoints': [{ group: 'Sở, ban, ngành' }],
  'survey.sourceDuplicate': [{ source: 'sipas' }],
  'band.group': [{ band: 'Tốt', group: 'xa' }],
  'band.duplicate': [{ group: 'Sở, ban, ngành', band: 'Khá' }],
};

const CELL = { code: '1.2', field: 'appraisal' as const, cell: 'F14' };
const CAMPAIGN_SAMPLES: { [K in CampaignProblemKey]: CampaignParams[K][] } = {
  'campaign.otherFramework': [
    {
      file: 'a.xlsx',
      fileFramework: 'fw-old',
      fileFingerprint: 'ab12',
      framework: 'fw-new',
      fingerprint: 'cd34',
    },
    { file: 'a.xlsx', fileFramework: null, fileFingerprint: null, framework: 'fw-new', fingerprint: 'cd34' },
  ],
  'campaign.otherCampaign': [{ file: 'a.xlsx', fileCampaign: 'dot-2025', campaign: 'dot-2026' }],
  'campaign.unknownUnit': [
    { file: 'a.xlsx', unitCode: 'STP', unitName: 'Sở Tư pháp' },
    { file: 'a.xlsx', unitCode: '', unitName: null },
  ],
  'campaign.unknownKind': [{ file: 'a.xlsx', kind: 'khac' }],
  'trust.authCode': [
    { file: 'a.xlsx', why: 'stage', stage: 'tu-cham', kind: 'appraisal' },
    { file: 'a.xlsx', why: 'mismatch' },
  ],
  'trust.notCurrentIssue': [
    { file: 'a.xlsx', stage: 'tham-dinh-1', unit: 'Sở Tư pháp', current: 'b.xlsx' },
    { file: 'a.xlsx', stage: 'tham-dinh-1', unit: 'Sở Tư pháp', current: null },
  ],
  'trust.unitWroteCouncilCell': [
    { ...CELL, value: 1.5 },
    { ...CELL, cell: null, value: 'hai' },
    { file: 'a.xlsx', code: '1.2', field: 'appraisal' },
  ],
  'trust.rejectedWhole': [{ file: 'a.xlsx' }],
  'trust.tampering': [{ ...CELL, value: 2.25, expected: 1.75 }],
  'trust.selfScoreChanged': [{ ...CELL, field: 'self', value: 2.25, expected: null }],
  'trust.lockedCellChanged': [{ ...CELL, value: 'ba', expected: 0.5 }],
  'trust.campaignWorkbook': [
    { file: 'a.xlsx', workbook: 'appraisal', campaign: 'dot-2026' },
    { file: 'a.xlsx', workbook: 'response', campaign: 'dot-2026' },
  ],
  'stage.closed': [
    {
      file: 'a.xlsx',
      stage: 'tu-cham',
      unit: 'Sở Tư pháp',
      unitCode: 'STP',
      closedBy: 'tham-dinh-1',
      issuedAt: '2026-11-20T03:15:00.000Z',
    },
  ],
  'stage.late': [
    { file: 'a.xlsx', receivedAt: '2026-12-01T18:56:00.000Z', stage: 'tu-cham', deadline: '2026-11-30' },
    {
      file: 'a.xlsx',
      receivedAt: '2026-12-01T18:56:00.000Z',
      stage: 'tu-cham',
      deadline: '2026-11-30T10:00:00.000Z',
    },
  ],
};

/**
 * Instants each locale writes its own way (hours, words): both write the day as 02/12/2026, in
 * Vietnam's time, which is the fact looked for.
 */
const TIMES = new Set(['receivedAt', 'issuedAt', 'deadline']);
/** Stages and fields are named by the campaign's and the sheet's own words. */
const CAMPAIGN_WORDS = Object.values(STAGES).map((s) => s.name);

/** Fields that choose a sentence rather than state a fact. */
const CHOOSERS = new Set([
  'found',
  'from',
  'round',
  'against',
  'codeMissing',
  'sameBytes',
  'gap',
  'where',
  'why',
  'depth',
  'what',
  'field',
  'stage',
  'closedBy',
  'workbook',
]);
/** Facts the English leaves to the "Criterion 1.1: " prefix, which names the leaf. */
const IN_PREFIX: Partial<Record<string, string[]>> = {
  'entry.unknownCode': ['code'],
  'survey.notASurveyLeaf': ['code'],
  'structure.codeUnknown': ['code'],
  'structure.codeDuplicate': ['code'],
  'structure.rowMissing': ['code'],
  'structure.rowOrder': ['code'],
  'structure.maxChanged': ['code'],
  'structure.formulaInInput': ['code'],
  'structure.applicabilityChanged': ['code'],
  'structure.surveyMarkChanged': ['code'],
  // Outside a campaign the consolidation panel's prefix names it (unit-writes.ts).
  'trust.unitWroteCouncilCell': ['code'],
};
/** Words of the sheet itself (its column titles), which the English quotes as they are. */
const SHEET_WORDS = ['"Mã"', '"Điểm tối đa"'];

/** The numbers and texts of a problem's facts (numbers by magnitude: a deduction says "3" of -3). */
function facts(params: object, skip: string[] = []): (number | string)[] {
  const out: (number | string)[] = [];
  const walk = (v: unknown, key: string) => {
    if (CHOOSERS.has(key) || skip.includes(key)) return;
    if (TIMES.has(key) && typeof v === 'string') out.push(viDate(v));
    else if (typeof v === 'number') out.push(Math.abs(v));
    else if (typeof v === 'string') out.push(v.trim());
    else if (typeof v === 'boolean') out.push(v ? 'TRUE' : 'FALSE');
    else if (Array.isArray(v)) v.forEach((x) => walk(x, ''));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(params, '');
  return out;
}

/** The numbers a sentence writes, read back in either locale (1,5 and 1.5 are both 1.5). */
function numbersIn(text: string, decimal: ',' | '.'): number[] {
  const pattern = decimal === ',' ? /\d+(?:,\d+)?/g : /\d+(?:\.\d+)?/g;
  return [...text.matchAll(pattern)].map((m) => Number(m[0].replace(',', '.')));
}

function saysEveryFact(
  text: string,
  params: object,
  decimal: ',' | '.',
  skip?: string[],
): (number | string)[] {
  // A figure may also be written as it is (String(n), decimal point): a maximum with too many
  // decimals, a tier's rate.
  const raw = [...text.matchAll(/\d+\.\d+/g)].map((m) => Number(m[0]));
  const numbers = [...numbersIn(text, decimal), ...raw];
  return facts(params, skip).filter((f) =>
    typeof f === 'number' ? !numbers.includes(f) : !text.includes(f),
  );
}

type Table = Readonly<Record<string, (p: never) => string>>;

/** Each layer's catalogue with its two locales' templates and a sample of each key's facts. */
const LAYERS: {
  name: string;
  keys: readonly string[];
  vi: Table;
  en: Table;
  samples: Record<string, object[]>;
}[] = [
  { name: 'scoring', keys: SCORING_PROBLEM_KEYS, vi: SCORING_VI, en: SCORING_EN, samples: SCORING_SAMPLES },
  {
    name: 'structure',
    keys: STRUCTURE_PROBLEM_KEYS,
    vi: STRUCTURE_VI,
    en: STRUCTURE_EN,
    samples: STRUCTURE_SAMPLES,
  },
  {
    name: 'consolidation',
    keys: Object.keys(CONSOLIDATION_SAMPLES),
    vi: CONSOLIDATION_VI,
    en: CONSOLIDATION_EN,
    samples: CONSOLIDATION_SAMPLES,
  },
  {
    name: 'framework',
    keys: FRAMEWORK_PROBLEM_KEYS,
    vi: FRAMEWORK_VI,
    en: FRAMEWORK_EN,
    samples: FRAMEWORK_SAMPLES,
  },
  {
    name: 'campaign',
    keys: CAMPAIGN_PROBLEM_KEYS,
    vi: CAMPAIGN_VI,
    en: CAMPAIGN_EN,
    samples: CAMPAIGN_SAMPLES,
  },
];

describe.each(LAYERS)('problem templates of $name', ({ keys, vi, en, samples }) => {
  it('has a Vietnamese and an English template for every key, and no other', () => {
    expect(Object.keys(vi).sort()).toEqual([...keys].sort());
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(typeof vi[key]).toBe('function');
      expect(typeof en[key]).toBe('function');
    }
  });

  it.each(keys.map((k) => [k]))('%s: both locales say every fact', (key) => {
    const render = (table: Table, p: object) => (table[key] as (p: object) => string)(p);
    for (const params of samples[key]) {
      const viText = render(vi, params);
      const enText = render(en, params);
      expect([viText, saysEveryFact(viText, params, ',')]).toEqual([viText, []]);
      expect([enText, saysEveryFact(enText, params, '.', IN_PREFIX[key])]).toEqual([enText, []]);
      // English apart from the facts themselves (a level's label or a group's name stays Vietnamese).
      const own = [...facts(params), ...SHEET_WORDS, ...CAMPAIGN_WORDS].reduce<string>(
        (t, f) => (typeof f === 'string' ? t.split(f).join('') : t),
        enText,
      );
      expect(own).not.toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
    }
  });
});

describe('the whole catalogue of problem keys', () => {
  const templated = { ...SCORING_VI, ...STRUCTURE_VI, ...CONSOLIDATION_VI };
  it('has a Vietnamese template for every key but the listed untemplated reasons, and English for every key', () => {
    const untemplated = Object.keys(FIXED_EN);
    for (const key of PROBLEM_KEYS) {
      expect([key, key in templated || untemplated.includes(key)]).toEqual([key, true]);
      expect([key, key in templated && untemplated.includes(key)]).toEqual([key, false]);
    }
    // Today only the reasons a file could not be opened are worded without facts.
    expect(untemplated.every((k) => k.startsWith('file.') || k === 'consolidation.surveyInvalid')).toBe(true);
  });

  it('words a templated problem without its facts in Vietnamese rather than in English with none', () => {
    const bare = { rule: 'score.aboveMax', code: '1.1', field: 'self' as const, message: 'Tiêu chí 1.1: …' };
    expect(problemText(bare, 'en')).toBe(bare.message);
  });
});

describe('framework problems in the pane', () => {
  it('words a real check problem in English from its facts, and in Vietnamese as the check wrote it', () => {
    const framework = structuredClone(listBuiltinFrameworks()[0]);
    framework.tree[0].max += 1.5;
    const [problem] = checkFramework(framework).filter((p) => p.rule === 'max.sum');
    expect(frameworkProblemText(problem, 'vi')).toBe(problem.message);
    const en = frameworkProblemText(problem, 'en');
    expect(en).toMatch(
      new RegExp(`^field ${framework.tree[0].code}: the maximum ${framework.tree[0].max} differs`),
    );
  });

  it('shows a framework problem without facts in Vietnamese', () => {
    const bare = { rule: 'max.sum', message: 'lĩnh vực 1: …' };
    expect(frameworkProblemText(bare, 'en')).toBe(bare.message);
  });
});

describe('campaign reasons in the pane', () => {
  const late = CAMPAIGN_SAMPLES['stage.late'][0];
  const reason = { rule: 'stage.late', message: CAMPAIGN_VI['stage.late'](late), params: late };

  it('words a reason in English from its facts, with the time in Vietnam', () => {
    expect(campaignReasonText(reason, 'en')).toBe(
      `Late: "a.xlsx" was received at ${enDateTime(late.receivedAt)}; the deadline of "Tự chấm" is the end of 30/11/2026.`,
    );
    expect(enDateTime(late.receivedAt)).toBe('02/12/2026 01:56');
  });

  it('keeps the facts in the register, so a reloaded register is worded in English too', () => {
    const reloaded = reasonSchema.parse(JSON.parse(JSON.stringify({ ...reason, cell: null })));
    expect(campaignReasonText(reloaded, 'en')).toBe(campaignReasonText(reason, 'en'));
    expect(campaignReasonText(reloaded, 'en')).not.toBe(reloaded.message);
  });

  it('shows the Vietnamese the register keeps, and a reason without facts in Vietnamese', () => {
    expect(campaignReasonText(reason, 'vi')).toBe(reason.message);
    expect(campaignReasonText({ rule: 'stage.late', message: 'Nộp muộn: …' }, 'en')).toBe('Nộp muộn: …');
  });
});
