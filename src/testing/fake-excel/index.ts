/**
 * A faithful in-memory Excel for tests and the browser harness (no node:* imports).
 * `createFakeExcel()` gives `Excel` and `Office` stand-ins over one workbook model.
 */
export { createFakeExcel } from './host';
export type { CreatedWorkbook, FakeExcel, FakeExcelOptions, FakeStats } from './host';
export { FakeOfficeError } from './errors';
export type { FakeErrorCode } from './errors';
export { loadXlsxInto, readXlsx } from './load-xlsx';
export { WorkbookModel, SheetModel } from './model';
export type { CellModel, ChartModel, ProtectionOptions } from './model';
export { formatAddress, formatLocal, parseLocal, quoteSheetName, splitSheet, cellName } from './address';
export type { CellRect } from './address';
