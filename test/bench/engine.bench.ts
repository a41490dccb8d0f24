/**
 * Engine time for live validation (DESIGN.md: "well under a millisecond per 100 leaves"):
 * validateScoresheet + computeTotals on a filled 100-leaf scoresheet, median over many runs.
 * Prints {"bench":"engine.validate100.micros","value":…,"unit":"µs"}.
 */
import { frameworkSchema, type FrameworkNode } from '../../src/framework/schema';
import { computeTotals } from '../../src/scoring/totals';
import type { LeafEntry, Scoresheet } from '../../src/scoring/types';
import { validateScoresheet } from '../../src/scoring/validate';
import { emit } from './emit';

/** 10 fields × 10 leaves: levels, tiers, range, evidence-required leaves, one deduction and survey leaves. */
function build() {
  const tree: FrameworkNode[] = [];
  const entries: Record<string, LeafEntry> = {};
  for (let f = 1; f <= 10; f++) {
    const children: FrameworkNode[] = [];
    for (let l = 1; l <= 10; l++) {
      const code = `${f}.${l}`;
      const kind = f === 10 ? 'survey' : l % 4;
      let leaf: FrameworkNode;
      if (kind === 'survey')
        leaf = { code, name: `Khảo sát ${code}`, max: 1, method: 'survey', source: 'sipas' };
      else if (l === 10)
        leaf = {
          code,
          name: `Trừ ${code}`,
          max: 0,
          method: 'self',
          rule: { kind: 'deduction', cap: 1, step: 0.25 },
        };
      else if (kind === 0)
        leaf = {
          code,
          name: `Mức ${code}`,
          max: 1,
          method: 'self',
          evidenceRequired: true,
          rule: {
            kind: 'levels',
            options: [
              { label: 'Đạt', points: 1 },
              { label: 'Một phần', points: 0.5 },
              { label: 'Không', points: 0 },
            ],
          },
        };
      else if (kind === 1)
        leaf = {
          code,
          name: `Tỷ lệ ${code}`,
          max: 1,
          method: 'self',
          rule: {
            kind: 'tiers',
            tiers: [
              { label: '≥ 90%', min: 90, minInclusive: true, max: null, maxInclusive: false, points: 1 },
              { label: '< 90%', min: null, minInclusive: false, max: 90, maxInclusive: false, points: 0 },
            ],
          },
        };
      else
        leaf = { code, name: `Khoảng ${code}`, max: 1, method: 'self', rule: { kind: 'range', step: 0.25 } };
      children.push(leaf);
      entries[code] =
        kind === 'survey'
          ? { survey: 0.87 }
          : l === 10
            ? { appraisal: -0.25, appraisalComment: 'Chậm báo cáo' }
            : {
                self: l === 5 && f < 3 ? '0,5' : l % 2 ? 1 : 0.5, // a few numbers typed as text
                evidence: 'QĐ số 12/QĐ-UBND',
                appraisal: 0.5,
                appraisalComment: l % 3 ? 'Thiếu tài liệu' : '',
              };
    }
    tree.push({
      code: String(f),
      name: `Lĩnh vực ${f}`,
      max: children.reduce((s, c) => s + c.max, 0),
      children,
    });
  }
  const framework = frameworkSchema.parse({
    formatVersion: 1,
    id: 'bench',
    title: 'Bench',
    year: 2024,
    level: 'so',
    legalBasis: { number: '1/QĐ', date: '2024-01-01' },
    status: 'illustrative',
    version: '1',
    groups: [{ id: 'so', name: 'Sở' }],
    declared: {
      counts: { fields: 10, criteria: 100, subCriteria: 0 },
      points: { self: 81, survey: 10, total: 91 },
    },
    surveySources: [{ id: 'sipas', name: 'SIPAS' }],
    tree,
  });
  const cells: Scoresheet['cells'] = {};
  Object.keys(entries).forEach(
    (code, i) => (cells[code] = { self: `Chấm điểm!E${i + 5}`, appraisal: `Chấm điểm!H${i + 5}` }),
  );
  const sheet: Scoresheet = {
    frameworkId: 'bench',
    unit: { code: 'U', name: 'Sở X', group: 'so' },
    entries,
    cells,
  };
  return { framework, sheet };
}

const { framework, sheet } = build();
let sink = 0;
const once = () => {
  const problems = validateScoresheet(framework, sheet, { mode: 'draft' });
  const totals = computeTotals(framework, sheet);
  sink += problems.length + (totals.index ?? 0);
};
for (let i = 0; i < 500; i++) once(); // warm-up: let the JIT settle
const samples: number[] = [];
for (let i = 0; i < 2000; i++) {
  const t0 = process.hrtime.bigint();
  once();
  samples.push(Number(process.hrtime.bigint() - t0) / 1000);
}
samples.sort((a, b) => a - b);
if (sink === 0) throw new Error('bench: the engine did no work');
emit('engine.validate100.micros', samples[Math.floor(samples.length / 2)], 'µs');
emit('engine.validate100.p95.micros', samples[Math.floor(samples.length * 0.95)], 'µs');
