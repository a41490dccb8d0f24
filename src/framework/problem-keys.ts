/**
 * Every key a framework problem can carry (`checkFramework`, the schema, the rule kinds), in one
 * place: scripts and the pane's locale files rely on them, so a key is written out here, never
 * built at run time.
 */
export const FRAMEWORK_PROBLEM_KEYS = [
  'schema',
  'code.duplicate',
  'code.tree',
  'code.sequence',
  'tree.depth',
  'max.sum',
  'max.decimals',
  'max.negative',
  'parent.leafField',
  'leaf.source',
  'leaf.rule',
  'leaf.ruleKind',
  'leaf.appliesTo',
  'leaf.maxByGroup',
  'levels.range',
  'levels.max',
  'levels.duplicate',
  'tiers.range',
  'tiers.max',
  'tiers.empty',
  'tiers.gap',
  'tiers.overlap',
  'range.step',
  'deduction.max',
  'deduction.step',
  'bonus.max',
  'bonus.step',
  'declared.counts',
  'declared.points',
  'declared.survey',
  'declared.total',
  'group.duplicate',
  'group.noPoints',
  'survey.sourceDuplicate',
  'band.group',
  'band.duplicate',
] as const;

export type FrameworkProblemKey = (typeof FRAMEWORK_PROBLEM_KEYS)[number];
