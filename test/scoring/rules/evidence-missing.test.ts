import { evidenceMissing } from '../../../src/scoring/rules/evidence-missing';
import { runRule } from './run-rule';

describe('evidence.missing', () => {
  it('accepts points with evidence, or with an explanation, or no points claimed', () => {
    expect(runRule(evidenceMissing, { '1.1': { self: 1, evidence: 'KH 05/KH-SNV' } })).toEqual([]);
    expect(
      runRule(evidenceMissing, { '1.1': { self: 1, explanation: 'Văn bản mật, xuất trình khi thẩm định' } }),
    ).toEqual([]);
    expect(runRule(evidenceMissing, { '1.1': { self: 0 } })).toEqual([]);
  });

  it('does not require evidence where the framework does not', () => {
    expect(runRule(evidenceMissing, { '1.3': { self: 3 } })).toEqual([]);
  });

  it('reports points claimed without evidence: warning while drafting, error at submission', () => {
    const [draft] = runRule(evidenceMissing, { '1.1': { self: 0.5, evidence: ' ' } }, { mode: 'draft' });
    expect(draft).toMatchObject({
      code: '1.1',
      field: 'evidence',
      severity: 'warning',
      cell: 'Chấm điểm!F10',
    });
    const [sub] = runRule(evidenceMissing, { '1.1': { self: 0.5 } });
    expect(sub.severity).toBe('error');
    expect(sub.message).toContain('tài liệu kiểm chứng');
  });
});
