/**
 * Builders for the auth unit tests: a `SignedRequest` from the pieces of a raw HTTP request (header
 * name/value pairs exactly as they would sit in Node's `rawHeaders`), an `Authenticator` with the
 * documentation key configured, and an assertion on the AWS error it throws.
 */
import assert from "node:assert/strict";
import { Authenticator, type AuthMode, type SignedRequest } from "../../src/auth/authenticate.js";
import { AwsError } from "../../src/domain/errors.js";
import { AKID, SECRET } from "../wire/signing.js";

export interface RequestParts {
  readonly method?: string;
  readonly path?: string;
  /** Raw query string without `?`. */
  readonly query?: string;
  /** `[name, value]` pairs in wire order; repeated names stay repeated. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string | Buffer;
}

export function signedRequest(parts: RequestParts): SignedRequest {
  const rawHeaders = parts.headers.flatMap(([k, v]) => [k, v]);
  const rawQuery = parts.query ?? "";
  return {
    method: parts.method ?? "POST",
    rawPath: parts.path ?? "/",
    rawQuery,
    rawHeaders,
    header: (name) => parts.headers.find(([k]) => k.toLowerCase() === name)?.[1],
    query: new Map(new URLSearchParams(rawQuery)),
    body: parts.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(parts.body) ? parts.body : Buffer.from(parts.body, "utf8"),
  };
}

export const KEY_ACCOUNT = "123456789012";
export const DEFAULT_ACCOUNT = "000000000000";

/** An authenticator that knows the documentation key (AKIDEXAMPLE → account 123456789012). */
export function authenticator(mode: AuthMode, withKey = true): Authenticator {
  const credentials = new Map(withKey ? [[AKID, { accessKeyId: AKID, secretAccessKey: SECRET, accountId: KEY_ACCOUNT }]] : []);
  return new Authenticator({ mode, credentials, defaultAccount: DEFAULT_ACCOUNT });
}

/** Runs `fn`, which must throw the AWS error `code` with HTTP `status`; returns it. */
export function expectAuthError(fn: () => unknown, code: string, status: number): AwsError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== undefined, `expected ${code} but nothing was thrown`);
  assert.ok(thrown instanceof AwsError, `expected an AwsError, got ${thrown instanceof Error ? thrown.stack : JSON.stringify(thrown)}`);
  assert.equal(thrown.code, code, `expected ${code}, got ${thrown.code}: ${thrown.message}`);
  assert.equal(thrown.status, status, `HTTP status of ${code}`);
  return thrown;
}

/** Replaces the header `name` (case-insensitive) in a header list. */
export function withHeader(headers: RequestParts["headers"], name: string, value: string): [string, string][] {
  return headers.map(([k, v]) => (k.toLowerCase() === name.toLowerCase() ? [k, value] : [k, v]));
}

/** Flips the last hex digit of the Signature in an Authorization header. */
export function tamperSignature(authorization: string): string {
  return authorization.replace(/([0-9a-f])$/, (c) => (c === "0" ? "1" : "0"));
}
