/**
 * The node:http adapter: admin routes under /_redshift-local/, everything else to the AWS pipeline.
 * Reads the raw body (hashing for SigV4 needs the exact bytes), writes the response with an
 * accurate Date from the server's clock (the JS SDK corrects its clock skew from it).
 */
import { randomUUID } from "node:crypto";
import { STATUS_CODES, createServer, maxHeaderSize, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { AwsError, InternalFailure, ServiceUnavailable } from "../domain/errors.js";
import { encodeError } from "../protocol/encode.js";
import { REDSHIFT_NAMESPACE } from "../services/redshift/index.js";
import type { App } from "./app.js";
import { handleAdminRequest, ADMIN_PREFIX } from "./admin.js";
import { BodyBudget, DEFAULT_BODY_BUFFER_LIMIT } from "./body-budget.js";
import { ConsoleHub } from "./console/hub.js";
import { BODY_LIMIT, handleAwsRequest, type PipelineRequest, type PipelineResponse } from "./pipeline.js";

/** How long a client may take to send its request, and how many body bytes may wait at once. */
export interface TransportOptions {
  /** Until the request head is complete; node:http's default is 60 s. */
  readonly headersTimeoutMs: number;
  /** Until the whole request (head and body) is received; node:http's default is 300 s. */
  readonly requestTimeoutMs: number;
  /** Bytes buffered for unfinished bodies across all connections (see body-budget.ts). */
  readonly bodyBufferLimitBytes: number;
}

/**
 * AWS does not document how long its endpoints wait for a request; node:http's defaults (60 s for
 * the head, 5 min for the request) let a stalled client hold a socket for minutes. 20 s for the head
 * and 60 s for the whole request (a 1 MiB body at ~17 KB/s) are ample for any SDK on a local
 * connection and free a stalled client's socket sooner.
 */
export const DEFAULT_TRANSPORT: TransportOptions = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  bodyBufferLimitBytes: DEFAULT_BODY_BUFFER_LIMIT,
};

/** A last answer to a client that does not read it cannot hold its socket longer than this. */
const CLOSE_LINGER_MS = 2_000;

/** `hub`: the web console's live side (its streams are ended by its owner at shutdown, index.ts). */
export function createHttpServer(app: App, transport: TransportOptions = DEFAULT_TRANSPORT, hub: ConsoleHub = new ConsoleHub(app)): Server {
  const budget = new BodyBudget(transport.bodyBufferLimitBytes);
  const batch = new ResponseBatch();
  const server = createServer(
    {
      keepAliveTimeout: 65_000,
      headersTimeout: transport.headersTimeoutMs,
      requestTimeout: transport.requestTimeoutMs,
      // node:http checks the two timeouts above on this interval (30 s by default, which would
      // let a timed-out client linger up to 30 s more): a quarter of the shorter one, 5 s at most.
      connectionsCheckingInterval: Math.max(10, Math.min(5_000, Math.floor(Math.min(transport.headersTimeoutMs, transport.requestTimeoutMs) / 4))),
    },
    (req, res) => {
      onRequest(app, hub, budget, batch, req, res).catch((err: unknown) => {
        if (err instanceof ClientAborted) {
          // The client closed the connection mid-body (or sent a body node:http could not parse and
          // was answered by the clientError handler below): nobody is left to answer.
          app.logger.debug("request aborted by the client", { reason: err.message });
          return void res.destroy();
        }
        const requestId = randomUUID();
        app.logger.error("unhandled error while answering", { requestId, error: err instanceof Error ? err.stack : String(err) });
        if (res.headersSent) return void res.end();
        const failure = envelope(new InternalFailure("The request processing has failed because of an unknown error, exception or failure."), requestId);
        res.writeHead(failure.status, failure.headers);
        res.end(failure.body);
      });
    },
  );
  // Requests node:http cannot parse (headers over its limit, 16 KiB by default; broken request
  // lines; a client too slow to send its headers) get an AWS-style error with a request id instead
  // of Node's empty default answer; the connection is closed after it (destroyed, not just ended:
  // an ended socket waits for the client's FIN, and stalled clients would keep theirs forever).
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: ServerResponse | null }) => {
    // As node:http's own handler: answer only when no response has started on this connection.
    if (err.code === "ECONNRESET" || !socket.writable || socket._httpMessage?.headersSent) return void socket.destroy();
    const error =
      err.code === "HPE_HEADER_OVERFLOW"
        ? new AwsError(
            "RequestHeaderSectionTooLarge",
            `The request line and headers must not exceed ${maxHeaderSize} bytes; send the parameters in a form-encoded POST body.`,
            431,
          )
        : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? new AwsError("RequestTimeout", "The request was not received in time.", 408)
          : new AwsError("MalformedHTTPRequest", "The HTTP request could not be parsed.", 400);
    const requestId = randomUUID();
    // One line, as for every answered request (the pipeline's request log), at info: a client
    // problem, not a server one.
    app.logger.info("request refused before parsing", { requestId, status: error.status, code: error.code, reason: err.code ?? err.message });
    const out = envelope(error, requestId);
    const head = Object.entries({ ...out.headers, Date: new Date(app.clock.now()).toUTCString(), Connection: "close" })
      .map(([k, v]) => `${k}: ${v}`)
      .join("\r\n");
    socket.end(`HTTP/1.1 ${out.status} ${STATUS_CODES[out.status] ?? ""}\r\n${head}\r\n\r\n${out.body}`, () => socket.destroy());
    destroyAfterLinger(socket);
  });
  return server;
}

/** The last answer was written: a client that never reads it cannot keep the socket past the linger time. */
function destroyAfterLinger(socket: Duplex): void {
  const timer = setTimeout(() => socket.destroy(), CLOSE_LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

/** An error outside the pipeline (no service known yet): the awsQuery envelope, as for an unrouted request. */
function envelope(error: AwsError, requestId: string): { status: number; headers: Record<string, string | number>; body: string } {
  const { body, contentType } = encodeError("query", REDSHIFT_NAMESPACE, error, requestId);
  return { status: error.status, headers: { "x-amzn-RequestId": requestId, "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) }, body };
}

class ClientAborted extends Error {}

interface ReadBody {
  readonly body: Buffer;
  /** Over BODY_LIMIT: drained, not kept; the pipeline answers 413. */
  readonly tooLarge: boolean;
  /** Did not fit in the body budget: not read at all; answered 503 and the connection closed. */
  readonly busy: boolean;
}

const EMPTY = Buffer.alloc(0);
const BUSY: ReadBody = { body: EMPTY, tooLarge: false, busy: true };

/**
 * Reads the body, holding its bytes against the instance's budget while it arrives: a declared
 * Content-Length is reserved whole before anything is read, a chunked body grows its reservation
 * chunk by chunk. The reservation is released when the body is complete, refused, or its
 * connection dies; a body over BODY_LIMIT is drained without being kept (and needs no budget).
 */
function readBody(req: IncomingMessage, budget: BodyBudget): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const reservation = budget.open();
    let chunks: Buffer[] = [];
    /** Once the body is complete, a later "close" (every request has one) costs nothing: no Error is built. */
    let settled = false;
    const drop = () => {
      reservation.release();
      chunks = [];
    };
    req.on("error", (err) => {
      drop();
      if (settled) return;
      settled = true;
      reject(new ClientAborted(err.message));
    });
    // Before "end", the client left mid-body.
    req.once("close", () => {
      drop();
      if (settled) return;
      settled = true;
      reject(new ClientAborted("the connection closed before the body was complete"));
    });
    const declared = declaredLength(req);
    let tooLarge = declared !== undefined && declared > BODY_LIMIT;
    if (!tooLarge && declared !== undefined && !reservation.growTo(declared)) {
      settled = true;
      return resolve(BUSY);
    }
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) return;
      if (size > BODY_LIMIT) {
        tooLarge = true;
        drop();
      } else if (reservation.growTo(size)) {
        chunks.push(chunk);
      } else {
        // A chunked body that has outgrown what is left of the budget.
        req.off("data", onData);
        req.pause();
        drop();
        settled = true;
        resolve(BUSY);
      }
    };
    req.on("data", onData);
    req.once("end", () => {
      const body = tooLarge || chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      drop();
      settled = true;
      resolve({ body, tooLarge, busy: false });
    });
  });
}

/** The Content-Length node:http has already validated, or undefined for a chunked body. */
function declaredLength(req: IncomingMessage): number | undefined {
  const value = req.headers["content-length"];
  if (value === undefined || req.headers["transfer-encoding"] !== undefined) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * 503 ServiceUnavailable, AWS's answer when its front end sheds load (every AWS SDK retries it with
 * backoff); the rest of the body is not read and the connection is closed.
 * https://docs.aws.amazon.com/redshift/latest/APIReference/CommonErrors.html
 */
function refuseBusy(app: App, budget: BodyBudget, req: IncomingMessage, res: ServerResponse): void {
  const requestId = randomUUID();
  const out = envelope(new ServiceUnavailable("The server is busy; retry the request later."), requestId);
  app.logger.warn("request refused: too many request bodies are being received at once", {
    requestId,
    bodyBufferLimitBytes: budget.limit,
    contentLength: req.headers["content-length"],
  });
  res.writeHead(out.status, { ...out.headers, Connection: "close" });
  const socket = req.socket;
  res.end(out.body, () => socket.destroy());
  destroyAfterLinger(socket);
}

/**
 * AWS answers are written together, once the event loop has run every request that arrived with
 * them (in `setImmediate`, before the loop waits for I/O again) — as Redis writes its replies
 * before it sleeps. The answers are the same, in the same order on each connection; under load a
 * client is woken once for a burst of answers instead of once per answer, which on loopback or a
 * VM costs the server more CPU than building the answer. An answer is never held past the current
 * turn of the loop.
 */
class ResponseBatch {
  #pending: ServerResponse[] = [];
  #bodies: string[] = [];

  end(res: ServerResponse, body: string): void {
    this.#pending.push(res);
    this.#bodies.push(body);
    if (this.#pending.length === 1) setImmediate(this.#flush);
  }

  readonly #flush = (): void => {
    const pending = this.#pending;
    const bodies = this.#bodies;
    this.#pending = [];
    this.#bodies = [];
    for (let i = 0; i < pending.length; i++) {
      // One answer that cannot be written (its socket broke) must not hold back the others.
      try {
        pending[i]!.end(bodies[i]);
      } catch {
        pending[i]!.destroy();
      }
    }
  };
}

async function onRequest(app: App, hub: ConsoleHub, budget: BodyBudget, batch: ResponseBatch, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? "" : url.slice(q + 1);
  const { body, tooLarge, busy } = await readBody(req, budget);
  const date = httpDate(app.clock.now());
  if (busy) {
    res.setHeader("Date", date);
    return refuseBusy(app, budget, req, res);
  }

  let query: Map<string, string>;
  try {
    query = rawQuery === "" ? new Map<string, string>() : new Map(new URLSearchParams(rawQuery));
  } catch {
    query = new Map();
  }
  // The request as authentication reads it, built once for both the admin routes and the pipeline.
  const signed: PipelineRequest = {
    method: req.method ?? "GET",
    rawPath,
    rawQuery,
    rawHeaders: req.rawHeaders,
    header: (name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    },
    query,
    body,
    tooLarge,
  };
  const started = performance.now();
  if (rawPath === ADMIN_PREFIX || rawPath.startsWith(ADMIN_PREFIX + "/")) {
    res.setHeader("Date", date);
    await handleAdminRequest(app, signed, res, hub);
    // One line per admin request too (an admin route that throws is logged by the catch above).
    if (app.logger.enabled("info")) app.logger.info("admin", { method: signed.method, route: rawPath, status: res.statusCode, ms: elapsed(started) });
    return;
  }
  const out = await handleAwsRequest(app, signed);
  // The body stays a string: node:http writes it after the head as one string, encoded straight
  // into the socket's write (a Buffer made here first costs an allocation and a copy more per answer).
  res.writeHead(out.status, ["Date", date, "x-amzn-RequestId", out.requestId, "Content-Type", out.contentType, "Content-Length", String(Buffer.byteLength(out.body))]);
  batch.end(res, out.body);
  hub.recordCall(out);
  logRequest(app, out, started);
}

/** The last `Date` header written, by the second it names: every request of a second shares it. */
let lastDate = { second: Number.NaN, text: "" };

/** RFC 7231 `Date` of `ms` (whole seconds, as the format has no fraction). */
function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastDate.second) lastDate = { second, text: new Date(second * 1000).toUTCString() };
  return lastDate.text;
}

/**
 * One line per AWS request, at the level a user should look at it: info for answers and client
 * mistakes (4xx, with code and message), warn for what the emulator does not do or cannot do now
 * (501 NotImplemented naming the operation, 503 and other deliberate 5xx), error only for a 500 —
 * an unexpected exception carries its stack on this same line, so it is logged exactly once.
 */
function logRequest(app: App, out: PipelineResponse, started: number): void {
  const level = out.injected ? "info" : out.status === 500 || out.internal !== undefined ? "error" : out.status > 500 ? "warn" : "info";
  if (!app.logger.enabled(level)) return;
  const fields = {
    requestId: out.requestId,
    service: out.service,
    action: out.action,
    account: out.account,
    region: out.region,
    status: out.status,
    // A message may echo a client's value (up to the body limit): the line keeps its start.
    ...(out.error ? { code: out.error.code, message: clip(out.error.message) } : {}),
    ms: elapsed(started),
  };
  if (out.internal !== undefined) app.logger.error("internal error", { ...fields, stack: out.internal });
  else app.logger.log(level, "request", fields);
}

const MESSAGE_LOG_LIMIT = 2000;

function clip(text: string): string {
  return text.length > MESSAGE_LOG_LIMIT ? `${text.slice(0, MESSAGE_LOG_LIMIT)}… (${text.length} characters)` : text;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
