/**
 * The shared-string table: every text cell refers to its string by index, so a text is always
 * text (never a formula, whatever it starts with) and a repeated one (a group's name on every row)
 * is kept once. The one table that grows with the input: one entry per distinct string.
 */
import { escapeXml, NS_MAIN, XML_HEAD } from './xml-text';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

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
      // Leading or trailing blanks and line breaks are kept only with xml:space="preserve".
      const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
      part += `<si><t${space}>${escapeXml(text)}</t></si>`;
      if (part.length > 1 << 16) {
        yield part;
        part = '';
      }
    }
    yield `${part}</sst>`;
  }
}
