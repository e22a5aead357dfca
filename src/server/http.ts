/**
 * The node:http adapter: admin routes under /_redshift-local/, everything else to the AWS pipeline.
 * Reads the raw body (hashing for SigV4 needs the exact bytes), writes the response with an
 * accurate Date from the server's clock (the JS SDK corrects its clock skew from it).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { App } from "./app.js";
import { handleAdminRequest, ADMIN_PREFIX } from "./admin.js";
import { BODY_LIMIT, handleAwsRequest, type PipelineRequest } from "./pipeline.js";

export function createHttpServer(app: App): Server {
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    onRequest(app, req, res).catch((err: unknown) => {
      app.logger.error("unhandled error while answering", { error: err instanceof Error ? err.stack : String(err) });
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "text/plain" });
      }
      res.end();
    });
  });
  return server;
}

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
    req.on("error", reject);
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

  if (rawPath === ADMIN_PREFIX || rawPath.startsWith(ADMIN_PREFIX + "/")) {
    await handleAdminRequest(app, { method: req.method ?? "GET", rawPath, rawQuery, rawHeaders: req.rawHeaders, headers: req.headers, body }, res);
    return;
  }

  let query: Map<string, string>;
  try {
    query = new Map(new URLSearchParams(rawQuery));
  } catch {
    query = new Map();
  }
  const pipelineRequest: PipelineRequest = {
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
  const out = await handleAwsRequest(app, pipelineRequest);
  res.writeHead(out.status, {
    "x-amzn-RequestId": out.requestId,
    "Content-Type": out.contentType,
    "Content-Length": Buffer.byteLength(out.body),
  });
  res.end(out.body);
  if (out.status >= 500) app.logger.error("request failed", logFields(out, started));
  else if (app.logger.enabled("debug")) app.logger.debug("request", logFields(out, started));
}

function logFields(out: { requestId: string; service?: string | undefined; action?: string | undefined; account?: string | undefined; status: number }, started: number) {
  return {
    requestId: out.requestId,
    service: out.service,
    action: out.action,
    account: out.account,
    status: out.status,
    ms: Math.round((performance.now() - started) * 100) / 100,
  };
}
