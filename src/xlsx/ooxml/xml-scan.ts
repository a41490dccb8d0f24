/**
 * A small XML tokenizer (no DOM, so it runs in Node and the browser) for the few OOXML parts the
 * direct reader needs, and the attribute readers that go with it.
 */
import { decodeXml } from './xml-entities';
import { OoxmlUnsupported } from './unsupported';

export interface XmlHandler {
  /** `attrs` is the raw attribute text of the tag; parse it with `xmlAttributes` when needed. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /**
   * Raw (still entity-encoded) character data between tags, as `xml.slice(start, end)`; never
   * empty. Positions, not a string: most text between tags is indentation nobody reads.
   */
  text(xml: string, start: number, end: number): void;
}

/**
 * Walks an XML document: start tags, end tags (a self-closing tag gives both, as a SAX parser
 * does) and text. Comments, processing instructions and the XML declaration are skipped; CDATA
 * and DOCTYPE (a SAX parser would report or reject them differently) are refused.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  let pos = 0;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      handler.text(xml, pos, n);
      return;
    }
    if (lt > pos) handler.text(xml, pos, lt);
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new OoxmlUnsupported('unterminated processing instruction');
      pos = end + 2;
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new OoxmlUnsupported('unterminated comment');
        pos = end + 3;
        continue;
      }
      throw new OoxmlUnsupported('CDATA or DOCTYPE');
    }
    if (next === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new OoxmlUnsupported('unterminated end tag');
      handler.close(xml.slice(lt + 2, end).trim());
      pos = end + 1;
      continue;
    }
    // A start tag: the name, then attributes (quoted values may contain '>').
    let i = lt + 1;
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) break;
      i++;
    }
    const name = xml.slice(lt + 1, i);
    if (!name) throw new OoxmlUnsupported('empty tag name');
    const attrStart = i;
    let quote = 0;
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
      i++;
    }
    if (i >= n) throw new OoxmlUnsupported('unterminated start tag');
    const selfClosing = xml.charCodeAt(i - 1) === 47;
    const attrs = xml.slice(attrStart, selfClosing ? i - 1 : i);
    handler.open(name, attrs, selfClosing);
    if (selfClosing) handler.close(name);
    pos = i + 1;
  }
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag, values decoded (entities, and whitespace normalised as XML says). */
export function xmlAttributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTRIBUTE)) {
    out[m[1]] = decodeXml((m[2] ?? m[3]).replace(/[\t\n\r]/g, ' '));
  }
  return out;
}

/** One attribute without building the whole record (the hot path: `r`, `t`, `s` of every cell). */

/** One attribute without building the whole record (the hot path: `r`, `t`, `s` of every cell). */
export function xmlAttribute(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = raw.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? 32 : raw.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = from;
    while (raw.charCodeAt(i) === 32) i++;
    if (raw.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (raw.charCodeAt(i) === 32) i++;
    const q = raw[i];
    if (q !== '"' && q !== "'") continue;
    const end = raw.indexOf(q, i + 1);
    if (end < 0) return undefined;
    const value = raw.slice(i + 1, end);
    return /[&\t\n\r]/.test(value) ? decodeXml(value.replace(/[\t\n\r]/g, ' ')) : value;
  }
}
