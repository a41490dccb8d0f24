/**
 * How a framework's legal basis reads for a person: "Quyết định số 2366/QĐ-UBND ngày 14/10/2021
 * của UBND tỉnh An Giang". A basis that is not a numbered decision (An Giang 2022 is known only as
 * its Đề án) is named as it is, without the authoring notes kept in the framework's data for the
 * Sở (the `note` field and parenthesised remarks such as "(số quyết định chưa có trong tài liệu)").
 */
import { viDate } from '../common/vi-time';
import type { Framework } from './schema';

/** "2366/QĐ-UBND", "876/QĐ-BNV", "1590/QĐ-UBND": a number, a slash, the document kind and body. */
const DECISION_NUMBER = /^\d+\/Q[ĐD]-[\p{L}\d.-]+$/u;

/** Parenthesised remarks are authoring notes, not part of a document's name. */
function withoutRemarks(text: string): string {
  return text
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function legalBasisText(basis: Framework['legalBasis']): string {
  const number = basis.number.trim();
  const issuer = basis.issuer?.trim();
  const of = issuer ? ` của ${issuer}` : '';
  if (DECISION_NUMBER.test(number)) return `Quyết định số ${number} ngày ${viDate(basis.date)}${of}`;
  const name = withoutRemarks(number.replace(/^Quyết định số\s*/i, '')) || number;
  return `${name}${of}`;
}

/** The framework as a person names it, with "(minh họa)" when it is only illustrative. */
export function frameworkTitleText(framework: Pick<Framework, 'title' | 'status'>): string {
  if (framework.status !== 'illustrative' || /minh họa/iu.test(framework.title)) return framework.title;
  return `${framework.title} (minh họa)`;
}
