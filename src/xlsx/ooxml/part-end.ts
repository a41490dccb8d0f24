/**
 * Whether an XML part of the zip ends where its XML does. A part cut short inside a well-formed
 * zip (a tool that stopped writing, a copy re-zipped after a failed transfer) still inflates and
 * its CRC matches, and the readers would take the cells it still has for the whole sheet: the
 * rows after the cut would read as deleted criteria. exceljs fails on such a part with an
 * internal error; the direct reader names it instead (PartCutShort).
 */
export type PartEnd = 'whole' | 'cutShort' | 'unsure';

/** XML's white space (not `\s`, which would take U+00A0 and others). */
const isXmlSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;

const latin1 = new TextDecoder('latin1');

/** The last tag is looked at only when it is shorter than this (a root's namespaces included). */
const LONGEST_LAST_TAG = 4096;

const NAME = '(?:[^\\t\\n\\r <>/:]+:)?([^\\t\\n\\r <>/:]+)';
/** `</x:name >`; group 1 is the local name. */
const END_TAG = new RegExp(`^</${NAME}[\\t\\n\\r ]*>$`);
/** An empty root, `<sst count="0"/>`; group 1 is the local name. */
const EMPTY_ELEMENT = new RegExp(`^<${NAME}(?:[\\t\\n\\r ][^<>]*)?/>$`);
/** A comment or a processing instruction: XML allows them after the root element. */
const MISC_END = /(?:--|\?)>$/;

/**
 * 'whole' when the last markup of `bytes` closes the root element `root` (or is `root` empty);
 * 'unsure' when the part ends with a comment or a processing instruction (the exceljs reader
 * decides those); 'cutShort' otherwise. Only the last tag is decoded, as Latin-1: names of the
 * elements we look for are ASCII.
 */
export function partEnd(bytes: Uint8Array, root: string): PartEnd {
  let end = bytes.length;
  while (end > 0 && isXmlSpace(bytes[end - 1])) end--;
  const lt = bytes.lastIndexOf(0x3c /* < */, end - 1);
  if (lt < 0 || end - lt > LONGEST_LAST_TAG) return 'cutShort';
  const tag = latin1.decode(bytes.subarray(lt, end));
  if (MISC_END.test(tag)) return 'unsure';
  const name = END_TAG.exec(tag)?.[1] ?? EMPTY_ELEMENT.exec(tag)?.[1];
  return name === root ? 'whole' : 'cutShort';
}

/**
 * A part ends before its XML does. `where` is Vietnamese ("trang \"Chấm điểm\""), without the
 * file name: the caller's sentence names the file.
 */
export class PartCutShort extends Error {
  static sheet(name: string): PartCutShort {
    return new PartCutShort(`trang "${name}"`);
  }

  static sharedStrings(): PartCutShort {
    return new PartCutShort('bảng chuỗi dùng chung (xl/sharedStrings.xml)');
  }

  private constructor(readonly where: string) {
    super(`${where} cut short`);
    this.name = 'PartCutShort';
  }
}
