/**
 * FNV-1a's basis and prime: the hash of the keys of readings remembered by their bytes (each
 * reader hashes a text's bytes in the loop that looks for its end, "h = Math.imul(h ^ byte,
 * FNV_PRIME)") and of the texts the title cache has seen once.
 */
export const FNV_BASIS = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over a text's UTF-16 units. */
export function fnv1aUtf16(text: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}
