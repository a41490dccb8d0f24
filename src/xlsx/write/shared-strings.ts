/**
 * The shared-string table: a text cell refers to its string by index, so a repeated text (a
 * group's name on every row, a unit's name on five sheets) is kept once. Long texts are written
 * in their cell instead (`t="inlineStr"`): they are the sentences made per unit or per file (a
 * file's problems, where a unit lost its points) that never repeat, and in the table they were
 * the one part of the writer's memory that grew with the units (15,000 strings, 700,000
 * characters at 3,000 units). Either way a text is text, never a formula, whatever it starts with.
 */
import { escapeXml, NS_MAIN, XML_HEAD } from './xml-text';

/** Texts this long or longer go in their cell, not in the table. */
export const INLINE_FROM = 80;

/** `<t>` of a text: leading or trailing blanks and line breaks kept only with xml:space="preserve". */
export function textElement(text: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeXml(text)}</t>`;
}

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  /** Whether `text` goes in the table (else it is written inline). */
  static shares(text: string): boolean {
    return text.length < INLINE_FROM;
  }

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  /** sharedStrings.xml, in pieces (the table can be large; the zip entry takes it piece by piece). */
  *xml(): Generator<string> {
    yield `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.index.size}">`;
    let part = '';
    for (const text of this.index.keys()) {
      part += `<si>${textElement(text)}</si>`;
      if (part.length > 1 << 16) {
        yield part;
        part = '';
      }
    }
    yield `${part}</sst>`;
  }
}
