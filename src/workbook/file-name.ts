/**
 * File names for per-unit templates that every office machine can hold: Windows forbids
 * < > : " / \ | ? * and control characters, trailing dots and spaces, and device names (CON, NUL,
 * COM1…); Vietnamese letters are kept (NFC, so the same name never appears twice in two forms).
 */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Windows allows 255 UTF-16 units per component; keep room for " (12)" and the extension. */
const MAX_STEM = 120;

export function safeFileStem(text: string): string {
  let s = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > MAX_STEM) s = s.slice(0, MAX_STEM).trim();
  s = s.replace(/[. ]+$/, '');
  if (!s) s = 'don-vi';
  if (RESERVED.test(s.split('.')[0])) s = `_${s}`;
  return s;
}

/** "STP - Sở Tư pháp.xlsx", made unique against `taken` (case-insensitive, as on Windows). */
export function unitFileName(
  unit: { code: string; name: string },
  taken: Set<string>,
  ext = '.xlsx',
): string {
  const stem = safeFileStem(unit.code ? `${unit.code} - ${unit.name}` : unit.name);
  let name = `${stem}${ext}`;
  for (let i = 2; taken.has(name.toLocaleLowerCase('vi')); i++) name = `${stem} (${i})${ext}`;
  taken.add(name.toLocaleLowerCase('vi'));
  return name;
}
