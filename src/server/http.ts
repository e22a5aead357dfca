/**
 * The node:http adapter: admin routes under /_redshift-local/, everything else to the AWS pipeline.
 * Reads the raw body (hashing for SigV4 needs the exact bytes), writes the response with an
 * accurate Date from the server's clock (the JS SDK corrects its clock skew from it).
 */
import { randomUUID } from "node:crypto";
import { STATUS_CODES, createServer, maxHeaderSize, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { AwsError, InternalFailure } from "../domain/errors.js";
import { encodeError } from "../protocol/encode.js";
import { REDSHIFT_NAMESPACE } from "../services/redshift/index.js";
import type { SignedRequest } from "../auth/authenticate.js";
import type { App } from "./app.js";
import { handleAdminRequest, ADMIN_PREFIX } from "./admin.js";
import { BODY_LIMIT, handleAwsRequest, type PipelineRequest, type PipelineResponse } from "./pipeline.js";

export function createHttpServer(app: App): Server {
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    onRequest(app, req, res).catch((err: unknown) => {
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
  });
  // Requests node:http cannot parse (headers over its limit, 16 KiB by default; broken request
  // lines; a client too slow to send its headers) get an AWS-style error with a request id instead
  // of Node's empty default answer; the connection is closed after it.
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
    const out = envelope(error, randomUUID());
    const head = Object.entries({ ...out.headers, Date: new Date(app.clock.now()).toUTCString(), Connection: "close" })
      .map(([k, v]) => `${k}: ${v}`)
      .join("\r\n");
    socket.end(`HTTP/1.1 ${out.status} ${STATUS_CODES[out.status] ?? ""}\r\n${head}\r\n\r\n${out.body}`);
  });
  return server;
}

/** An error outside the pipeline (no service known yet): the awsQuery envelope, as for an unrouted request. */
function envelope(error: AwsError, requestId: string): { status: number; headers: Record<string, string | number>; body: string } {
  const { body, contentType } = encodeError("query", REDSHIFT_NAMESPACE, error, requestId);
  return { status: error.status, headers: { "x-amzn-RequestId": requestId, "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) }, body };
}

class ClientAborted extends Error {}

interface ReadBody {
  readonly body: Buffer;
  readonly tooLarge: boolean;
}

function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    req.on("end", () => resolve({ body: tooLarge ? Buffer.alloc(0) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), tooLarge }));
    req.on("error", (err) => reject(new ClientAborted(err.message)));
  });
}

async function onRequest(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? "" : url.slice(q + 1);
  const { body, tooLarge } = await readBody(req);
  const now = app.clock.now();
  res.setHeader("Date", new Date(now).toUTCString());

  let query: Map<string, string>;
  try {
    query = new Map(new URLSearchParams(rawQuery));
  } catch {
    query = new Map();
  }
  // The request as authentication reads it, built once for both the admin routes and the pipeline.
  const signed: SignedRequest = {
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
  };
  const started = performance.now();
  if (rawPath === ADMIN_PREFIX || rawPath.startsWith(ADMIN_PREFIX + "/")) {
    await handleAdminRequest(app, signed, res);
    // One line per admin request too (an admin route that throws is logged by the catch above).
    if (app.logger.enabled("info")) app.logger.info("admin", { method: signed.method, route: rawPath, status: res.statusCode, ms: elapsed(started) });
    return;
  }
  const pipelineRequest: PipelineRequest = { ...signed, tooLarge };
  const out = await handleAwsRequest(app, pipelineRequest);
  res.writeHead(out.status, {
    "x-amzn-RequestId": out.requestId,
    "Content-Type": out.contentType,
    "Content-Length": Buffer.byteLength(out.body),
  });
  res.end(out.body);
  logRequest(app, out, started);
}

/**
 * One line per AWS request, at the level a user should look at it: info for answers and client
 * mistakes (4xx, with code and message), warn for what the emulator does not do or cannot do now
 * (501 NotImplemented naming the operation, 503 and other deliberate 5xx), error only for a 500 —
 * an unexpected exception carries its stack on this same line, so it is logged exactly once.
 */
function logRequest(app: App, out: PipelineResponse, started: number): void {
  const level = out.status === 500 || out.internal !== undefined ? "error" : out.status > 500 ? "warn" : "info";
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
