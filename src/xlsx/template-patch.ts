/**
 * Bulk templates (issue 15 item 2): within one group of a framework, the templates of two units
 * differ in a handful of places only: the title in core.xml, three shared strings (name, code,
 * the "Đơn vị: …" line) and the page footers. So the renderer draws the group ONCE, for a
 * placeholder unit, and each unit's file is that one with the placeholders replaced: the changed
 * parts re-compressed, every other entry copied as compressed bytes. exceljs is not run per unit.
 *
 * Same bytes as the renderer, or the renderer: a unit is patched only when nothing but those
 * texts can differ — its name and code need no XML escaping and no `&` (doubled in footers), have
 * no edge whitespace (exceljs would mark xml:space), equal no other text of the workbook (exceljs
 * would share one string), and its unit line wraps to the same row height. Any other unit, and
 * any surprise in the prototype, is rendered in full. The tests hold the patched files equal to
 * the renderer's, part by part and byte by byte (the whole zip with the same compressor and clock).
 */
import { deflateSync, inflateSync } from 'fflate';
import { xmlSafe } from '../common/clean-text';
import type { Framework } from '../framework/schema';
import type { UnitRef } from '../scoring/types';
import { buildTemplatePlan, type TemplateOptions } from '../workbook/plan';
import { unitLine, unitLineRowHeight } from '../workbook/score-sheet';
import { renderPlan } from './render';
import { crc32 } from './write/crc32';

/** How changed parts are compressed: the platform's (Node's zlib in the CLI), default fflate. */
export interface PartCompressor {
  /** Raw DEFLATE, level 6 (the renderer's). */
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** The zip CRC-32, shared with the streaming xlsx writer (kept exported from here for callers). */
export { crc32 };

/** fflate at level 6: what the renderer's own zip step uses, so the whole file is the same. */
export const fflateCompressor: PartCompressor = {
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  crc32,
};

const NAME_TOKEN = 'Qz9TENqZ';
const CODE_TOKEN = 'Qz9MAqZ';

/** Text every writer of ours copies unchanged into XML and footers. */
function plainText(text: string): boolean {
  return (
    text.length > 0 &&
    !/^\s|\s$/.test(text) &&
    !/[<>&'"]/.test(text) &&
    ![...text].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f') &&
    xmlSafe(text) === text &&
    !text.includes(NAME_TOKEN) &&
    !text.includes(CODE_TOKEN)
  );
}

interface ZipEntryLayout {
  localOffset: number;
  /** Local header + name + extra. */
  localHeaderLength: number;
  compressedSize: number;
  centralOffset: number;
  centralLength: number;
}

interface ZipLayout {
  entries: ZipEntryLayout[];
  names: string[];
  centralStart: number;
  endStart: number;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** The prototype's zip, as our renderer writes it (no data descriptors, entries in order); else null. */
function zipLayout(bytes: Uint8Array): ZipLayout | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endStart = bytes.length - 22;
  if (endStart < 0 || view.getUint32(endStart, true) !== 0x06054b50) return null; // no comment expected
  const count = view.getUint16(endStart + 10, true);
  const centralStart = view.getUint32(endStart + 16, true);
  const entries: ZipEntryLayout[] = [];
  const names: string[] = [];
  let at = centralStart;
  let expectedLocal = 0;
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) return null;
    const flags = view.getUint16(at + 8, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const centralLength = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (flags & 0x8 || localOffset !== expectedLocal) return null;
    if (view.getUint32(localOffset, true) !== 0x04034b50) return null;
    const localHeaderLength =
      30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    names.push(utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    entries.push({ localOffset, localHeaderLength, compressedSize, centralOffset: at, centralLength });
    expectedLocal = localOffset + localHeaderLength + compressedSize;
    at += centralLength;
  }
  if (expectedLocal !== centralStart || at !== endStart) return null;
  return { entries, names, centralStart, endStart };
}

interface Prototype {
  bytes: Uint8Array;
  zip: ZipLayout;
  /** Entry index → its text, for the entries holding a placeholder. */
  withTokens: Map<number, string>;
  /** Every string cell value of the workbook that holds no placeholder. */
  otherStrings: Set<string>;
  rowHeight: number | undefined;
}

export interface TemplateMaker {
  /** The unit's template: patched from its group's prototype, or rendered in full. */
  make(unit: UnitRef): Promise<Uint8Array>;
  /** How many were patched and how many rendered (the tests check the fast path ran). */
  readonly counts: { patched: number; rendered: number };
}

/**
 * Templates of many units of one framework. `options.generatedAt` is required: the files of a
 * batch carry the batch's time (a file's only other difference from its group's prototype).
 */
export function templateMaker(
  framework: Framework,
  options: TemplateOptions & { generatedAt: string },
  compressor: PartCompressor = fflateCompressor,
): TemplateMaker {
  const prototypes = new Map<string, Promise<Prototype | null>>();
  const counts = { patched: 0, rendered: 0 };

  const render = async (unit: UnitRef) => {
    const bytes = await renderPlan(buildTemplatePlan(framework, unit, options));
    counts.rendered++;
    return bytes;
  };

  async function prototypeFor(
    group: string,
    groupName: string,
    withCode: boolean,
  ): Promise<Prototype | null> {
    const placeholder: UnitRef = { name: NAME_TOKEN, code: withCode ? CODE_TOKEN : '', group };
    const plan = buildTemplatePlan(framework, placeholder, options);
    const bytes = await renderPlan(plan);
    const zip = zipLayout(bytes);
    if (!zip) return null;
    const otherStrings = new Set<string>();
    for (const sheet of plan.sheets)
      for (const cell of sheet.cells)
        if (
          typeof cell.value === 'string' &&
          !cell.value.includes(NAME_TOKEN) &&
          !cell.value.includes(CODE_TOKEN)
        )
          otherStrings.add(cell.value);
    const withTokens = new Map<number, string>();
    zip.entries.forEach((e, i) => {
      if (zip.names[i].endsWith('/')) return;
      const start = e.localOffset + e.localHeaderLength;
      const method = new DataView(bytes.buffer, bytes.byteOffset).getUint16(e.localOffset + 8, true);
      const data = bytes.subarray(start, start + e.compressedSize);
      const text = utf8.decode(method === 8 ? inflateSync(data) : data);
      if (text.includes(NAME_TOKEN) || text.includes(CODE_TOKEN)) withTokens.set(i, text);
    });
    return { bytes, zip, withTokens, otherStrings, rowHeight: unitLineRowHeight(placeholder, groupName) };
  }

  function patch(p: Prototype, unit: UnitRef): Uint8Array {
    const changed = new Map<number, { data: Uint8Array; crc: number; size: number }>();
    for (const [i, text] of p.withTokens) {
      const raw = encoder.encode(text.split(NAME_TOKEN).join(unit.name).split(CODE_TOKEN).join(unit.code));
      changed.set(i, { data: compressor.deflateRaw(raw), crc: compressor.crc32(raw), size: raw.length });
    }
    const { entries, centralStart, endStart } = p.zip;
    let total = p.bytes.length;
    for (const [i, c] of changed) total += c.data.length - entries[i].compressedSize;
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    const offsets: number[] = [];
    let at = 0;
    entries.forEach((e, i) => {
      offsets.push(at);
      const c = changed.get(i);
      if (!c) {
        out.set(p.bytes.subarray(e.localOffset, e.localOffset + e.localHeaderLength + e.compressedSize), at);
        at += e.localHeaderLength + e.compressedSize;
        return;
      }
      out.set(p.bytes.subarray(e.localOffset, e.localOffset + e.localHeaderLength), at);
      view.setUint32(at + 14, c.crc, true);
      view.setUint32(at + 18, c.data.length, true);
      view.setUint32(at + 22, c.size, true);
      out.set(c.data, at + e.localHeaderLength);
      at += e.localHeaderLength + c.data.length;
    });
    const newCentralStart = at;
    entries.forEach((e, i) => {
      out.set(p.bytes.subarray(e.centralOffset, e.centralOffset + e.centralLength), at);
      const c = changed.get(i);
      if (c) {
        view.setUint32(at + 16, c.crc, true);
        view.setUint32(at + 20, c.data.length, true);
        view.setUint32(at + 24, c.size, true);
      }
      view.setUint32(at + 42, offsets[i], true);
      at += e.centralLength;
    });
    out.set(p.bytes.subarray(endStart), at);
    view.setUint32(at + 12, endStart - centralStart, true);
    view.setUint32(at + 16, newCentralStart, true);
    return out;
  }

  return {
    counts,
    async make(unit) {
      const group = framework.groups.find((g) => g.id === unit.group);
      // Anything unusual goes to the renderer, which also gives the input errors.
      if (!group || !plainText(unit.name) || (unit.code !== '' && !plainText(unit.code))) return render(unit);
      const key = `${group.id}\u0000${unit.code ? 'code' : ''}`;
      let pending = prototypes.get(key);
      if (!pending) prototypes.set(key, (pending = prototypeFor(group.id, group.name, unit.code !== '')));
      const p = await pending;
      const line = unitLine(unit, group.name);
      if (
        !p ||
        unit.name === unit.code ||
        p.otherStrings.has(unit.name) ||
        (unit.code !== '' && p.otherStrings.has(unit.code)) ||
        p.otherStrings.has(line) ||
        unitLineRowHeight(unit, group.name) !== p.rowHeight
      )
        return render(unit);
      counts.patched++;
      return patch(p, unit);
    },
  };
}
