import { createHmac } from "node:crypto";

// An authenticator app in a few lines (RFC 4226 / RFC 6238: HMAC-SHA1, 6 digits, 30 s steps).

export const STEP_MS = 30_000;

function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text.replace(/[\s=]/g, "").toUpperCase()) {
    const value = alphabet.indexOf(ch);
    if (value < 0) throw new Error(`not base32: ${ch}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The time step of an instant (epoch ms). */
export function stepOf(ms: number): number {
  return Math.floor(ms / STEP_MS);
}

/** The code of `secret` (base32) for time step `step`. */
export function totpAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = mac.readUInt8(mac.length - 1) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, "0");
}

/** The code of the current step, with the step it names. */
export function codeNow(secret: string): { code: string; step: number } {
  const step = stepOf(Date.now());
  return { code: totpAt(secret, step), step };
}

/**
 * A code whose step is newer than `usedStep`: the server accepts each step once per user, so a
 * sign-in right after another one may have to wait for the next step (at most 30 s).
 */
export async function freshCode(secret: string, usedStep: number): Promise<{ code: string; step: number }> {
  for (;;) {
    const step = stepOf(Date.now());
    if (step > usedStep) return { code: totpAt(secret, step), step };
    // A little past the start of the next step.
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * STEP_MS - Date.now() + 100));
  }
}

/** Six digits that are not the code of any step the server could accept around now. */
export function wrongCode(secret: string): string {
  const now = stepOf(Date.now());
  const valid = new Set([now - 1, now, now + 1, now + 2].map((s) => totpAt(secret, s)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}
