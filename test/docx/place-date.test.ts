/**
 * The place of a document's place-and-date line (Nghị định 30/2020/NĐ-CP: the province's name) as
 * the framework's issuer gives it, or dots to write it in when the issuer names none.
 */
import { provinceOf } from '../../src/usecases/campaign/documents';
import { PLACE_TO_FILL } from '../../src/docx/nd30';
import { viPlaceDate } from '../../src/common/vi-time';
import { getBuiltinFramework } from '../../src/framework/builtins';

describe('provinceOf', () => {
  it.each([
    ['UBND tỉnh An Giang', 'An Giang', 'UBND tỉnh An Giang'],
    ['Ủy ban nhân dân tỉnh Đồng Tháp', 'Đồng Tháp', 'UBND tỉnh Đồng Tháp'],
    ['UBND thành phố Hà Nội', 'Hà Nội', 'UBND thành phố Hà Nội'],
    ['UBND Thành phố Cần Thơ', 'Cần Thơ', 'UBND thành phố Cần Thơ'],
    ['UBND tỉnh An Giang (minh họa)', 'An Giang', 'UBND tỉnh An Giang'],
  ])('%s → %s', (issuer, place, parent) => {
    expect(provinceOf(issuer)).toEqual({ place, parent });
  });

  it.each(['UBND tỉnh (minh họa)', 'Bộ Nội vụ', '', undefined])('%s names no province', (issuer) => {
    expect(provinceOf(issuer)).toBeNull();
  });

  it('the illustrative framework leaves the place dotted, the date in Vietnam', () => {
    const framework = getBuiltinFramework('minh-hoa-2025');
    expect(framework).toBeDefined();
    expect(provinceOf(framework!.legalBasis.issuer)).toBeNull();
    expect(viPlaceDate(PLACE_TO_FILL, '2026-12-01T18:56:00Z')).toBe('……, ngày 02 tháng 12 năm 2026');
  });
});
