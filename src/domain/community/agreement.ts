/**
 * The community agreement every member accepts at sign-up. Its text lives in
 * the repository (content/agreement.md) so the organization can edit it; its
 * version is derived from the text, so members' acceptances record which one.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export interface Agreement {
  version: string;
  text: string;
}

const agreementFile = new URL("../../../content/agreement.md", import.meta.url);

export function loadAgreement(file: URL | string = agreementFile): Agreement {
  const text = readFileSync(file, "utf8");
  const version = createHash("sha256").update(text).digest("hex").slice(0, 12);
  return { version, text };
}
