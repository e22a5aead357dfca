/**
 * Configured credentials (`--credentials FILE`): a JSON list of
 * `{ "accessKeyId", "secretAccessKey", "accountId" }`. A key listed here has its signatures verified
 * in every auth mode and belongs to its account; in `--auth strict` only these keys are accepted.
 */
import { readFileSync } from "node:fs";

export interface Credential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly accountId: string;
}

export function validateCredentials(list: unknown, source = "credentials"): Credential[] {
  if (!Array.isArray(list)) throw new Error(`${source}: expected a JSON list of { accessKeyId, secretAccessKey, accountId }`);
  const seen = new Set<string>();
  return list.map((item: unknown, i) => {
    const c = item as Partial<Record<keyof Credential, unknown>>;
    if (typeof c?.accessKeyId !== "string" || c.accessKeyId === "" || /[/\s]/.test(c.accessKeyId)) {
      throw new Error(`${source}[${i}]: accessKeyId must be a non-empty string without '/' or spaces`);
    }
    if (typeof c.secretAccessKey !== "string" || c.secretAccessKey === "") throw new Error(`${source}[${i}]: secretAccessKey must be a non-empty string`);
    if (typeof c.accountId !== "string" || !/^\d{12}$/.test(c.accountId)) throw new Error(`${source}[${i}]: accountId must be 12 digits`);
    if (seen.has(c.accessKeyId)) throw new Error(`${source}[${i}]: duplicate accessKeyId ${c.accessKeyId}`);
    seen.add(c.accessKeyId);
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, accountId: c.accountId };
  });
}

export function loadCredentialsFile(path: string): Credential[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`cannot read credentials file ${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    // V8's message may quote the text around the mistake — in this file, possibly a secret key.
    const position = /at position (\d+)/.exec((err as Error).message)?.[1];
    throw new Error(`credentials file ${path} is not valid JSON${position === undefined ? "" : ` (at character ${position})`}`);
  }
  return validateCredentials(parsed, path);
}
