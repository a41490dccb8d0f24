import { appraisalNoComment } from '../../../src/scoring/rules/appraisal-no-comment';
import { runRule } from './run-rule';

describe('appraisal.noComment', () => {
  it('accepts an appraisal equal to the self score, or a different one with a comment', () => {
    expect(runRule(appraisalNoComment, { '1.3': { self: 2, appraisal: '2,00' } })).toEqual([]);
    expect(
      runRule(appraisalNoComment, {
        '1.3': { self: 2, appraisal: 1.5, appraisalComment: 'Thiếu kế hoạch tuyên truyền' },
      }),
    ).toEqual([]);
  });

  it('warns (in every mode) about a changed score without a comment', () => {
    const [p] = runRule(appraisalNoComment, { '1.3': { self: 2, appraisal: 1.5 } });
    expect(p).toMatchObject({
      code: '1.3',
      field: 'appraisalComment',
      severity: 'warning',
      cell: 'Chấm điểm!I12',
    });
    expect(p.message).toContain('1,5 khác điểm tự đánh giá 2');
  });

  it('checks round 2 against round 1', () => {
    const entries = { '1.3': { self: 2, appraisal: 1.5, appraisalComment: 'Thiếu', appraisal2: 2 } };
    const [p] = runRule(appraisalNoComment, entries, { mode: 'submission' });
    expect(p).toMatchObject({ field: 'appraisal2Comment', severity: 'warning' });
    expect(
      runRule(appraisalNoComment, { '1.3': { ...entries['1.3'], appraisal2Comment: 'Đã bổ sung' } }),
    ).toEqual([]);
  });
});
