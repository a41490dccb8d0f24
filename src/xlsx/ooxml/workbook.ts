/**
 * Opens an .xlsx for the direct reader: the zip, workbook.xml and its relationships, the list of
 * worksheets exceljs would load, and each wanted sheet's grid on demand.
 */
import type { CellGrid } from '../../workbook/read-grid';
import { DEFAULT_READ_LIMITS, ReadLimitExceeded, limitMessages, type ReadLimits } from '../read-limits';
import { parseSharedStringsBytes, type SharedString } from './shared-strings';
import {
  parseSheetBytes,
  parseSheetParts,
  scannedGrid,
  sheetPartsOf,
  type SheetParseContext,
} from './sheet-reader';
import { zipEntries, type InflateRaw, type ZipEntries } from './zip-entries';
import { parseDateStyles } from './styles';
import { OoxmlUnsupported } from './unsupported';
import { PartCutShort, partEnd } from './part-end';
import { rememberLast, sameBytes } from './remember-last';
import { scanXml, xmlAttribute, xmlAttributes } from './xml-scan';

export interface OoxmlSheet {
  name: string;
  /** Zip path of the worksheet part. */
  part: string;
}

export interface OoxmlWorkbook {
  /** The worksheets exceljs would load, in workbook order (chart sheets and broken links left out). */
  sheets: OoxmlSheet[];
  grid(sheet: OoxmlSheet): Promise<CellGrid>;
}

/** exceljs refuses or renames sheets with these names; leave such files to it. */
function exceljsAcceptsName(name: string): boolean {
  return (
    name !== '' &&
    name !== 'History' &&
    name.length <= 31 &&
    !/[*?:/\\[\]]/.test(name) &&
    !/(^')|('$)/.test(name)
  );
}

/** The parts of a zip the reader may open, with their sizes checked against the limits. */
export interface ZipParts {
  has(path: string): boolean;
  names(): string[];
  /** The part's bytes (undefined when absent); ReadLimitExceeded past `maxPartBytes`. */
  bytes(path: string): Uint8Array | undefined;
  /** The part decoded as UTF-8 (as exceljs does: a BOM dropped, bad bytes as U+FFFD). */
  text(path: string): string | undefined;
  /**
   * `text`, remembered by the part's stored bytes: for the parts every return of a template has
   * byte for byte (workbook.xml, its relationships, styles.xml), see rememberedPartText.
   */
  sideText(path: string): string | undefined;
}

const decoder = new TextDecoder();

/**
 * The texts of the last few side parts, by path, most recently used first, each with the stored
 * (compressed) bytes it came from. The returns of a consolidation come from a few templates, so
 * workbook.xml, its relationships and styles.xml are stored byte for byte alike file after file:
 * comparing ~1-3 KB of stored bytes costs less than inflating and decoding them again (with a
 * zlib handle made for each: ~60 µs of a return's ~2 ms, measured), and the text handed back is
 * the very string of last time, which the readings remembered by text (rememberLast) then find
 * at once. The same stored bytes, method and declared size inflate to the same text, so nothing
 * read can differ; a part whose reading throws is not remembered (it throws again).
 */
const SIDE_SLOTS = 4;
const sideTexts = new Map<string, { stored: Uint8Array; method: number; size: number; text: string }[]>();

function rememberedPartText(zip: ZipEntries, path: string, size: number, text: () => string): string {
  const stored = zip.stored(path);
  if (!stored) return text();
  const slots = sideTexts.get(path) ?? [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (slot.size !== size || slot.method !== stored.method || !sameBytes(slot.stored, stored.data)) continue;
    if (i > 0) {
      slots.splice(i, 1);
      slots.unshift(slot);
    }
    return slot.text;
  }
  const answer = text();
  // A copy of the stored bytes: a view would keep the whole return alive.
  slots.unshift({ stored: new Uint8Array(stored.data), method: stored.method, size, text: answer });
  if (slots.length > SIDE_SLOTS) slots.pop();
  sideTexts.set(path, slots);
  return answer;
}

/** Our zip reader (zip-entries.ts), inflating each part only when it is asked for. */
export function zipParts(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  inflate?: InflateRaw,
): ZipParts {
  const zip = zipEntries(bytes, inflate);
  const partBytes = (path: string): Uint8Array | undefined => {
    const size = zip.size(path);
    if (size === undefined) return undefined;
    if (size > limits.maxPartBytes) throw new ReadLimitExceeded(limitMessages.part(path, size, limits));
    return zip.bytes(path);
  };
  const text = (path: string): string | undefined => {
    const data = partBytes(path);
    return data === undefined ? undefined : decoder.decode(data);
  };
  return {
    has: (path) => zip.size(path) !== undefined,
    names: () => zip.names(),
    bytes: partBytes,
    text,
    sideText(path) {
      const size = zip.size(path);
      if (size === undefined) return undefined;
      // The limit first, as `bytes` checks it: a remembered text never skips it.
      if (size > limits.maxPartBytes) throw new ReadLimitExceeded(limitMessages.part(path, size, limits));
      return rememberedPartText(zip, path, size, () => text(path) as string);
    },
  };
}

/** Relationship id → target, from xl/_rels/workbook.xml.rels (shared between files: read only). */
export function relationshipTargets(relsXml: string | undefined): ReadonlyMap<string, string> {
  return relsXml === undefined ? new Map() : rememberedTargets(relsXml);
}

const rememberedTargets = rememberLast((relsXml: string): ReadonlyMap<string, string> => {
  const targets = new Map<string, string>();
  scanXml(relsXml, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const a = xmlAttributes(attrs);
      if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
    },
    close() {},
    text() {},
  });
  return targets;
});

interface DeclaredSheet {
  name: string | undefined;
  id: number;
  rid: string | undefined;
}

/** The sheets workbook.xml declares, and its date system (shared between files: read only). */
export const declaredSheets: (workbookXml: string) => {
  readonly sheets: readonly DeclaredSheet[];
  readonly date1904: boolean;
} = rememberLast(readDeclaredSheets);

function readDeclaredSheets(workbookXml: string): { sheets: DeclaredSheet[]; date1904: boolean } {
  let date1904 = false;
  const sheets: DeclaredSheet[] = [];
  scanXml(workbookXml, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = xmlAttribute(attrs, 'date1904') === '1';
      else if (name === 'sheet') {
        const a = xmlAttributes(attrs);
        sheets.push({ name: a.name, id: parseInt(a.sheetId, 10), rid: a['r:id'] });
      } else if (name.includes(':') && /:(workbook|sheet|sheets)$/.test(name))
        throw new OoxmlUnsupported(`prefixed element ${name}`);
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/**
 * exceljs loads every zip entry named like xl/worksheets/sheetN.xml, then binds workbook.xml's
 * sheets to them through the relationships (anything else, e.g. a chart sheet, is left out).
 */
export function boundSheets(
  declared: readonly DeclaredSheet[],
  targets: ReadonlyMap<string, string>,
  zip: ZipParts,
): OoxmlSheet[] {
  const sheets: OoxmlSheet[] = [];
  const ids = new Set<number>();
  const lowerNames = new Set<string>();
  for (const s of declared) {
    const target = s.rid === undefined ? undefined : targets.get(s.rid);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!/xl\/worksheets\/sheet(\d+)[.]xml/.test(part) || !zip.has(part)) continue;
    if (s.name === undefined || !exceljsAcceptsName(s.name))
      throw new OoxmlUnsupported(`sheet name "${s.name}"`);
    if (!(Number.isInteger(s.id) && s.id >= 1) || ids.has(s.id))
      throw new OoxmlUnsupported(`sheet id ${s.id}`);
    if (lowerNames.has(s.name.toLowerCase())) throw new OoxmlUnsupported(`sheet name "${s.name}" twice`);
    ids.add(s.id);
    lowerNames.add(s.name.toLowerCase());
    sheets.push({ name: s.name, part });
  }
  return sheets;
}

/**
 * Opens an .xlsx: reads workbook.xml and its relationships. Throws when the bytes are not a zip
 * (the caller's exceljs fallback then reports it as unreadable), OoxmlUnsupported, or
 * ReadLimitExceeded (refused: never handed to exceljs); a sheet's grid also throws PartCutShort
 * (refused too: exceljs would fail on it without saying why).
 */
/**
 * How sheets' cells are read: 'auto' (the byte scanner, the tokenizer when the scanner gives
 * up); 'tokenizer' or 'scanner' alone are for the tests that hold the two paths equal ('scanner'
 * throws OoxmlUnsupported where it would give up).
 */
export type SheetCellsPath = 'auto' | 'tokenizer' | 'scanner';

function readSheet(path: SheetCellsPath, data: Uint8Array, ctx: SheetParseContext, name: string): CellGrid {
  if (path === 'auto') return parseSheetBytes(data, ctx, name);
  if (path === 'tokenizer') return parseSheetParts(sheetPartsOf(data), ctx, name);
  const grid = scannedGrid(data, ctx, name);
  if (!grid) throw new OoxmlUnsupported(`byte scanner gave up on ${name}`);
  return grid;
}

export async function openOoxmlWorkbook(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  inflate?: InflateRaw,
  cellsPath: SheetCellsPath = 'auto',
): Promise<OoxmlWorkbook> {
  const zip = zipParts(bytes, limits, inflate);
  const workbookXml = zip.sideText('xl/workbook.xml');
  if (workbookXml === undefined) throw new OoxmlUnsupported('no xl/workbook.xml');
  const targets = relationshipTargets(zip.sideText('xl/_rels/workbook.xml.rels'));
  const { sheets: declared, date1904 } = declaredSheets(workbookXml);
  const sheets = boundSheets(declared, targets, zip);

  const side = new SideParts(zip, date1904, limits);
  return new OoxmlBook(sheets, zip, side, cellsPath);
}

/**
 * The parts both sheets share, each parsed once, on first need. Classes here, not closures made
 * per file: V8 keeps a closure's optimised code only weakly, so the closures the sheet reader
 * called for every shared-string cell were recompiled in every consolidation (--trace-opt).
 */
class SideParts implements SheetParseContext {
  private sharedStringsBytes: Uint8Array | undefined;
  private stylesXml: string | undefined;
  private strings: SharedString[] | undefined;
  private styles: readonly boolean[] | undefined;

  constructor(
    private readonly zip: ZipParts,
    readonly date1904: boolean,
    readonly limits: ReadLimits,
  ) {}

  /** Inflated (and their sizes checked) before the first sheet is read. */
  load(): void {
    if (this.sharedStringsBytes === undefined) {
      const bytes = this.zip.bytes('xl/sharedStrings.xml') ?? new Uint8Array(0);
      if (bytes.length > 0 && partEnd(bytes, 'sst') === 'cutShort') throw PartCutShort.sharedStrings();
      this.sharedStringsBytes = bytes;
    }
    this.stylesXml ??= this.zip.sideText('xl/styles.xml') ?? '';
  }

  sharedStrings(): SharedString[] {
    return (this.strings ??= parseSharedStringsBytes(
      this.sharedStringsBytes ?? new Uint8Array(0),
      this.limits,
    ));
  }

  dateStyles(): readonly boolean[] {
    return (this.styles ??= parseDateStyles(this.stylesXml ?? ''));
  }
}

class OoxmlBook implements OoxmlWorkbook {
  constructor(
    readonly sheets: OoxmlSheet[],
    private readonly zip: ZipParts,
    private readonly side: SideParts,
    private readonly cellsPath: SheetCellsPath,
  ) {}

  async grid(sheet: OoxmlSheet): Promise<CellGrid> {
    this.side.load();
    const data = this.zip.bytes(sheet.part);
    if (data === undefined) throw new OoxmlUnsupported(`no part ${sheet.part}`);
    const end = partEnd(data, 'worksheet');
    if (end === 'cutShort') throw PartCutShort.sheet(sheet.name);
    if (end === 'unsure') throw new OoxmlUnsupported(`${sheet.part} ends with a comment or instruction`);
    return readSheet(this.cellsPath, data, this.side, sheet.name);
  }
}
