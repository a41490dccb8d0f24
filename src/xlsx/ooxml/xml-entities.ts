/**
 * Character data and attribute values as exceljs' SAX parser hands them over, plus the two
 * further decodings exceljs applies in some places (`t="str"` values, `_x000D_` escapes).
 */
import { OoxmlUnsupported } from './unsupported';

// A Map, not an object literal: "&constructor;" must not find Object.prototype's member (it read
// as the text "function Object() { [native code] }" where exceljs' parser refuses the file).
const NAMED_ENTITIES = new Map<string, string>([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * Character data or an attribute value as a SAX parser hands it over: the five XML entities and
 * numeric character references decoded, line ends normalised. Anything else (an entity a DTD
 * would define, a stray "&") is refused: exceljs' parser rejects the file there.
 */
export function decodeXml(raw: string): string {
  let s = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  if (s.indexOf('&') < 0) return s;
  let out = '';
  let pos = 0;
  for (;;) {
    const amp = s.indexOf('&', pos);
    if (amp < 0) break;
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) throw new OoxmlUnsupported('stray "&"');
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined = NAMED_ENTITIES.get(ref);
    if (ch === undefined && ref.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]+$/.test(ref)
        ? parseInt(ref.slice(2), 16)
        : /^#[0-9]+$/.test(ref)
          ? parseInt(ref.slice(1), 10)
          : NaN;
      const valid =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (valid) ch = String.fromCodePoint(code);
    }
    if (ch === undefined) throw new OoxmlUnsupported(`entity &${ref};`);
    out += s.slice(pos, amp) + ch;
    pos = semi + 1;
  }
  s = out + s.slice(pos);
  return s;
}

/** decodeXml's answers for formula text, by raw text; see decodeFormulaXml. */
const decodedFormulas = new Map<string, string>();
const MAX_DECODED_FORMULAS = 4096;

/**
 * decodeXml for a formula's text, remembered. The returned workbooks of a consolidation come
 * from one template, so the same check formulas ("TRIM(IF(…&quot;Điểm…&quot;…))", entities in
 * every one) are decoded file after file: looking the raw text up is cheaper than decoding it
 * again (measured: decodeXml was a sixth of a sheet's scan). Bounded: at MAX_DECODED_FORMULAS
 * entries it forgets them all. A text decodeXml refuses is not remembered (it throws again).
 */
export function decodeFormulaXml(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  let text = decodedFormulas.get(raw);
  if (text === undefined) {
    text = decodeXml(raw);
    if (decodedFormulas.size >= MAX_DECODED_FORMULAS) decodedFormulas.clear();
    decodedFormulas.set(raw, text);
  }
  return text;
}

/** exceljs' `utils.xmlDecode`, which it applies once more to `t="str"` values. */
export function exceljsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** `_x000D_`-style escapes in shared strings and rich-text runs (exceljs decodes them there only). */
export function decodeOoxmlEscapes(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
