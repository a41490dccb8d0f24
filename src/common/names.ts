/**
 * Unit names as people and old files write them, reduced to comparable keys.
 *
 * The same unit arrives as "Sở Giao thông Vận tải", "Sở GTVT", "SỞ GIAO THÔNG - VẬN TẢI",
 * "Sở Giao thông và Vận tải", in decomposed Unicode (NFD, from macOS or some web forms), with the
 * old tone placement ("hoá" / "hóa"), or even in a legacy 8-bit encoding (TCVN3, VNI) pasted from a
 * 1990s-era document. Matching must see through all of these — but never guess: diacritics are
 * KEPT in every key, because "Tân Châu" and "Tấn Châu" are different places, and a key that maps
 * to two units is no match at all (see src/consolidation/match.ts). Pure: no I/O.
 */

/** Lower-case letters with a Vietnamese tone, by base vowel: [huyền, hỏi, ngã, sắc, nặng]. */
const TONED: Record<string, string> = {
  a: 'àảãáạ',
  e: 'èẻẽéẹ',
  o: 'òỏõóọ',
  u: 'ùủũúụ',
  y: 'ỳỷỹýỵ',
};

/**
 * Old-style tone placement ("hóa", "thủy", "khỏe") written the new way ("hoá", "thuỷ", "khoẻ"),
 * so both spellings give one key. Only at the end of a syllable: "hoàn", "thuyết" are the same in
 * both styles.
 */
const TONE_PLACEMENT: Array<[RegExp, string]> = (() => {
  const pairs: Array<[RegExp, string]> = [];
  for (const [first, second] of [
    ['o', 'a'],
    ['o', 'e'],
    ['u', 'y'],
  ]) {
    for (let t = 0; t < 5; t++) {
      const oldStyle = TONED[first][t] + second;
      const newStyle = first + TONED[second][t];
      pairs.push([new RegExp(`${oldStyle}(?![\\p{L}])`, 'gu'), newStyle]);
    }
  }
  return pairs;
})();

function placeTones(lower: string): string {
  let s = lower;
  for (const [re, to] of TONE_PLACEMENT) s = s.replace(re, to);
  return s;
}

/**
 * Abbreviations seen in office documents, as they look once punctuation between letters is
 * dropped ("KH&ĐT" → "khđt", "VH,TT&DL" → "vhttdl"). Expanded to the words of the full name; the
 * connector "và" is dropped everywhere, so "Kế hoạch và Đầu tư" and "KH&ĐT" meet.
 */
const ABBREVIATIONS: Record<string, string> = {
  ubnd: 'ủy ban nhân dân',
  hđnd: 'hội đồng nhân dân',
  tp: 'thành phố',
  tx: 'thị xã',
  bql: 'ban quản lý',
  kkt: 'khu kinh tế',
  gtvt: 'giao thông vận tải',
  khđt: 'kế hoạch đầu tư',
  tnmt: 'tài nguyên môi trường',
  tttt: 'thông tin truyền thông',
  nnptnt: 'nông nghiệp phát triển nông thôn',
  gdđt: 'giáo dục đào tạo',
  lđtbxh: 'lao động thương binh xã hội',
  vhttdl: 'văn hoá thể thao du lịch',
  khcn: 'khoa học công nghệ',
  vpubnd: 'văn phòng ủy ban nhân dân',
};

/** Words dropped from keys: connectors that writers add or leave out at will. */
const DROPPED_WORDS = new Set(['và']);

/**
 * Administrative prefixes that name the KIND of a unit rather than the unit: "UBND huyện Châu
 * Phú" is the district "Châu Phú". Longest first, so "ủy ban nhân dân thành phố" wins over
 * "thành phố".
 */
const ADMIN_PREFIXES = [
  'ủy ban nhân dân',
  'thành phố',
  'thị xã',
  'thị trấn',
  'huyện',
  'quận',
  'phường',
  'xã',
  'tỉnh',
].map((p) => placeTones(p));

/** Compact spacing and NFC; what every comparison and every displayed name starts from. */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The exact key of a name: NFC, lower case (Vietnamese), one tone placement, punctuation
 * removed ("Giao thông - Vận tải" = "Giao thông Vận tải"; "KH&ĐT" = "khđt"), abbreviations
 * expanded, "và" dropped, single spaces. Diacritics are kept.
 */
export function nameKey(raw: string): string {
  let s = cleanName(raw).toLocaleLowerCase('vi');
  s = placeTones(s);
  // Punctuation squeezed between two letters joins them (abbreviations: "KH&ĐT", "GT-VT");
  // elsewhere it separates words.
  s = s.replace(/(?<=\p{L})[&.,\-/](?=\p{L})/gu, '');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const words: string[] = [];
  for (const w of s.split(' ')) {
    if (!w || DROPPED_WORDS.has(w)) continue;
    // Own keys only: a word "constructor" or "__proto__" in a name is a word, not Object.prototype's.
    const expanded = Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w] : undefined;
    if (expanded) words.push(...expanded.split(' ').filter((x) => !DROPPED_WORDS.has(x)));
    else words.push(w);
  }
  // The expansions use new-style tone placement; run it again in case they introduced any.
  return placeTones(words.join(' '));
}

/**
 * The key without the administrative kind ("UBND huyện Châu Phú" → "châu phú", "Thành phố Long
 * Xuyên" → "long xuyên"), or null when the name carries no such prefix. Only ever used as a
 * second chance, and only when it points at exactly one unit.
 */
export function shortNameKey(raw: string): string | null {
  let key = nameKey(raw);
  let stripped = false;
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of ADMIN_PREFIXES) {
      if (key.startsWith(`${prefix} `)) {
        key = key.slice(prefix.length + 1);
        stripped = true;
        changed = true;
      }
    }
  }
  // "Sở Tư pháp" ↔ "Tư pháp": the department kind, same reasoning.
  if (key.startsWith('sở ')) {
    key = key.slice(3);
    stripped = true;
  }
  return stripped && key ? key : null;
}

/** Lower case without Vietnamese marks ("Huyện Đức" → "huyen duc"): the one folding rule. */
export function foldMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** Letters without diacritics: for "did you mean" hints only, never for matching. */
export function foldDiacritics(raw: string): string {
  return foldMarks(nameKey(raw));
}

/**
 * An ASCII id from a name ("Sở, ban, ngành" → "so-ban-nganh"), for ids the schemas keep ASCII
 * (group and campaign ids). File names keep Vietnamese: src/workbook/file-name.ts.
 */
export function asciiSlug(text: string, maxChars = 60): string {
  return foldMarks(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxChars)
    .replace(/-+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Legacy encodings

/**
 * TCVN3 (ABC), the 8-bit Vietnamese encoding of .VnTime fonts. Read as Windows-1252/Latin-1 its
 * bytes show up as "Së Giao th«ng VËn t¶i". Lower-case letters; upper-case toned letters do not
 * exist in TCVN3 (a capital font was used instead).
 */
const TCVN3_BYTES = '¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\u00adøõö÷ùýúûüþ¡¢§£¤¥¦';
const TCVN3_LETTERS = 'áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵĂÂĐÊÔƠƯ';
const TCVN3_TO_UNICODE = new Map([...TCVN3_BYTES].map((ch, i) => [ch, [...TCVN3_LETTERS][i]]));

/** Letters of modern Vietnamese beyond Latin-1: their presence means the text is Unicode. */
const VIETNAMESE_UNICODE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;
/** Bytes of TCVN3 that are punctuation-like symbols in Latin-1 and never occur in Vietnamese. */
const TCVN3_SIGNATURE = /[\u00a1-\u00a8\u00aa-\u00ae\u00b5-\u00be]/u;
/**
 * VNI-Windows writes a toned letter as a base letter followed by a mark byte; read as Latin-1 the
 * marks appear as "ø ù û õ ï ä å ë ö ñ â". Letters like "ø", "ï", "ä", "å", "ë", "ö", "ñ", "û" are
 * not Vietnamese, so a vowel followed by one of them is VNI ("Sôû Giao thoâng Vaän taûi").
 */
const VNI_SIGNATURE = /[aeiouyâêôAEIOUYÂÊÔ][øïäåëöñû]|ñ/u;

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Which legacy encoding a piece of text was probably written in, or null for Unicode text. */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (VIETNAMESE_UNICODE.test(text)) return null;
  if (TCVN3_SIGNATURE.test(text)) return 'tcvn3';
  if (VNI_SIGNATURE.test(text)) return 'vni';
  return null;
}

/** Decodes TCVN3 text that was read as Latin-1/Windows-1252 into Unicode (NFC). */
export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_TO_UNICODE.get(ch) ?? ch;
  return out.normalize('NFC');
}

export interface NormalisedName {
  /** The name to display and compare: NFC, spacing compacted, TCVN3 decoded. */
  name: string;
  /** Vietnamese warning when the text was (or looks) legacy-encoded. */
  warning?: string;
}

/**
 * A name from an untrusted file made ready for display and matching. TCVN3 is decoded (its table
 * is unambiguous); VNI is only reported, because its two-byte sequences cannot be told apart from
 * real text reliably enough to rewrite a name silently.
 */
export function normaliseIncomingName(raw: string): NormalisedName {
  const name = cleanName(raw);
  const legacy = detectLegacyEncoding(name);
  if (legacy === 'tcvn3') {
    const decoded = cleanName(decodeTcvn3(name));
    return {
      name: decoded,
      warning: `Tên "${name}" có vẻ ở bảng mã TCVN3 (ABC); đã đọc thành "${decoded}".`,
    };
  }
  if (legacy === 'vni') {
    return {
      name,
      warning: `Tên "${name}" có vẻ ở bảng mã VNI; hãy chuyển tệp sang Unicode rồi gửi lại (tên này không được ghép tự động nếu không khớp).`,
    };
  }
  return { name };
}
