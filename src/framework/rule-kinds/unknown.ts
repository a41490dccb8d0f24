/**
 * The fallback for a rule whose kind this version does not know (a framework file written by a
 * newer version, or one that skipped the schema): an explicit error, never "accept anything".
 * It accepts no score, its framework check refuses the framework, and its wording says so.
 */
import { addNodeProblem, type RuleKind } from './kind';

export const unknownKind: RuleKind<{ kind: string }> = {
  kind: 'unknown',
  // Never parsed into: the schema's discriminated union refuses an unknown kind already.
  schema: undefined as never,
  role: 'score',
  accepts: () => ({ allowed: [], min: 0, max: 0, step: null }),
  shape: (rule) => ['unknown', rule.kind],
  check: (rule, _node, at, add) => addNodeProblem(add, 'leaf.ruleKind', { ...at, kind: rule.kind }),
  text: (rule) => `Cách chấm loại "${rule.kind}" chưa được hỗ trợ: không nhận điểm nào`,
  guide: (rule) => `Cách chấm loại "${rule.kind}" chưa được hỗ trợ`,
  parse: () => null,
};
