/**
 * Bounds of a tier written in words, as decisions write them. The label is searched, not
 * anchored: "Thực hiện trên 90% kế hoạch" has the bound "trên 90%".
 *
 *   trên A% / hơn A% / > A%            → (A, ∞)
 *   từ A% trở lên / A% trở lên / ≥ A%  → [A, ∞)
 *   dưới A% / < A% / chưa đạt A%       → (−∞, A)
 *   từ A% trở xuống / ≤ A% / tối đa A% → (−∞, A]
 *   từ A% (-|–|đến|tới) B%, A% - B%   → [A, B]
 *   từ A% đến dưới B%                  → [A, B)
 *   trên A% (-|đến) B%                 → (A, B]
 *   trên A% đến dưới B%                → (A, B)
 *   đạt A% / bằng A% / A%              → [A, A]
 * The first percentage may omit its "%" when a second one follows ("từ 70 - 90%").
 */
import { numberToken } from '../../common/vi-number';
import type { Tier } from '../schema';

type Bounds = Pick<Tier, 'min' | 'minInclusive' | 'max' | 'maxInclusive'>;

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const PCT = String.raw`${NUM}\s*%`;

const patterns: Array<[RegExp, (m: RegExpExecArray) => Bounds]> = [
  // Two-sided first, so "từ 70% đến dưới 90%" is not read as "dưới 90%".
  [
    new RegExp(
      String.raw`(từ|trên|hơn)\s*${NUM}\s*%?\s*(?:-|–|—|đến|tới)\s*(dưới|đến dưới|tới dưới)?\s*${PCT}`,
    ),
    (m) => ({
      min: numberToken(m[2]),
      minInclusive: m[1] === 'từ',
      max: numberToken(m[4]),
      maxInclusive: !m[3],
    }),
  ],
  [
    new RegExp(String.raw`${NUM}\s*%?\s*(?:-|–|—|đến|tới)\s*(dưới\s*)?${PCT}`),
    (m) => ({
      min: numberToken(m[1]),
      minInclusive: true,
      max: numberToken(m[3]),
      maxInclusive: !m[2],
    }),
  ],
  [
    new RegExp(String.raw`(?:từ\s*)?${PCT}\s*trở\s*lên`),
    (m) => ({ min: numberToken(m[1]), minInclusive: true, max: null, maxInclusive: false }),
  ],
  [
    new RegExp(String.raw`(?:từ\s*)?${PCT}\s*trở\s*xuống`),
    (m) => ({ min: null, minInclusive: false, max: numberToken(m[1]), maxInclusive: true }),
  ],
  [
    new RegExp(String.raw`(?:≥|>=)\s*${PCT}`),
    (m) => ({ min: numberToken(m[1]), minInclusive: true, max: null, maxInclusive: false }),
  ],
  [
    new RegExp(String.raw`(?:≤|<=|tối\s*đa)\s*${PCT}`),
    (m) => ({ min: null, minInclusive: false, max: numberToken(m[1]), maxInclusive: true }),
  ],
  [
    new RegExp(String.raw`(?:trên|hơn|>)\s*${PCT}`),
    (m) => ({ min: numberToken(m[1]), minInclusive: false, max: null, maxInclusive: false }),
  ],
  [
    new RegExp(String.raw`(?:dưới|chưa\s*đạt|<|không\s*đạt)\s*${PCT}`),
    (m) => ({ min: null, minInclusive: false, max: numberToken(m[1]), maxInclusive: false }),
  ],
  [
    new RegExp(String.raw`(?:đạt|bằng|=)?\s*${PCT}`),
    (m) => ({ min: numberToken(m[1]), minInclusive: true, max: numberToken(m[1]), maxInclusive: true }),
  ],
];

/** The bounds of a tier label, or null when the label has no percentage this reader understands. */
export function parseTierBounds(label: string): Bounds | null {
  const t = label.normalize('NFC').toLowerCase();
  if (!t.includes('%')) return null;
  for (const [re, make] of patterns) {
    const m = re.exec(t);
    if (m) return make(m);
  }
  return null;
}
