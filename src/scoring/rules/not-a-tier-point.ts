import { allowedPointsRule } from '../allowed-points-rule';

/** A score that is not the points of any tier of a `tiers` rule ("trên 90%: 2; từ 70% - 90%: 1; …"). */
export const notATierPoint = allowedPointsRule({
  key: 'score.notATierPoint',
  description: 'Điểm không khớp với điểm của mức tỷ lệ nào trong cách chấm.',
  kind: 'tiers',
  choices: (rule) => rule.tiers,
});
