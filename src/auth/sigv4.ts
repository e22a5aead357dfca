/**
 * AWS Signature Version 4, the server side: canonical request, string to sign, signing key and
 * signature, with node:crypto only
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html,
 * docs/wire-protocol.md). Pure functions;
 * the policy (who must sign, which errors in which order) is in authenticate.ts.
 */
import { createHash, createHmac } from "node:crypto";

export const ALGORITHM = "AWS4-HMAC-SHA256";
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ unescaped, upper-case hex. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Canonical URI for non-S3 services: normalise `.`, `..` and empty segments, then URI-encode the
 * path *as received* (so `%20` becomes `%2520`), keeping `/`.
 */
export function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const seg of rawPath.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(seg);
  }
  const normalised = `${rawPath.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && rawPath.endsWith("/") ? "/" : ""}`;
  return uriEncode(normalised).replace(/%2F/g, "/");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** Canonical query string: decode each pair, re-encode RFC 3986, sort by key then value; `exclude` drops keys. */
export function canonicalQuery(rawQuery: string, exclude?: string): string {
  if (rawQuery === "") return "";
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = safeDecode(eq === -1 ? part : part.slice(0, eq));
    if (key === exclude) continue;
    const value = eq === -1 ? "" : safeDecode(part.slice(eq + 1));
    pairs.push([uriEncode(key), uriEncode(value)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

/**
 * Canonical headers from Node's `rawHeaders` (name/value pairs as received): every occurrence of a
 * signed header, trimmed, inner whitespace folded, joined with `,`.
 */
export function canonicalHeaders(rawHeaders: readonly string[], signedHeaders: readonly string[]): string {
  const values = new Map<string, string[]>();
  for (const name of signedHeaders) values.set(name, []);
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const list = values.get(rawHeaders[i]!.toLowerCase());
    if (list) list.push(rawHeaders[i + 1]!.trim().replace(/\s+/g, " "));
  }
  let out = "";
  for (const name of signedHeaders) out += `${name}:${values.get(name)!.join(",")}\n`;
  return out;
}

export interface CanonicalRequestParts {
  readonly method: string;
  readonly rawPath: string;
  readonly canonicalQuery: string;
  readonly rawHeaders: readonly string[];
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

export function canonicalRequest(p: CanonicalRequestParts): string {
  return [
    p.method,
    canonicalUri(p.rawPath),
    p.canonicalQuery,
    canonicalHeaders(p.rawHeaders, p.signedHeaders),
    p.signedHeaders.join(";"),
    p.payloadHash,
  ].join("\n");
}

export function stringToSign(amzDate: string, scope: string, canonicalRequestText: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequestText)}`;
}

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request").
 * Cached per (secret, date, region, service): the key changes once a day per client.
 */
export class SigningKeyCache {
  readonly #keys = new Map<string, Buffer>();
  readonly #limit: number;

  constructor(limit = 1000) {
    this.#limit = limit;
  }

  get(secret: string, date: string, region: string, service: string): Buffer {
    const id = `${date}/${region}/${service}/${secret}`;
    let key = this.#keys.get(id);
    if (!key) {
      key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
      if (this.#keys.size >= this.#limit) this.#keys.clear();
      this.#keys.set(id, key);
    }
    return key;
  }
}

export function signatureHex(signingKey: Buffer, toSign: string): string {
  return createHmac("sha256", signingKey).update(toSign, "utf8").digest("hex");
}

/** `20240501T123456Z` → epoch ms, or NaN when malformed or not a real time (month 13, 25:00, 31 April). */
export function parseAmzDate(text: string): number {
  // Every request of a second carries the same date: the last one parsed is kept.
  if (text === lastAmzDate.text) return lastAmzDate.ms;
  const ms = parseAmzDateUncached(text);
  lastAmzDate = { text, ms };
  return ms;
}

let lastAmzDate = { text: "", ms: Number.NaN };

function parseAmzDateUncached(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  // Date.UTC rolls 20241399 over into 2025; only a date that formats back to itself is real.
  return formatAmzDate(ms) === text ? ms : Number.NaN;
}

/** epoch ms → `20240501T123456Z`. */
export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
