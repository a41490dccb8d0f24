import { viDate, viDateTime, viPlaceDate, vietnamIsoDate } from '../../src/common/vi-time';
import { legalBasisText, frameworkTitleText } from '../../src/framework/legal-basis';

describe('Vietnamese dates and times (Asia/Ho_Chi_Minh)', () => {
  it('shows an instant in Vietnam time, across the UTC midnight', () => {
    expect(viDateTime('2026-12-01T18:56:05.682Z')).toBe('02/12/2026, 01 giờ 56');
    expect(viDateTime('2026-12-31T16:59:00Z')).toBe('31/12/2026, 23 giờ 59');
    expect(viDateTime('2026-12-31T17:00:00Z')).toBe('01/01/2027, 00 giờ 00');
    expect(viDate('2026-12-01T18:56:05.682Z')).toBe('02/12/2026');
    expect(vietnamIsoDate('2026-12-01T16:59:59Z')).toBe('2026-12-01');
    expect(vietnamIsoDate('2026-12-01T17:00:00Z')).toBe('2026-12-02');
  });

  it('keeps a calendar date as it is (a decision date is no instant)', () => {
    expect(viDate('2021-10-14')).toBe('14/10/2021');
    expect(viDate('not a date')).toBe('not a date');
    expect(viDateTime('garbage')).toBe('garbage');
  });

  it('writes the place and date line as Nghị định 30 does (leading zero for days < 10 and months 1, 2)', () => {
    expect(viPlaceDate('An Giang', '2026-12-01T18:56:00Z')).toBe('An Giang, ngày 02 tháng 12 năm 2026');
    expect(viPlaceDate('An Giang', '2026-03-05')).toBe('An Giang, ngày 05 tháng 3 năm 2026');
    expect(viPlaceDate('An Giang', '2027-01-14')).toBe('An Giang, ngày 14 tháng 01 năm 2027');
    expect(viPlaceDate('An Giang', '2027-02-28')).toBe('An Giang, ngày 28 tháng 02 năm 2027');
  });
});

describe('legal basis as a person reads it', () => {
  it('names a numbered decision in full', () => {
    expect(legalBasisText({ number: '2366/QĐ-UBND', date: '2021-10-14', issuer: 'UBND tỉnh An Giang' })).toBe(
      'Quyết định số 2366/QĐ-UBND ngày 14/10/2021 của UBND tỉnh An Giang',
    );
  });

  it('names a basis that is no numbered decision without the authoring notes', () => {
    const text = legalBasisText({
      number: 'Đề án xác định Chỉ số CCHC năm 2022 (số quyết định chưa có trong tài liệu)',
      date: '2023-03-09',
      issuer: 'UBND tỉnh An Giang',
      note: 'internal',
    });
    expect(text).toBe('Đề án xác định Chỉ số CCHC năm 2022 của UBND tỉnh An Giang');
    expect(text).not.toMatch(/Quyết định số Đề án|chưa có|internal/);
  });

  it('marks an illustrative framework "minh họa" once', () => {
    expect(frameworkTitleText({ title: 'Bộ tiêu chí X', status: 'illustrative' })).toBe(
      'Bộ tiêu chí X (minh họa)',
    );
    expect(frameworkTitleText({ title: 'Bộ tiêu chí X (minh họa)', status: 'illustrative' })).toBe(
      'Bộ tiêu chí X (minh họa)',
    );
    expect(frameworkTitleText({ title: 'Bộ tiêu chí X', status: 'official' })).toBe('Bộ tiêu chí X');
  });
});
