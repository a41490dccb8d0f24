import { readingProblemRule } from './not-a-number';

/** A number typed as text ("1,5", " 2 "): read as the number, with a warning to retype it. */
export const numericText = readingProblemRule({
  key: 'value.numericText',
  description: 'Ô điểm chứa số dạng chữ ("1,5", " 2 "): vẫn đọc được nhưng cần nhập lại dưới dạng số.',
});
