/** Every validation rule, in the order their problems are listed for a leaf. */
import { aboveMax } from './above-max';
import { appraisalNoComment } from './appraisal-no-comment';
import { bonusBeyondCap } from './bonus-beyond-cap';
import type { ScoringRule } from './context';
import { deductionBeyondCap } from './deduction-beyond-cap';
import { deductionPositive } from './deduction-positive';
import { evidenceMissing } from './evidence-missing';
import { missing } from './missing';
import { negative } from './negative';
import { notALevel } from './not-a-level';
import { notANumber } from './not-a-number';
import { notATierPoint } from './not-a-tier-point';
import { notApplicable } from './not-applicable';
import { numericText } from './numeric-text';
import { offStep } from './off-step';
import { selfOnSurveyLeaf } from './self-on-survey-leaf';
import { surveyRateOutOfRange } from './survey-rate-out-of-range';
import { unknownCode } from './unknown-code';
import { unknownGroup } from './unknown-group';
import { wrongFramework } from './wrong-framework';

export const rules: readonly ScoringRule[] = [
  wrongFramework,
  unknownGroup,
  unknownCode,
  notApplicable,
  selfOnSurveyLeaf,
  notANumber,
  numericText,
  negative,
  aboveMax,
  notALevel,
  notATierPoint,
  offStep,
  deductionPositive,
  deductionBeyondCap,
  bonusBeyondCap,
  surveyRateOutOfRange,
  missing,
  evidenceMissing,
  appraisalNoComment,
];

export type { LeafContext, ScoringRule, SheetContext } from './context';
