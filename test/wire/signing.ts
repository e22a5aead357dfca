/**
 * Test-time SigV4 oracle and a raw HTTP client for the wire and auth tests.
 *
 * Requests are signed with `@smithy/signature-v4` (the JS SDK's own signer, an implementation
 * independent of src/auth) at a fixed signing date, then sent with node:http so the test controls
 * every header byte (duplicates, exact Host, no extra signed headers). The server's verdict on them
 * is what the tests assert.
 */
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";

/**
 * AWS's documentation example key pair, as used by the deterministic signing vectors
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html).
 */
export const AKID = "AKIDEXAMPLE";
export const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Buffer {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** The `sha256` constructor the smithy signer wants, backed by node:crypto (HMAC when given a secret). */
class NodeSha256 {
  #hash: Hash | Hmac;
  readonly #secret: string | Buffer | undefined;

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : bytes(secret);
    this.#hash = this.#fresh();
  }

  #fresh(): Hash | Hmac {
    return this.#secret === undefined ? createHash("sha256") : createHmac("sha256", this.#secret);
  }

  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }

  reset(): void {
    this.#hash = this.#fresh();
  }
}

export interface SigningKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface RawRequest {
  readonly method?: string;
  /** Path as sent on the wire (already percent-encoded); default `/`. */
  readonly path?: string;
  /** Query parameters (unencoded); sent RFC 3986-encoded. */
  readonly query?: Readonly<Record<string, string>>;
  /** Headers to send; a list value sends the header once per element. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string | Buffer;
}

export interface SignOptions {
  readonly service: string;
  readonly region?: string;
  readonly key?: SigningKey;
  readonly signingDate: Date;
  /** Add the JS SDK's signed `x-amz-content-sha256` header (default: botocore style, without it). */
  readonly contentSha256?: boolean;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

export const FORM = "application/x-www-form-urlencoded; charset=utf-8";

/** RFC 3986 encoding (what SigV4 and the SDKs use for query strings). */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function queryString(query: Readonly<Record<string, string>> | undefined): string {
  if (!query) return "";
  const parts = Object.entries(query).map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`);
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

function hostOf(baseUrl: string): { hostname: string; port: number; host: string } {
  const u = new URL(baseUrl);
  return { hostname: u.hostname, port: Number(u.port), host: u.host };
}

/**
 * Signs `req` for the server at `baseUrl` and returns the request with its auth headers added.
 * Only the headers of `req` plus `host` (and the signer's own x-amz-*) are signed.
 */
export async function sign(baseUrl: string, req: RawRequest, opts: SignOptions): Promise<RawRequest> {
  const { hostname, port, host } = hostOf(baseUrl);
  const key = opts.key ?? { accessKeyId: AKID, secretAccessKey: SECRET };
  const signer = new SignatureV4({
    service: opts.service,
    region: opts.region ?? "us-east-1",
    credentials: key,
    sha256: NodeSha256,
    applyChecksum: opts.contentSha256 ?? false,
  });
  const headers: Record<string, string> = { host };
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = typeof v === "string" ? v : v.join(",");
  const signed = await signer.sign(
    {
      method: req.method ?? "POST",
      protocol: "http:",
      hostname,
      port,
      path: req.path ?? "/",
      query: { ...(req.query ?? {}) },
      headers,
      body: req.body,
    },
    { signingDate: opts.signingDate },
  );
  return { ...req, headers: { ...(req.headers ?? {}), ...withoutHost(signed.headers) } };
}

/** A presigned GET URL (query-string auth) for `query`, valid `expiresIn` seconds from `signingDate`. */
export async function presignUrl(
  baseUrl: string,
  query: Readonly<Record<string, string>>,
  opts: SignOptions & { readonly expiresIn: number; readonly path?: string },
): Promise<string> {
  const { hostname, port, host } = hostOf(baseUrl);
  const signer = new SignatureV4({
    service: opts.service,
    region: opts.region ?? "us-east-1",
    credentials: opts.key ?? { accessKeyId: AKID, secretAccessKey: SECRET },
    sha256: NodeSha256,
  });
  const presigned = await signer.presign(
    { method: "GET", protocol: "http:", hostname, port, path: opts.path ?? "/", query: { ...query }, headers: { host } },
    { signingDate: opts.signingDate, expiresIn: opts.expiresIn },
  );
  const q = presigned.query as Record<string, string>;
  return `http://${host}${opts.path ?? "/"}${queryString(q)}`;
}

function withoutHost(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== "host") out[k] = v;
  return out;
}

/** Sends `req` as is with node:http (Host from the URL; Content-Length from the body). */
export function send(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = hostOf(baseUrl);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, "utf8");
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k] = typeof v === "string" ? v : [...v];
  if (body !== undefined) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      { hostname, port, method: req.method ?? "POST", path: `${req.path ?? "/"}${queryString(req.query)}`, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    r.end(body);
  });
}

/** Signs then sends a form POST (botocore-shaped unless `contentSha256`). */
export async function sendSigned(baseUrl: string, body: string, opts: SignOptions, extra: Omit<RawRequest, "body"> = {}): Promise<RawResponse> {
  const req: RawRequest = { method: "POST", ...extra, headers: { "content-type": FORM, ...(extra.headers ?? {}) }, body };
  return send(baseUrl, await sign(baseUrl, req, opts));
}

/** `<Code>` of an XML error body (awsQuery or EC2 envelope). */
export function errorCode(xml: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

/** Text of the first `<tag>` element. */
export function elementText(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

/** `20240501T123456Z` for a Date (the X-Amz-Date format). */
export function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
