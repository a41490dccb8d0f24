/**
 * A fast reader of the two sheets a returned template needs (`_meta`, `Chấm điểm`), straight from
 * the .xlsx zip with a small XML tokenizer (no DOM, so it runs in Node and the browser). The parts
 * live in ./ooxml/: the tokenizer (xml-scan), entity decoding (xml-entities), A1 addresses
 * (cell-address), shared formulas (shared-formula), shared strings, styles, the sheet reader and
 * the workbook opener.
 *
 * Why: exceljs parses every part of a workbook (styles, data validations, conditional formats,
 * drawings…) and builds a full object model; consolidating 1,000 files spent most of its time
 * there. This reader touches only workbook.xml, its relationships, sharedStrings.xml, styles.xml
 * (number formats only: exceljs turns date-formatted numbers into dates) and the wanted sheets.
 *
 * Contract: the grid it returns is EXACTLY what `gridOfWorksheet` (read-template.ts) returns for
 * the same sheet after exceljs 4.4 loads the file — same values, formulas, dimensions (the
 * rectangle of the cells holding a value) — including exceljs' quirks (a formula's cached 0 is
 * dropped, a `t="str"` value is entity-decoded twice, a number in a date format becomes
 * "dd/mm/yyyy" text, merged cells keep only the master's value). Anything it does not read the
 * same way for certain throws `OoxmlUnsupported`, and the caller falls back to exceljs: it never
 * silently differs. A file beyond the read limits (read-limits.ts) throws `ReadLimitExceeded`,
 * and is refused, not handed to exceljs.
 *
 * Deliberate differences, both only on files exceljs cannot load at all: rows or cells without an
 * `r` attribute (allowed by the standard, written by some generators) are placed by order here,
 * where exceljs throws (on a row without `r`, on a first cell without `r`); and parts this reader
 * never opens (drawings, comments, theme…) are not parsed, so a broken one does not stop it.
 * A sheet or the shared strings cut short inside a sound zip (the XML stops before its root
 * element closes) throws `PartCutShort` and is refused by name, where exceljs fails with an
 * internal error.
 */
export { OoxmlUnsupported } from './ooxml/unsupported';
export { PartCutShort } from './ooxml/part-end';
export { scanXml, xmlAttributes, type XmlHandler } from './ooxml/xml-scan';
export { decodeXml } from './ooxml/xml-entities';
export { parseSharedStrings } from './ooxml/shared-strings';
export { parseDateStyles } from './ooxml/styles';
export { parseSheetGrid, type SheetParseContext } from './ooxml/sheet-reader';
export { openOoxmlWorkbook, type OoxmlSheet, type OoxmlWorkbook } from './ooxml/workbook';
