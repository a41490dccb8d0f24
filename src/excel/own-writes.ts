/**
 * The adapter's own writes, remembered so the onChanged watcher can ignore their echo on hosts
 * without event origin (before ExcelApi 1.14). Each write is noted by sheet and address before its
 * sync; the first matching event consumes it. Entries expire so a write whose event never comes
 * cannot swallow a later edit of the same cells by the user.
 */
const TTL_MS = 5000;

interface Entry {
  sheetId: string;
  address: string;
  at: number;
}

const entries: Entry[] = [];

function normal(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang < 0 ? address : address.slice(bang + 1)).replace(/\$/g, '').toUpperCase();
}

export function noteOwnWrite(sheetId: string, address: string, now = Date.now()): void {
  entries.push({ sheetId, address: normal(address), at: now });
}

/** True (and forgotten) when the event is the echo of a noted write. */
export function consumeOwnWrite(sheetId: string, address: string, now = Date.now()): boolean {
  for (let i = entries.length - 1; i >= 0; i--) if (now - entries[i]!.at > TTL_MS) entries.splice(i, 1);
  const a = normal(address);
  const i = entries.findIndex((e) => e.sheetId === sheetId && e.address === a);
  if (i < 0) return false;
  entries.splice(i, 1);
  return true;
}

export function forgetOwnWrites(): void {
  entries.length = 0;
}
