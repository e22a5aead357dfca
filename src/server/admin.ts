/**
 * Admin routes (not AWS APIs; README "Admin routes"):
 *   GET  /_redshift-local/health  → {"status":"ok","version":…,"store":…}; 503 {"status":"degraded","problem":…}
 *                                   when the store cannot take writes (its database file was removed)
 *   POST /_redshift-local/reset   → wipes all state (in --auth strict only when signed by a configured key)
 *   GET  /_redshift-local/state   → JSON snapshot of every account's resources
 */
import type { ServerResponse } from "node:http";
import type { SignedRequest } from "../auth/authenticate.js";
import { AwsError } from "../domain/errors.js";
import type { App } from "./app.js";

export const ADMIN_PREFIX = "/_redshift-local";

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value, null, 2);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
  res.end(body);
}

export async function handleAdminRequest(app: App, req: SignedRequest, res: ServerResponse): Promise<void> {
  const route = req.rawPath.slice(ADMIN_PREFIX.length).replace(/\/+$/, "") || "/";
  const methodNotAllowed = (allowed: string) => {
    res.setHeader("Allow", allowed);
    sendJson(res, 405, { error: "MethodNotAllowed", message: `${req.method} is not allowed on ${req.rawPath}; use ${allowed}.` });
  };
  switch (route) {
    case "/health":
      if (req.method !== "GET" && req.method !== "HEAD") return methodNotAllowed("GET");
      {
        const health = app.store.health();
        const info = { version: app.version, store: app.store.kind, auth: app.auth.mode };
        if (!health.ok) return sendJson(res, 503, { status: "degraded", problem: health.problem, ...info });
        return sendJson(res, 200, { status: "ok", ...info });
      }
    case "/state":
      if (req.method !== "GET") return methodNotAllowed("GET");
      return sendJson(res, 200, { time: new Date(app.clock.now()).toISOString(), ...(await app.store.snapshot()) });
    case "/reset": {
      if (req.method !== "POST") return methodNotAllowed("POST");
      if (app.auth.mode === "strict") {
        const denied = checkSignedByConfiguredKey(app, req);
        if (denied) return sendJson(res, denied.status, { error: denied.code, message: denied.message });
      }
      try {
        await app.store.reset();
      } catch (err) {
        // The store's own refusals (locked by another process, database file removed) keep their status.
        if (err instanceof AwsError) return sendJson(res, err.status, { error: err.code, message: err.message });
        throw err;
      }
      app.logger.info("state reset");
      return sendJson(res, 200, { status: "reset" });
    }
    default:
      return sendJson(res, 404, { error: "NotFound", message: `No admin route ${req.rawPath}. Known: ${ADMIN_PREFIX}/health, /state, /reset.` });
  }
}

/** In strict mode /reset must carry a valid SigV4 signature of a configured key (any service scope). */
function checkSignedByConfiguredKey(app: App, req: SignedRequest): AwsError | undefined {
  try {
    const identity = app.auth.authenticate(req, app.clock.now());
    if (identity.accessKeyId === undefined) return new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
    return undefined;
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
}
