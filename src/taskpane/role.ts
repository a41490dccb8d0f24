/**
 * Who uses the pane on this machine (chosen on the first screen, remembered in localStorage): unit
 * staff fill and check their own workbook; the Sở Nội vụ makes templates, loads the survey,
 * consolidates and ranks. Only decides which tabs are shown; nothing is forbidden by it.
 */
import type { Role } from './panels/registry';

const KEY = 'cchc.role.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some Office webviews refuse storage access: the choice then lasts the session.
    return null;
  }
}

let sessionRole: Role | null = null;

export function readRole(): Role | null {
  const value = storage()?.getItem(KEY) ?? sessionRole;
  return value === 'unit' || value === 'admin' ? value : null;
}

export function saveRole(role: Role): void {
  sessionRole = role;
  try {
    storage()?.setItem(KEY, role);
  } catch {
    // Storage full or refused: the session value above still holds.
  }
}
