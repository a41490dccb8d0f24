import {
  builtinFrameworkIds,
  getBuiltinFramework,
  listBuiltinFrameworks,
} from '../../src/framework/builtins';
import { checkFramework, treePoints } from '../../src/framework/checks';
import { countByDepth, isLeaf, leaves, leafMaxFor, walk } from '../../src/framework/tree';
import { toHundredths } from '../../src/common/decimal';

const SIPAS_FIELD = 'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ hành chính (SIPAS)';
const FIELDS = [
  'Công tác chỉ đạo, điều hành cải cách hành chính',
  'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính',
  'Nâng cao chất lượng cán bộ, công chức, viên chức',
  'Cải cách tài chính công',
  'Hiện đại hóa hành chính',
  'Công tác văn thư, lưu trữ',
  SIPAS_FIELD,
];

function surveyBySource(id: string) {
  const f = getBuiltinFramework(id)!;
  const out: Record<string, number> = {};
  for (const l of leaves(f).filter((x) => x.method === 'survey'))
    out[l.source!] = (out[l.source!] ?? 0) + toHundredths(l.max);
  return out;
}

describe('built-in frameworks', () => {
  it('lists both An Giang frameworks, each passing every check and marked illustrative', () => {
    expect(builtinFrameworkIds()).toEqual(['an-giang-2022', 'an-giang-2021', 'minh-hoa-2025']);
    for (const f of listBuiltinFrameworks().filter((x) => x.id.startsWith('an-giang'))) {
      expect(checkFramework(f)).toEqual([]);
      expect(f.status).toBe('illustrative');
      expect(f.groups.map((g) => g.id)).toEqual(['so', 'huyen']);
      expect(f.tree.map((n) => n.name)).toEqual(FIELDS);
      expect(f.places).toBe(2);
      expect(f.tieRule).toBe('shared');
    }
  });

  it('an-giang-2022 has the published shape: 9 / 30 / 51, 68 + 32 SIPAS', () => {
    const f = getBuiltinFramework('an-giang-2022')!;
    expect(countByDepth(f.tree)).toEqual({ fields: 9, criteria: 30, subCriteria: 51 });
    expect(treePoints(f)).toEqual({ self: 68, survey: 32, total: 100 });
    expect(f.declared.points).toEqual({ self: 68, survey: 32, total: 100 });
    expect(surveyBySource('an-giang-2022')).toEqual({ sipas: 3200 });
    expect(f.groups.find((g) => g.id === 'so')?.name).toBe('Sở, ban, ngành');
    expect(f.groups.find((g) => g.id === 'huyen')?.name).toBe('UBND cấp huyện');
  });

  it('an-giang-2021: 60 + 40 with SIPAS 24 and the civil-servant survey 16, Thanh tra tỉnh not ranked', () => {
    const f = getBuiltinFramework('an-giang-2021')!;
    expect(countByDepth(f.tree).fields).toBe(9);
    expect(treePoints(f)).toEqual({ self: 60, survey: 40, total: 100 });
    expect(surveyBySource('an-giang-2021')).toEqual({ sipas: 2400, cbccvc: 1600 });
    expect(f.notRanked).toEqual(['Thanh tra tỉnh']);
    expect(f.legalBasis).toMatchObject({ number: '2366/QĐ-UBND', date: '2021-10-14' });
  });

  it('exercises every rule kind, evidence, group-only leaves and per-group maxima, with 100 points for each group', () => {
    for (const f of listBuiltinFrameworks()) {
      const ls = leaves(f);
      const kinds = new Set(ls.map((l) => l.rule?.kind).filter(Boolean));
      expect([...kinds].sort()).toEqual(['bonus', 'deduction', 'levels', 'range', 'tiers']);
      expect(ls.some((l) => l.evidenceRequired)).toBe(true);
      expect(ls.some((l) => l.appliesTo?.length)).toBe(true);
      for (const g of f.groups) {
        const total = ls.reduce((s, l) => s + toHundredths(leafMaxFor(l, g.id)), 0);
        expect(total).toBe(10000);
      }
      expect(walk(f.tree).every((v) => isLeaf(v.node) || v.node.method === undefined)).toBe(true);
    }
  });

  it('hands out copies: mutating one does not change the next caller', () => {
    const a = getBuiltinFramework('an-giang-2022')!;
    a.tree[0].max = 999;
    expect(getBuiltinFramework('an-giang-2022')!.tree[0].max).toBe(10);
    expect(getBuiltinFramework('khong-co')).toBeUndefined();
  });

  it('minh-hoa-2025: the two-level shape (sở, phường, xã and đặc khu ranked apart), 70 + 30 SIPAS, illustrative', () => {
    const f = getBuiltinFramework('minh-hoa-2025')!;
    expect(checkFramework(f)).toEqual([]);
    expect(f.status).toBe('illustrative');
    expect(f.title).toContain('minh họa');
    expect(f.groups).toEqual([
      { id: 'so', name: 'Sở, ban, ngành' },
      { id: 'phuong', name: 'UBND phường' },
      { id: 'xa', name: 'UBND xã, đặc khu' },
    ]);
    // No cấp huyện any more: no group, no leaf applies to one.
    const groupIds = new Set(f.groups.map((g) => g.id));
    for (const l of leaves(f)) for (const g of l.appliesTo ?? []) expect(groupIds.has(g)).toBe(true);
    expect(countByDepth(f.tree)).toEqual({ fields: 8, criteria: 35, subCriteria: 43 });
    expect(treePoints(f)).toEqual({ self: 70, survey: 30, total: 100 });
    expect(surveyBySource('minh-hoa-2025')).toEqual({ sipas: 3000 });
    // Every group is scored out of the same applicable maximum (sở leaves replace the Một cửa ones).
    for (const g of f.groups) {
      const max = leaves(f)
        .filter((l) => !l.appliesTo || l.appliesTo.includes(g.id))
        .reduce((s, l) => s + toHundredths(leafMaxFor(l, g.id)), 0);
      expect([g.id, max]).toEqual([g.id, 10000]);
    }
  });
});
