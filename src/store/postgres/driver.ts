/**
 * The `pg` driver, loaded without the ~25 ms its runtime probe costs on Node 20. When it loads, pg
 * asks whether it runs in a Cloudflare Worker: through `navigator.userAgent` where the runtime has
 * a `navigator` (Node ≥ 21), otherwise by constructing a fetch `Response`, which on Node 20 loads
 * the whole of undici — nearly a tenth of the server's start-up budget, for a module the server
 * never uses. On Node 20 a `navigator` with Node's own user agent (what Node ≥ 21 has) exists for
 * the duration of the synchronous load only; on newer Node nothing is changed.
 */
import { createRequire } from "node:module";
import type pgModule from "pg";

function load(): typeof pgModule {
  const require = createRequire(import.meta.url);
  const global = globalThis as { navigator?: unknown };
  if ("navigator" in globalThis) return require("pg") as typeof pgModule;
  Object.defineProperty(globalThis, "navigator", { value: { userAgent: `Node.js/${process.versions.node}` }, configurable: true, writable: true });
  try {
    return require("pg") as typeof pgModule;
  } finally {
    delete global.navigator;
  }
}

export const pg = load();
