/**
 * The authentication code of an issued workbook: HMAC-SHA-256, with a key that never leaves the
 * campaign, over (campaign, unit, stage, round, framework fingerprint, source file hash). A file
 * whose `_meta` was edited, or copied from another unit's or another stage's workbook, no longer
 * carries a code the campaign would have made. The HMAC itself is a parameter (WebCrypto
 * `crypto.subtle` in the browser, either it or node:crypto in Node), so this layer stays pure.
 */

/** HMAC-SHA-256 of `message` under `key`. */
export type HmacSha256 = (key: Uint8Array, message: Uint8Array) => Promise<Uint8Array>;

export interface AuthFields {
  campaign: string;
  unit: string;
  stage: string;
  round: number;
  frameworkFingerprint: string;
  /** SHA-256 (hex) of the accepted file the workbook was made from; "" for a blank template. */
  sourceSha256: string;
}

/**
 * One unambiguous byte string per tuple: each field length-prefixed, so no two tuples give the same
 * message ("a|b" + "c" never equals "a" + "b|c").
 */
export function authMessage(f: AuthFields): Uint8Array {
  const parts = [
    'cchc-auth-v1',
    f.campaign,
    f.unit,
    f.stage,
    String(f.round),
    f.frameworkFingerprint,
    f.sourceSha256,
  ];
  return new TextEncoder().encode(parts.map((p) => `${p.length}:${p}`).join('\n'));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export async function authCode(hmac: HmacSha256, key: Uint8Array, fields: AuthFields): Promise<string> {
  return toHex(await hmac(key, authMessage(fields)));
}

/** Constant-time comparison of two hex codes (no early exit on the first differing byte). */
export function sameCode(a: string, b: string): boolean {
  const x = fromHex(a);
  const y = fromHex(b);
  if (!x || !y || x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

export async function verifyAuthCode(
  hmac: HmacSha256,
  key: Uint8Array,
  fields: AuthFields,
  code: string,
): Promise<boolean> {
  return sameCode(await authCode(hmac, key, fields), code);
}

/** HMAC-SHA-256 with WebCrypto (`crypto.subtle`), present in browsers and in Node 20. */
export function webCryptoHmac(subtle: SubtleCrypto): HmacSha256 {
  return async (key, message) => {
    const k = await subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    return new Uint8Array(await subtle.sign('HMAC', k, message as BufferSource));
  };
}
