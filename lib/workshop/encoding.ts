/**
 * Byte and text helpers shared by the workshop codecs: strict base64url (RFC 4648 §5, no padding),
 * strict UTF-8, and a short checksum. Pure: no DOM, no Node APIs (TextEncoder/TextDecoder exist in
 * browsers and Node alike).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Null for anything that is not canonical base64url (wrong characters, impossible length, stray bits). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? INDEX.get(chunk[k]) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    const count = chunk.length - 1;
    for (let k = 0; k < count; k++) bytes[o++] = (n >> (16 - 8 * k)) & 255;
    // Bits below the last full byte must be zero, or two texts would decode to the same bytes.
    if (count < 3 && (n & ((1 << (8 * (3 - count))) - 1)) !== 0) return null;
  }
  return bytes;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Null for malformed UTF-8 rather than a string with replacement characters. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * FNV-1a 32-bit over the UTF-8 bytes, in base 36 (≤ 7 characters). Not a signature: it catches a
 * link cut short or mistyped by hand (FNV: Fowler, Noll, Vo; IETF draft-eastlake-fnv).
 */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (const b of utf8(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** JSON with object keys sorted, so the same value always encodes to the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export type DecodeError = { kind: 'format' | 'version' | 'checksum' | 'invalid'; message: string };
export type Decoded<T> = { ok: true; value: T } | { ok: false; error: DecodeError };

/** True if the text holds a C0 control character or DEL (names and rooms are shown as plain text). */
export function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
