/**
 * Who is calling, and may they? docs/differences-from-aws.md (Accounts, regions and credentials) and
 * docs/wire-protocol.md (Signature Version 4;
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html).
 *
 * - No auth at all: `--auth strict` → 403 MissingAuthenticationToken; open → the default account in
 *   us-east-1, routed later by `Version`.
 * - Header (`Authorization: AWS4-HMAC-SHA256 …`) or presigned query (`X-Amz-Algorithm=…`) auth must
 *   be well-formed in every mode (400 IncompleteSignature otherwise).
 * - The key: configured in `--credentials` → its account, and its signature is verified; otherwise
 *   strict → 403 InvalidClientTokenId, open → the key itself when it is 12 digits, else the default
 *   account, unverified (there is no secret to verify against).
 * - The credential scope's region must be an AWS region name (403 SignatureDoesNotMatch), in every mode.
 * - Verification: the 15-minute window (400 RequestExpired; presigned: X-Amz-Expires), the body hash
 *   against `x-amz-content-sha256` (the signature always covers the received body's hash), then the signature, compared in constant time (403 SignatureDoesNotMatch).
 * Session tokens are accepted as sent (an emulator issues none).
 */
import { timingSafeEqual } from "node:crypto";
import {
  IncompleteSignature,
  InvalidClientTokenId,
  MissingAuthenticationToken,
  RequestExpired,
  SignatureDoesNotMatch,
} from "../domain/errors.js";
import type { Credential } from "./credentials.js";
import {
  ALGORITHM,
  SigningKeyCache,
  canonicalQuery,
  canonicalRequest,
  formatAmzDate,
  parseAmzDate,
  sha256Hex,
  signatureHex,
  stringToSign,
} from "./sigv4.js";

export type AuthMode = "open" | "strict";

/**
 * AWS region names: lower-case `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`,
 * `us-isob-east-1`, `mx-central-1`, … (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html).
 */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const DEFAULT_REGION = "us-east-1";
const WINDOW_MS = 15 * 60 * 1000;
const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

export interface AuthConfig {
  readonly mode: AuthMode;
  readonly credentials: ReadonlyMap<string, Credential>;
  readonly defaultAccount: string;
}

/** The parts of an HTTP request that authentication reads, exactly as received. */
export interface SignedRequest {
  readonly method: string;
  readonly rawPath: string;
  /** The raw query string, without `?`. */
  readonly rawQuery: string;
  readonly rawHeaders: readonly string[];
  /** First value of a header, by lower-case name. */
  header(name: string): string | undefined;
  /** Query parameters (decoded). */
  readonly query: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

export interface Identity {
  readonly account: string;
  readonly region: string;
  /** Service from the credential scope; undefined for an unsigned request. */
  readonly signingName: string | undefined;
  readonly accessKeyId: string | undefined;
}

interface Claim {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly amzDate: string;
  readonly presigned: boolean;
  readonly expiresSeconds: number | undefined;
}

export class Authenticator {
  readonly #config: AuthConfig;
  readonly #keys = new SigningKeyCache();

  constructor(config: AuthConfig) {
    this.#config = config;
  }

  get mode(): AuthMode {
    return this.#config.mode;
  }

  authenticate(req: SignedRequest, now: number): Identity {
    const claim = parseClaim(req);
    if (!claim) {
      if (this.#config.mode === "strict") {
        throw new MissingAuthenticationToken("Request is missing Authentication Token");
      }
      return { account: this.#config.defaultAccount, region: DEFAULT_REGION, signingName: undefined, accessKeyId: undefined };
    }
    const credential = this.#config.credentials.get(claim.accessKeyId);
    if (!credential) {
      if (this.#config.mode === "strict") throw new InvalidClientTokenId("The security token included in the request is invalid.");
      const account = /^\d{12}$/.test(claim.accessKeyId) ? claim.accessKeyId : this.#config.defaultAccount;
      return { account, region: claim.region, signingName: claim.service, accessKeyId: claim.accessKeyId };
    }
    this.#verify(req, claim, credential, now);
    return { account: credential.accountId, region: claim.region, signingName: claim.service, accessKeyId: claim.accessKeyId };
  }

  #verify(req: SignedRequest, claim: Claim, credential: Credential, now: number): void {
    const signedAt = parseAmzDate(claim.amzDate);
    if (claim.presigned) {
      const expires = claim.expiresSeconds ?? 0;
      if (now > signedAt + expires * 1000) {
        throw new RequestExpired(`Request has expired. X-Amz-Date ${claim.amzDate}, X-Amz-Expires ${expires}, now ${formatAmzDate(now)}.`);
      }
      if (signedAt - now > WINDOW_MS) throw new RequestExpired(`Request is not yet valid: X-Amz-Date ${claim.amzDate} is in the future (now ${formatAmzDate(now)}).`);
    } else if (Math.abs(now - signedAt) > WINDOW_MS) {
      throw new RequestExpired(
        `Request has expired: signed at ${claim.amzDate}, which is more than 15 minutes from the server time ${formatAmzDate(now)}.`,
      );
    }
    // For Redshift, EC2 and STS (unlike S3) the signature always covers the SHA-256 of the body
    // actually received: `UNSIGNED-PAYLOAD` is not honoured, or a request signed that way would
    // stay valid with its body swapped for another operation. A declared hash must match the body.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (HashedPayload)
    const bodyHash = sha256Hex(req.body);
    let payloadHash = bodyHash;
    const declared = claim.presigned ? undefined : req.header("x-amz-content-sha256");
    if (declared !== undefined && declared !== "UNSIGNED-PAYLOAD") {
      if (declared.toLowerCase() !== bodyHash) throw new SignatureDoesNotMatch("The provided x-amz-content-sha256 header does not match the request body.");
      payloadHash = declared;
    }
    const canonical = canonicalRequest({
      method: req.method,
      rawPath: req.rawPath,
      canonicalQuery: canonicalQuery(req.rawQuery, claim.presigned ? "X-Amz-Signature" : undefined),
      rawHeaders: req.rawHeaders,
      signedHeaders: claim.signedHeaders,
      payloadHash,
    });
    const scope = `${claim.date}/${claim.region}/${claim.service}/aws4_request`;
    const key = this.#keys.get(credential.secretAccessKey, claim.date, claim.region, claim.service);
    const expected = Buffer.from(signatureHex(key, stringToSign(claim.amzDate, scope, canonical)), "utf8");
    const given = Buffer.from(claim.signature.toLowerCase(), "utf8");
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new SignatureDoesNotMatch(SIGNATURE_MISMATCH);
  }
}

/** Reads the credential claim of a request; undefined when the request carries no auth at all. */
export function parseClaim(req: SignedRequest): Claim | undefined {
  const authorization = req.header("authorization");
  if (authorization !== undefined) return parseHeaderClaim(authorization, req);
  if (req.query.has("X-Amz-Algorithm") || req.query.has("X-Amz-Credential") || req.query.has("X-Amz-Signature")) {
    return parseQueryClaim(req);
  }
  return undefined;
}

/** What an Authorization header says before its signature, once that part has been read whole. */
interface HeaderScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
}

/**
 * A client signs request after request with the same key, scope and signed headers: only the
 * signature and X-Amz-Date change. So what the header says before `, Signature=` is kept once a
 * header with it was read whole and found well-formed, and a later header with the same text is
 * checked only for what can differ: its date and its signature (the same checks, in the same
 * order, as a header read whole). Anything else — another layout, a signature that is not 64
 * hexadecimal characters — is read whole, so every error is the one it always was. Bounded: one
 * entry per access key, day, region, service and list of signed headers, a few hundred bytes each;
 * a team's shared instance serves requests from thousands of accounts (the bench's creates come
 * from 2,000), so 4,096 (~2 MB at most) before the map starts again.
 */
const HEADER_SCOPES = new Map<string, HeaderScope>();
const MAX_HEADER_SCOPES = 4096;
const SIGNATURE_FIELD = ", Signature=";
const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;

function parseHeaderClaim(authorization: string, req: SignedRequest): Claim {
  const at = authorization.lastIndexOf(SIGNATURE_FIELD);
  const before = at === -1 ? undefined : authorization.slice(0, at);
  const signature = at === -1 ? undefined : authorization.slice(at + SIGNATURE_FIELD.length);
  const amzDate = req.header("x-amz-date");
  const known = before === undefined ? undefined : HEADER_SCOPES.get(before);
  if (known !== undefined && amzDate !== undefined && HEX_SIGNATURE.test(signature!)) {
    checkRequestDate(amzDate, known.date);
    const { accessKeyId, date, region, service, signedHeaders } = known;
    return { accessKeyId, date, region, service, signedHeaders, signature: signature!, amzDate, presigned: false, expiresSeconds: undefined };
  }
  const claim = parseWholeHeader(authorization, req);
  if (before !== undefined && signature === claim.signature && amzDate !== undefined) {
    if (HEADER_SCOPES.size >= MAX_HEADER_SCOPES) HEADER_SCOPES.clear();
    const { accessKeyId, date, region, service, signedHeaders } = claim;
    HEADER_SCOPES.set(before, { accessKeyId, date, region, service, signedHeaders: Object.freeze(signedHeaders) });
  }
  return claim;
}

/** X-Amz-Date (or the Date header, in the same format) is well-formed and on the credential scope's day. */
function checkRequestDate(amzDate: string, scopeDate: string): void {
  if (Number.isNaN(parseAmzDate(amzDate))) throw new IncompleteSignature(`X-Amz-Date must be in the ISO8601 basic format YYYYMMDD'T'HHMMSS'Z': '${amzDate}'.`);
  if (amzDate.slice(0, 8) !== scopeDate) {
    throw new IncompleteSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}'.`);
  }
}

function parseWholeHeader(authorization: string, req: SignedRequest): Claim {
  const space = authorization.indexOf(" ");
  const algorithm = space === -1 ? authorization : authorization.slice(0, space);
  if (algorithm !== ALGORITHM) {
    // Echo only the leading word: a header without spaces would otherwise be quoted whole, signature
    // included, into the answer and the request's log line.
    const shown = (/^[A-Za-z0-9_-]{0,40}/.exec(algorithm)?.[0] ?? "") + (/^[A-Za-z0-9_-]{0,40}$/.test(algorithm) ? "" : "…");
    throw new IncompleteSignature(`Unsupported Authorization Type: '${shown}'. Only ${ALGORITHM} is supported.`);
  }
  const fields = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq !== -1) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  const missing = [
    credential ? undefined : "Credential",
    signedHeaders ? undefined : "SignedHeaders",
    signature ? undefined : "Signature",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new IncompleteSignature(
      `Authorization header requires ${missing.map((m) => `'${m}'`).join(", ")} parameter${missing.length > 1 ? "s" : ""}. Authorization=${ALGORITHM} …`,
    );
  }
  const amzDate = req.header("x-amz-date") ?? req.header("date");
  if (amzDate === undefined) throw new IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  const normalisedDate = req.header("x-amz-date") !== undefined ? amzDate : formatHttpDate(amzDate);
  return buildClaim(credential!, signedHeaders!, signature!, normalisedDate, false, undefined);
}

function parseQueryClaim(req: SignedRequest): Claim {
  const q = req.query;
  const algorithm = q.get("X-Amz-Algorithm");
  if (algorithm !== ALGORITHM) throw new IncompleteSignature(`X-Amz-Algorithm must be ${ALGORITHM}.`);
  const names = ["X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Expires"];
  const missing = names.filter((n) => !q.get(n));
  if (missing.length > 0) throw new IncompleteSignature(`AWS query-string parameters must include ${missing.map((m) => `'${m}'`).join(", ")}.`);
  const expires = q.get("X-Amz-Expires")!;
  if (!/^\d{1,6}$/.test(expires) || Number(expires) < 1 || Number(expires) > 604800) {
    throw new IncompleteSignature("X-Amz-Expires must be a number of seconds from 1 to 604800.");
  }
  return buildClaim(q.get("X-Amz-Credential")!, q.get("X-Amz-SignedHeaders")!, q.get("X-Amz-Signature")!, q.get("X-Amz-Date")!, true, Number(expires));
}

function buildClaim(
  credential: string,
  signedHeadersText: string,
  signature: string,
  amzDate: string,
  presigned: boolean,
  expiresSeconds: number | undefined,
): Claim {
  const parts = credential.split("/");
  if (parts.length !== 5 || parts.some((p) => p === "") || parts[4] !== "aws4_request") {
    throw new IncompleteSignature(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/aws4_request, got '${redactKey(credential)}'.`);
  }
  const [accessKeyId, date, region, service] = parts as [string, string, string, string, string];
  // The region picks the partition of state, so a name that is no AWS region is refused in every
  // mode, as AWS refuses it. A pattern rather than a list of regions: new regions keep appearing.
  if (!REGION_NAME.test(region)) throw new SignatureDoesNotMatch("Credential should be scoped to a valid region.");
  if (!/^\d{8}$/.test(date)) throw new IncompleteSignature(`Date in Credential scope does not match YYYYMMDD: '${date}'.`);
  checkRequestDate(amzDate, date);
  const signedHeaders = signedHeadersText.split(";").map((h) => h.trim().toLowerCase());
  if (!signedHeaders.includes("host")) throw new IncompleteSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  if (!HEX_SIGNATURE.test(signature)) throw new IncompleteSignature("Signature must be 64 hexadecimal characters.");
  return { accessKeyId, date, region, service, signedHeaders, signature, amzDate, presigned, expiresSeconds };
}

/** An RFC 7231 `Date` header used instead of X-Amz-Date → the basic ISO format. */
function formatHttpDate(text: string): string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : formatAmzDate(ms);
}

/** For messages: never echo a full access key or any secret. */
function redactKey(credential: string): string {
  const slash = credential.indexOf("/");
  const key = slash === -1 ? credential : credential.slice(0, slash);
  return (key.length > 4 ? `${key.slice(0, 4)}…` : key) + (slash === -1 ? "" : credential.slice(slash));
}
