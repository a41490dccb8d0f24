import {
  cleanName,
  decodeTcvn3,
  detectLegacyEncoding,
  foldDiacritics,
  nameKey,
  normaliseIncomingName,
  shortNameKey,
} from '../../src/common/names';

describe('nameKey', () => {
  it.each([
    ['Sở Giao thông Vận tải', 'Sở GTVT'],
    ['Sở Giao thông Vận tải', 'SỞ GIAO THÔNG - VẬN TẢI'],
    ['Sở Giao thông Vận tải', 'Sở Giao thông và Vận tải'],
    ['Sở Kế hoạch và Đầu tư', 'Sở KH&ĐT'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở VH,TT&DL'],
    ['Sở Lao động, Thương binh và Xã hội', 'Sở LĐTB&XH'],
    ['Ủy ban nhân dân thị xã Tân Châu', 'UBND TX Tân Châu'],
    ['Sở Tư pháp', 'Sở Tư pháp'.normalize('NFD')],
    ['Sở Văn hoá', 'Sở Văn hóa'],
    ['  Sở   Tư\u00a0pháp ', 'Sở Tư pháp'],
  ])('"%s" and "%s" give one key', (a, b) => {
    expect(nameKey(b)).toBe(nameKey(a));
  });

  it('keeps diacritics: different places stay different', () => {
    expect(nameKey('Tân Châu')).not.toBe(nameKey('Tấn Châu'));
    expect(foldDiacritics('Tân Châu')).toBe(foldDiacritics('Tấn Châu'));
  });

  it('strips the administrative kind only in the short key', () => {
    expect(shortNameKey('UBND huyện Châu Phú')).toBe(nameKey('Châu Phú'));
    expect(shortNameKey('TP. Long Xuyên')).toBe('long xuyên');
    expect(shortNameKey('Sở Tư pháp')).toBe('tư pháp');
    expect(shortNameKey('Châu Phú')).toBeNull();
    expect(nameKey('UBND huyện Châu Phú')).not.toBe(nameKey('Châu Phú'));
  });

  it('cleanName composes NFD into NFC and compacts spaces', () => {
    const nfd = 'Sở  Nội vụ'.normalize('NFD');
    expect(cleanName(nfd)).toBe('Sở Nội vụ');
    expect(cleanName(nfd).length).toBe(9);
  });
});

describe('legacy encodings', () => {
  it('detects and decodes TCVN3 read as Latin-1', () => {
    expect(detectLegacyEncoding('Së Giao th«ng VËn t¶i')).toBe('tcvn3');
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    const n = normaliseIncomingName('Tho¹i S¬n');
    expect(n.name).toBe('Thoại Sơn');
    expect(n.warning).toMatch(/TCVN3/);
  });

  it('detects VNI and only warns', () => {
    expect(detectLegacyEncoding('Sôû Giao thoâng Vaän taûi')).toBe('vni');
    const n = normaliseIncomingName('Sôû Giao thoâng Vaän taûi');
    expect(n.name).toBe('Sôû Giao thoâng Vaän taûi');
    expect(n.warning).toMatch(/VNI/);
  });

  it('leaves Unicode Vietnamese and plain ASCII alone', () => {
    for (const s of ['Sở Tư pháp', 'An Phú', 'Châu Đốc', 'Tri Tôn', 'Long Xuyen']) {
      expect(detectLegacyEncoding(s)).toBeNull();
      expect(normaliseIncomingName(s).warning).toBeUndefined();
    }
  });
});
