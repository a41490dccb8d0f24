/**
 * Excel fidelity of a written workbook, read from its XML (issue 12 item 5): every sheet's print
 * area is fully absolute ('Sheet'!$A$1:$G$31, as Excel writes it), and a sheet has an autofilter
 * only with the hidden `_xlnm._FilterDatabase` name Excel keeps for it (localSheetId, absolute
 * range equal to the filter's); without that name Excel has crashed on sorting (exceljs#400, #2289).
 */
import { strFromU8, unzipSync } from 'fflate';

export interface SheetPrintNames {
  sheet: string;
  printArea: string | null;
  autoFilter: string | null;
  filterDatabase: { ref: string; hidden: boolean } | null;
}

const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export function printNames(bytes: Uint8Array): SheetPrintNames[] {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const sheets = [...workbook.matchAll(/<sheet ([^>]*)\/>/g)].map((m) => ({
    name: unescape(/name="([^"]*)"/.exec(m[1])?.[1] ?? ''),
    rid: /r:id="([^"]*)"/.exec(m[1])?.[1] ?? '',
  }));
  const names = [...workbook.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
    name: /name="([^"]*)"/.exec(m[1])?.[1],
    local: /localSheetId="(\d+)"/.exec(m[1])?.[1],
    hidden: /hidden="(1|true)"/.test(m[1]),
    text: unescape(m[2]),
  }));
  return sheets.map((s, i) => {
    const target = new RegExp(`Id="${s.rid}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${s.rid}"`).exec(
      rels,
    );
    const path = `xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`;
    const xml = strFromU8(files[path]);
    const local = (n: string) => names.find((d) => d.name === n && d.local === String(i));
    const fdb = local('_xlnm._FilterDatabase');
    return {
      sheet: s.name,
      printArea: local('_xlnm.Print_Area')?.text ?? null,
      autoFilter: /<autoFilter ref="([^"]*)"/.exec(xml)?.[1] ?? null,
      filterDatabase: fdb ? { ref: fdb.text, hidden: fdb.hidden } : null,
    };
  });
}

/** The Excel-fidelity rules above, as failures (empty when the workbook keeps them). */
export function printNameProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const absolute = /^'[^']+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/;
  for (const s of printNames(bytes)) {
    if (!s.printArea || !absolute.test(s.printArea)) problems.push(`${s.sheet}: print area ${s.printArea}`);
    if (s.autoFilter) {
      const want = `'${s.sheet}'!${s.autoFilter.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      if (!s.filterDatabase || !s.filterDatabase.hidden || s.filterDatabase.ref !== want)
        problems.push(`${s.sheet}: autofilter ${s.autoFilter} without _xlnm._FilterDatabase ${want}`);
    }
  }
  return problems;
}
