/**
 * Admin routes (not AWS APIs; README "Admin routes"):
 *   GET  /_redshift-local/health  → {"status":"ok","version":…,"store":…,"location":…}; 503 {"status":"degraded","problem":…}
 *                                   when the store cannot take writes (its database file was removed,
 *                                   PostgreSQL unreachable); the location of a URL has no password
 *   POST /_redshift-local/reset   → wipes all state (in --auth strict only when signed by a configured key)
 *   GET  /_redshift-local/state   → JSON snapshot of every account's resources (in --auth strict
 *                                   only when signed by a configured key)
 *   GET/POST/DELETE /_redshift-local/faults[/ID] → fault rules (faults/admin-routes.ts; in --auth
 *                                   strict only when signed by a configured key)
 *   GET  /_redshift-local/        → the web console, its assets, model and event stream (console/routes.ts;
 *                                   in --auth strict only when signed by a configured key)
 *
 * A web page must not be able to use them: every admin route (health included — one rule is easier
 * to reason about, and nothing legitimate calls them from a browser page) answers only
 *   - for a Host header naming this server: localhost, a loopback address, the listen address, or
 *     an --allowed-host name (the port is not compared: port forwarding and proxies change it, and
 *     DNS rebinding is about the name) — else 403 HostNotAllowed;
 *   - for requests no browser sent on behalf of another origin: an `Origin` header, when present,
 *     must be this server's own origin (http://HOST:PORT as in Host), and `Sec-Fetch-Site`, when
 *     present, must be `same-origin` or `none` — else 403 CrossOriginRequestRefused (CSRF).
 * 403 rather than 421 Misdirected Request: the refusal is a policy decision, and a client that
 * retried on another connection (what 421 invites) would get the same answer.
 */
import type { ServerResponse } from "node:http";
import type { SignedRequest } from "../auth/authenticate.js";
import { AwsError, CrossOriginRequestRefused, HostNotAllowed } from "../domain/errors.js";
import type { App } from "./app.js";
import type { ConsoleHub } from "./console/hub.js";
import { handleConsoleRoute, isConsoleRoute } from "./console/routes.js";
import { handleFaultsRoute } from "./faults/admin-routes.js";

export const ADMIN_PREFIX = "/_redshift-local";

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value, null, 2);
  // nosniff: /state echoes client strings (tags, names); a browser must never render them as HTML.
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}

export async function handleAdminRequest(app: App, req: SignedRequest, res: ServerResponse, hub?: ConsoleHub): Promise<void> {
  const refused = checkAdminAccess(app, req);
  if (refused) return sendJson(res, refused.status, { error: refused.code, message: refused.message });
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
        const info = { version: app.version, store: app.store.kind, location: app.store.location, auth: app.auth.mode };
        const faults = app.faults ? { faults: app.faults.stats() } : {};
        if (!health.ok) return sendJson(res, 503, { status: "degraded", problem: health.problem, ...info, ...faults });
        return sendJson(res, 200, { status: "ok", ...info, ...faults });
      }
    case "/state":
      if (req.method !== "GET") return methodNotAllowed("GET");
      // Every account's resources: in strict mode only for a configured key, as /reset.
      if (app.auth.mode === "strict") {
        const denied = checkSignedByConfiguredKey(app, req);
        if (denied) return sendJson(res, denied.status, { error: denied.code, message: denied.message });
      }
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
      return sendJson(res, 200, { status: "reset" });
    }
    default:
      if (hub !== undefined && isConsoleRoute(route)) {
        const allowed = route === "/events" ? "GET" : "GET, HEAD";
        if (!allowed.split(", ").includes(req.method)) return methodNotAllowed(allowed);
        // The console shows every account's resources: in strict mode only for a configured key, as /state.
        if (app.auth.mode === "strict") {
          const denied = checkSignedByConfiguredKey(app, req);
          if (denied) return sendJson(res, denied.status, { error: denied.code, message: denied.message });
        }
        return handleConsoleRoute(hub, route, req.method, res);
      }
      if (route === "/faults" || route.startsWith("/faults/")) {
        if (app.auth.mode === "strict") {
          const denied = checkSignedByConfiguredKey(app, req);
          if (denied) return sendJson(res, denied.status, { error: denied.code, message: denied.message });
        }
        if (!app.faults) return sendJson(res, 404, { error: "NotFound", message: "Fault injection is not enabled on this server." });
        const id = route === "/faults" ? undefined : safeDecode(route.slice("/faults/".length));
        return handleFaultsRoute(app.faults, req, id, (status, value, allow) => {
          if (allow !== undefined) res.setHeader("Allow", allow);
          sendJson(res, status, value);
        });
      }
      return sendJson(res, 404, { error: "NotFound", message: `No admin route ${req.rawPath}. Known: ${ADMIN_PREFIX}/ (the web console), /health, /state, /reset, /faults.` });
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Always-trusted names: a DNS-rebinding page cannot make a browser send them as its Host. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "::1"]);

/** The Host check (DNS rebinding), then the Origin and Sec-Fetch-Site checks (CSRF); see the header comment. */
function checkAdminAccess(app: App, req: SignedRequest): AwsError | undefined {
  const host = req.header("host") ?? "";
  const name = hostName(host);
  if (name === undefined || !(LOOPBACK_HOSTS.has(name) || app.adminHosts?.has(name))) {
    return new HostNotAllowed(
      `Admin routes answer only for localhost, 127.0.0.1, [::1], the listen address and names allowed with --allowed-host; ` +
        `the Host header ${JSON.stringify(host)} is none of them (start the server with --allowed-host NAME to allow a name).`,
    );
  }
  return crossOriginRefusal(req, "Admin routes");
}

/**
 * CSRF: a request a browser sent on behalf of another origin — an `Origin` header that is not this
 * server's own, or `Sec-Fetch-Site` other than `same-origin`/`none`. Applies to the admin routes
 * and to the AWS API too: in open mode a page could otherwise POST `Action=DeleteCluster` as a
 * simple form, unsigned. No AWS client sends these headers from Node, Python or the CLI, and a
 * browser SDK cannot call this server cross-origin anyway (it does not answer CORS preflights).
 */
export function crossOriginRefusal(req: SignedRequest, subject: string): AwsError | undefined {
  const origin = req.header("origin");
  if (origin !== undefined && !isSameOrigin(origin, req.header("host") ?? "")) {
    return new CrossOriginRequestRefused(`${subject} refuse requests from another origin: Origin ${JSON.stringify(origin)} is not this server's.`);
  }
  const site = req.header("sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return new CrossOriginRequestRefused(`${subject} refuse requests a browser sent for another origin (Sec-Fetch-Site: ${site}).`);
  }
  return undefined;
}

/** The host name of a Host header, lower-case, without port, brackets or a trailing dot; undefined when malformed. */
export function hostName(host: string): string | undefined {
  const h = host.trim().toLowerCase();
  let name: string;
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    if (end === -1 || (end + 1 < h.length && h[end + 1] !== ":")) return undefined;
    name = h.slice(1, end);
  } else {
    const colon = h.indexOf(":");
    name = colon === -1 ? h : h.slice(0, colon);
    if (colon !== -1 && h.indexOf(":", colon + 1) !== -1) return undefined;
  }
  name = name.endsWith(".") ? name.slice(0, -1) : name;
  return name === "" ? undefined : name;
}

/** Origin `http://h:p` of exactly the server named by Host (scheme, name and port); `null` and others are foreign. */
function isSameOrigin(origin: string, host: string): boolean {
  try {
    const from = new URL(origin);
    return from.protocol === "http:" && from.host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}

/** In strict mode /reset and /state must carry a valid SigV4 signature of a configured key (any service scope). */
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

/** `Example.COM.` → `example.com`, `[::1]` → `::1`; undefined for anything else than a DNS name or an IP address. */
export function normaliseHostName(text: string): string | undefined {
  let name = text.trim().toLowerCase();
  if (name.startsWith("[") && name.endsWith("]")) name = name.slice(1, -1);
  if (name.endsWith(".")) name = name.slice(0, -1);
  if (/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name)) return name;
  if (name.includes(":") && /^[0-9a-f:.]+$/.test(name)) return name;
  return undefined;
}
