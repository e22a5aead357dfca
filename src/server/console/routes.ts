/**
 * The web console's routes, under the admin prefix and behind the admin-route rules (admin.ts checks
 * Host, Origin and Sec-Fetch-Site first, and in --auth strict a signature by a configured key):
 *
 *   GET /_redshift-local/                   the page (HTML)
 *   GET /_redshift-local/console/app.css    its style sheet
 *   GET /_redshift-local/console/app.js     its script (a plain ES module)
 *   GET /_redshift-local/console/icon.svg   its icon (else the browser asks the AWS API for /favicon.ico)
 *   GET /_redshift-local/console/model      the view model and timeline as JSON
 *   GET /_redshift-local/events             server-sent events: `model` and `timeline`
 *
 * Every answer forbids inline script and style and every remote source (Content-Security-Policy),
 * sniffing (nosniff) and framing (frame-ancestors 'none', X-Frame-Options DENY).
 */
import type { ServerResponse } from "node:http";
import { CONSOLE_SCRIPT } from "./client.js";
import type { ConsoleHub } from "./hub.js";
import { CONSOLE_ICON, CONSOLE_PAGE, CONSOLE_STYLE } from "./page.js";

export const CONSOLE_ROUTES = ["/", "/console/app.css", "/console/app.js", "/console/icon.svg", "/console/model", "/events"] as const;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

export function isConsoleRoute(route: string): boolean {
  return (CONSOLE_ROUTES as readonly string[]).includes(route);
}

function send(res: ServerResponse, method: string, contentType: string, body: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) });
  res.end(method === "HEAD" ? undefined : body);
}

/** Answers a console route (already allowed by the admin rules); GET and HEAD only, GET for the stream. */
export async function handleConsoleRoute(hub: ConsoleHub, route: string, method: string, res: ServerResponse): Promise<void> {
  switch (route) {
    case "/":
      return send(res, method, "text/html; charset=utf-8", CONSOLE_PAGE);
    case "/console/app.css":
      return send(res, method, "text/css; charset=utf-8", CONSOLE_STYLE);
    case "/console/app.js":
      return send(res, method, "text/javascript; charset=utf-8", CONSOLE_SCRIPT);
    case "/console/icon.svg":
      return send(res, method, "image/svg+xml", CONSOLE_ICON);
    case "/console/model":
      return send(res, method, "application/json; charset=utf-8", JSON.stringify(await hub.current()));
    case "/events":
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      return hub.openStream(res);
    default:
      throw new Error(`not a console route: ${route}`);
  }
}
