/**
 * Writing to a protected sheet: current Excel builds throw when protect() is called on a sheet that
 * is already protected, so the state is loaded first (in the operation's read sync) and the sheet is
 * unprotected and re-protected with the same options only when it was protected. A password set by
 * the user makes unprotect() fail; that surfaces as a Vietnamese "protected" message.
 */
export interface ProtectionState {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
}

/** Queues the load; read `.protected` / `.options` after the sync. */
export function loadProtection(sheet: Excel.Worksheet): Excel.WorksheetProtection {
  return sheet.protection.load('protected, options');
}

/** Queues unprotect → work → protect (same options) when the sheet was protected; no sync here. */
export function whileUnprotected(sheet: Excel.Worksheet, state: ProtectionState, work: () => void): void {
  if (state.protected) sheet.protection.unprotect();
  work();
  if (state.protected) sheet.protection.protect(state.options);
}
