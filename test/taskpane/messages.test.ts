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

/** Fields that choose a sentence rather than state a fact. */
const CHOOSERS = new Set(['found', 'from', 'round', 'against', 'codeMissing', 'sameBytes', 'gap', 'where']);
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
};
/** Words of the sheet itself (its column titles), which the English quotes as they are. */
const SHEET_WORDS = ['"Mã"', '"Điểm tối đa"'];

/** The numbers and texts of a problem's facts (numbers by magnitude: a deduction says "3" of -3). */
function facts(params: object, skip: string[] = []): (number | string)[] {
  const out: (number | string)[] = [];
  const walk = (v: unknown, key: string) => {
    if (CHOOSERS.has(key) || skip.includes(key)) return;
    if (typeof v === 'number') out.push(Math.abs(v));
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
  const numbers = numbersIn(text, decimal);
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
      const own = [...facts(params), ...SHEET_WORDS].reduce<string>(
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
