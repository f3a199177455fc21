import { readFileSync } from "node:fs";

/**
 * The e2e server's mail: playwright.config.ts points its outbox at target/e2e/outbox, one JSON
 * line per message in outbox.jsonl.
 */
export const OUTBOX = new URL("../../target/e2e/outbox/outbox.jsonl", import.meta.url);

export interface Mail {
  to: string;
  templateType: string;
  createdAt: number;
  text: string;
  payload: { code?: string; link?: string };
}

function mails(): Mail[] {
  try {
    return readFileSync(OUTBOX, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Mail);
  } catch {
    // Nothing written yet.
    return [];
  }
}

/** The newest mail to `to` of `template` written at or after `since` (epoch ms), waiting for it. */
export async function newestMail(to: string, template: string, since: number): Promise<Mail> {
  for (let i = 0; i < 100; i++) {
    const mail = mails()
      .reverse()
      .find((m) => m.to === to && m.templateType === template && m.createdAt >= since);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${template} mail to ${to} in ${OUTBOX}`);
}

/** How many mails went to `to`. */
export function mailsTo(to: string): number {
  return mails().filter((m) => m.to === to).length;
}
