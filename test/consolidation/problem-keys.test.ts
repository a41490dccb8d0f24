import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  FILE_KEY_OF_REASON,
  PROBLEM_KEYS,
  problemFact,
  type ProblemKey,
} from '../../src/consolidation/problem-keys';
import { FRAMEWORK_PROBLEM_KEYS } from '../../src/framework/problem-keys';
import { rules } from '../../src/scoring/rules';
import { validateScoresheet } from '../../src/scoring/validate';
import { problemText } from '../../src/taskpane/problem-text';
import { sampleFramework, sheetOf } from '../scoring/framework-fixture';

const SRC = join(__dirname, '../../src');
/** The campaign keeps its own catalogue of keys (campaign.*, trust.*, stage.*). */
const OWN_CATALOGUE = ['campaign', 'usecases/campaign'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const catalogued = new Set<string>([...PROBLEM_KEYS, ...FRAMEWORK_PROBLEM_KEYS]);
const families = [...new Set([...catalogued].map((k) => k.split('.')[0]))].filter((f) => f !== 'schema');
const files = sourceFiles(SRC).filter((f) => !OWN_CATALOGUE.some((d) => relative(SRC, f).startsWith(d)));

describe('the catalogue of problem keys', () => {
  it('holds every key written in the source, each once', () => {
    expect(new Set(PROBLEM_KEYS).size).toBe(PROBLEM_KEYS.length);
    expect(new Set(FRAMEWORK_PROBLEM_KEYS).size).toBe(FRAMEWORK_PROBLEM_KEYS.length);
    const literal = new RegExp(String.raw`'((?:${families.join('|')})\.[a-zA-Z]+)'`, 'g');
    const unknown: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(literal)) {
        if (!catalogued.has(m[1])) unknown.push(`${relative(SRC, file)}: ${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('has no key built at run time (every key greppable)', () => {
    const built = new RegExp(
      String.raw`\`(?:${families.join('|')})\.\$\{|\`\$\{[a-zA-Z.]+\}\.(?:step|max|range)\``,
    );
    const found = files.filter((f) => built.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(found).toEqual([]);
  });

  it('gives every validation rule a catalogued key', () => {
    for (const rule of rules) expect(catalogued.has(rule.key)).toBe(true);
    for (const key of Object.values(FILE_KEY_OF_REASON)) expect(catalogued.has(key)).toBe(true);
  });

  it('names the "made from another framework" fact with one key', () => {
    const facts = (['structure.otherFramework', 'sheet.wrongFramework'] as ProblemKey[]).map(problemFact);
    expect(new Set(facts)).toEqual(new Set(['structure.otherFramework']));
    expect(problemFact('score.aboveMax')).toBe('score.aboveMax');
  });
});

describe('problems in the pane language', () => {
  const framework = sampleFramework();
  const problems = validateScoresheet(framework, sheetOf({ '1.1': { self: 7 }, '1.2': { self: 'hai' } }));
  const above = problems.find((p) => p.rule === 'score.aboveMax')!;

  it('shows the engine’s Vietnamese sentence unchanged in Vietnamese', () => {
    expect(above).toBeDefined();
    expect(problemText(above, 'vi')).toBe(above.message);
  });

  it('writes English from the key, the criterion, the field and the facts with ?lang=en', () => {
    expect(problemText(above, 'en')).toBe(
      'Criterion 1.1, self-assessment score: 7 is above the maximum of 1.',
    );
    const text = problems.find((p) => p.rule === 'value.notANumber')!;
    expect(problemText(text, 'en')).toBe('Criterion 1.2, self-assessment score: "hai" is not a number.');
    for (const p of problems) expect(problemText(p, 'en')).not.toMatch(/Tiêu chí|điểm/);
  });
});
