import { inferImportMeta } from '../../src/framework/import/infer';

const HEADER = ['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Phương pháp đánh giá'];
const table = (...above: string[]) => [...above.map((t) => [t, null, null, null, null]), HEADER];

describe('inferImportMeta (pure)', () => {
  it('reads year, level and decision from the rows above the header; a province name is no level', () => {
    const r = inferImportMeta(
      table(
        'PHỤ LỤC I',
        'BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP XÃ TỈNH LÂM ĐỒNG NĂM 2026',
        '(Kèm theo Quyết định số 12/QĐ-UBND ngày 5/1/2026)',
      ),
      'Bộ tiêu chí xã 2026.xlsx',
      {},
    );
    expect(r.missing).toEqual([]);
    expect(r.meta).toMatchObject({
      id: 'bo-tieu-chi-xa-2026',
      title: 'BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP XÃ TỈNH LÂM ĐỒNG NĂM 2026',
      year: 2026,
      level: 'xa',
      status: 'official',
      legalBasis: { number: '12/QĐ-UBND', date: '2026-01-05' },
      groups: [{ id: 'xa', name: 'UBND cấp xã' }],
    });
    expect(r.notes).toContain('Giả định: năm 2026 (theo tiêu đề); dùng --year để đổi.');
  });

  it('never overrides what was given, and names what it cannot read', () => {
    const r = inferImportMeta(table('Bộ tiêu chí giai đoạn 2022 - 2030'), 'a.csv', {
      id: 'x',
      level: 'tinh',
    });
    expect(r.meta.id).toBe('x');
    expect(r.meta.groups).toEqual([{ id: 'tinh', name: 'UBND cấp tỉnh' }]);
    expect(r.missing).toEqual([
      'Không xác định được năm của bộ tiêu chí từ tiêu đề "Bộ tiêu chí giai đoạn 2022 - 2030"; hãy thêm --year NĂM.',
      'Không xác định được quyết định ban hành bộ tiêu chí (bảng không có dòng "(Kèm theo Quyết định số … ngày …)"); hãy thêm --decision SỐ --date NGÀY.',
    ]);
  });

  it('turns "Điều tra XHH" rows into a SIPAS source', () => {
    const rows = [...table('Bộ tiêu chí cấp sở năm 2025'), ['1', 'Hài lòng', 10, null, 'Điều tra XHH']];
    const r = inferImportMeta(rows, 't.csv', {});
    expect(r.meta.surveySources).toEqual([
      {
        id: 'sipas',
        name: 'Khảo sát sự hài lòng của người dân, tổ chức (SIPAS)',
        conversion: 'rateTimesMax',
      },
    ]);
  });
});
