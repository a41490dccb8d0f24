/**
 * The direct OOXML reader met something it does not read exactly as exceljs does: the caller
 * uses exceljs instead (after the bounds pre-scan). Never shown to users.
 */
export class OoxmlUnsupported extends Error {
  constructor(why: string) {
    super(`ooxml-grid: ${why}`);
    this.name = 'OoxmlUnsupported';
  }
}
