/**
 * Problems in the pane's language. Vietnamese is the product's language: every problem already
 * carries its Vietnamese sentence (`message`, the same the CLI prints), shown as is. English
 * (`?lang=en`) is worded here from the problem's stable key, leaf code, field and facts
 * (`params`) by the templates of messages.en.ts. The table is typed by the catalogue of keys
 * (src/consolidation/problem-keys.ts), so a new key without its English text is a compile error.
 */
import type { ProblemKey } from '../consolidation/problem-keys';
import { CAMPAIGN_PROBLEM_KEYS, type CampaignProblemKey } from '../campaign/problem-keys';
import type { FrameworkProblem } from '../framework/errors';
import { FRAMEWORK_PROBLEM_KEYS, type FrameworkProblemKey } from '../framework/problem-keys';
import type { Problem } from '../scoring/types';
import {
  CAMPAIGN_EN,
  CONSOLIDATION_EN,
  EN_FIELD,
  FIXED_EN,
  FRAMEWORK_EN,
  SCORING_EN,
  STRUCTURE_EN,
} from './messages.en';
import type { Locale } from './strings';

const EN: { readonly [K in ProblemKey]: ((params: never) => string) | string } = {
  // A unit's file outside a campaign can carry the campaign's trust reasons (unit-writes.ts).
  ...CAMPAIGN_EN,
  ...FIXED_EN,
  ...CONSOLIDATION_EN,
  ...STRUCTURE_EN,
  ...SCORING_EN,
};

function isKey(rule: string): rule is ProblemKey {
  return Object.prototype.hasOwnProperty.call(EN, rule);
}

/**
 * The sentence of a problem in the pane's locale. A templated key is worded from the problem's
 * facts (`params`); a problem that carries none (made by hand, or by an older reader) is shown as
 * its Vietnamese sentence rather than an English one missing its facts.
 */
export function problemText(
  p: Pick<Problem, 'rule' | 'code' | 'field' | 'message' | 'params' | 'value'>,
  locale: Locale,
): string {
  if (locale === 'vi' || !isKey(p.rule)) return p.message;
  const where = p.code ? `Criterion ${p.code}${p.field ? `, ${EN_FIELD[p.field]}` : ''}: ` : '';
  const en = EN[p.rule];
  if (typeof en === 'function') return p.params ? `${where}${en(p.params as never)}` : p.message;
  const shown =
    p.value === undefined || p.value === null || typeof p.value === 'object'
      ? ''
      : ` (value: ${String(p.value)})`;
  return `${where}${en}${shown}`;
}

function isFrameworkKey(rule: string): rule is FrameworkProblemKey {
  return (FRAMEWORK_PROBLEM_KEYS as readonly string[]).includes(rule);
}

/**
 * The sentence of a framework problem (checkFramework, the schema) in the pane's locale. Its own
 * catalogue (src/framework/problem-keys.ts): the sentence names the node itself, so no
 * "Criterion …" prefix. Without facts it is shown in Vietnamese, as `problemText` does.
 */
export function frameworkProblemText(
  p: Pick<FrameworkProblem, 'rule' | 'message' | 'params'>,
  locale: Locale,
): string {
  if (locale === 'vi' || !p.params || !isFrameworkKey(p.rule)) return p.message;
  return (FRAMEWORK_EN[p.rule] as (params: object) => string)(p.params);
}

function isCampaignKey(rule: string): rule is CampaignProblemKey {
  return (CAMPAIGN_PROBLEM_KEYS as readonly string[]).includes(rule);
}

/**
 * A campaign receipt's reason in the pane's locale: worded from its facts in English; in
 * Vietnamese, and for a reason without facts (a register written before they were kept, or a
 * scoring or structure problem of the file), as the register has it.
 */
export function campaignReasonText(
  x: { rule: string; message: string; params?: object },
  locale: Locale,
): string {
  if (locale === 'vi' || !x.params || !isCampaignKey(x.rule)) return x.message;
  return (CAMPAIGN_EN[x.rule] as (params: object) => string)(x.params);
}
