import { allowedPointsRule } from '../allowed-points-rule';

/** A score that is not one of the levels of a `levels` rule ("Kịp thời: 1; Không kịp thời: 0,5; …"). */
export const notALevel = allowedPointsRule({
  key: 'score.notALevel',
  description: 'Điểm không phải một trong các mức của cách chấm.',
  kind: 'levels',
  choices: (rule) => rule.options,
});
