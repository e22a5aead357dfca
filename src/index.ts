/**
 * The library API: `startRedshiftLocal(options)` → `{ url, port, reset(), close(), [Symbol.asyncDispose] }`.
 * Everything is per instance (store, clock, auth, limits), so several servers with different
 * options can run in one process. The CLI (src/cli) only turns flags into these options.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { Authenticator, type AuthMode } from "./auth/authenticate.js";
import { loadCredentialsFile, validateCredentials, type Credential } from "./auth/credentials.js";
import { systemClock, type Clock } from "./domain/clock.js";
import { resolveDelays, type TransitionName } from "./domain/lifecycle.js";
import { resolveQuotas, type QuotaName } from "./domain/quotas.js";
import type { App } from "./server/app.js";
import { FaultEngine } from "./server/faults/engine.js";
import type { FaultRuleInput } from "./server/faults/rule.js";
import { normaliseHostName } from "./server/admin.js";
import { ConsoleHub } from "./server/console/hub.js";
import { DEFAULT_TRANSPORT, createHttpServer, type TransportOptions } from "./server/http.js";
import { LOG_LEVELS, Logger, type LogLevel, type LogSink } from "./server/logger.js";
import { applySeed, checkSeed, loadSeedFile, type SeedCall } from "./server/seed.js";
import { DEFAULT_SHUTDOWN_GRACE_MS, trackConnections } from "./server/shutdown.js";
import { SqliteStore } from "./store/sqlite/sqlite-store.js";
import type { Store } from "./store/store.js";
import { VERSION } from "./version.js";

export { ManualClock, systemClock, type Clock } from "./domain/clock.js";
export { loadCredentialsFile, type Credential } from "./auth/credentials.js";
export { loadSeedFile, SeedError, type SeedCall } from "./server/seed.js";
export type { LogLevel } from "./server/logger.js";
export type { FaultRuleInput } from "./server/faults/rule.js";
export { VERSION } from "./version.js";

export type StoreOption =
  | { readonly kind: "memory" }
  | { readonly kind: "sqlite"; readonly dataDir: string }
  | {
      readonly kind: "postgres";
      /** postgres://user:password@host:port/database; the password never appears in logs or /health. */
      readonly url: string;
      /** Connections this instance opens for requests; default 10 (plus one for the sole-writer lease). */
      readonly poolSize?: number;
      /** Schema of the tables (created if missing); default the connection's search_path. */
      readonly schema?: string;
    };

export interface RedshiftLocalOptions {
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Port; 0 (the library default) picks a free one. */
  readonly port?: number;
  /** Default `{ kind: "memory" }` for the library (the CLI defaults to SQLite in ./.redshift-local). */
  readonly store?: StoreOption;
  /** Default "open". */
  readonly auth?: AuthMode;
  /** Configured keys, or the path of a JSON credentials file. */
  readonly credentials?: readonly Credential[] | string;
  /** Account for unsigned requests and unknown non-numeric keys; default 000000000000. */
  readonly defaultAccount?: string;
  /** Calls applied when the store is empty, or the path of a JSON/YAML seed file. */
  readonly seed?: readonly SeedCall[] | string;
  /** `--delay` specs (`["endpoint-create=5m", "realistic"]`) or a record of milliseconds. */
  readonly delays?: readonly string[] | Partial<Record<TransitionName | "all", number>>;
  /** `--quota` specs (`["grants-per-cluster=2"]`) or a record. */
  readonly quotas?: readonly string[] | Partial<Record<QuotaName, number>>;
  /** Default "info". */
  readonly logLevel?: LogLevel;
  /** Where JSON log lines go; default stderr. */
  readonly logSink?: LogSink;
  /** Injected clock; default the system clock. */
  readonly clock?: Clock;
  /**
   * Fault rules in force from the start (README "Fault injection"): compact `--fault` strings
   * (`"redshift:AuthorizeEndpointAccess,error=Throttling,count=2"`) or rule objects. More can be
   * added and removed while the server runs with `/_redshift-local/faults`.
   */
  readonly faults?: readonly (string | FaultRuleInput)[];
  /** Seed of the fault rules' random draws (`--fault-seed`); default 0, so runs repeat. */
  readonly faultSeed?: number;
  /**
   * Host names the admin routes (/_redshift-local/…) also answer for, besides localhost, the
   * loopback addresses and the listen address (`--allowed-host`): e.g. a docker service name.
   * Listening on 0.0.0.0 or :: does not trust the machine's names; list them here.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * close(): how long requests already being received or answered may take before their
   * connections are closed by force; default 10 000 ms. Idle connections, and those whose request
   * head has not fully arrived, are closed at once.
   */
  readonly shutdownGraceMs?: number;
  /** Time a client has to send its request head (default 20 000 ms); answered 408 and closed past it. */
  readonly headersTimeoutMs?: number;
  /** Time a client has to send its whole request, body included (default 60 000 ms; ≥ headersTimeoutMs). */
  readonly requestTimeoutMs?: number;
  /**
   * Bytes held at once for request bodies still arriving, across all connections (default 64 MiB);
   * a body that does not fit is refused with 503 ServiceUnavailable.
   */
  readonly bodyBufferLimitBytes?: number;
}

export interface RedshiftLocal {
  /** `http://HOST:PORT`. */
  readonly url: string;
  readonly port: number;
  /**
   * Deletes all state of every account and region, as `POST /_redshift-local/reset` does (the seed
   * is not applied again). Rejects once close() has been called.
   */
  reset(): Promise<void>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

async function openStore(option: StoreOption | undefined, logger: Logger): Promise<Store> {
  const store = option ?? { kind: "memory" };
  switch (store.kind) {
    case "memory":
      return new SqliteStore();
    case "sqlite":
      // Start-up checks (data directory, quick_check, write probe) throw an Error naming the path.
      return new SqliteStore({
        dataDir: store.dataDir,
        onRetry: (e) => logger.debug("database locked by another process; retrying", { mode: e.mode, attempt: e.attempt, delayMs: e.delayMs }),
      });
    case "postgres": {
      // Loaded only when used: the pg driver is a large part of the start-up time of every other store.
      const { openPostgresStore } = await import("./store/postgres/postgres-store.js");
      // Connects and migrates before the server listens; the error names the URL without the password.
      return openPostgresStore({
        url: store.url,
        poolSize: store.poolSize,
        schema: store.schema,
        onRetry: (e) => logger.debug("database conflict with a concurrent request; retrying", { mode: e.mode, attempt: e.attempt, delayMs: e.delayMs }),
      });
    }
    default:
      throw new RangeError(`store.kind must be "memory", "sqlite" or "postgres"`);
  }
}

/** The listen address (unless a wildcard) and the allowed names, as admin.ts compares Host names. */
function adminHostNames(listenHost: string, allowed: readonly string[]): ReadonlySet<string> {
  const names = new Set<string>();
  const listen = normaliseHostName(listenHost);
  if (listen !== undefined && listen !== "0.0.0.0" && listen !== "::") names.add(listen);
  for (const name of allowed) {
    const normalised = typeof name === "string" ? normaliseHostName(name) : undefined;
    if (normalised === undefined) throw new RangeError(`allowedHosts: ${JSON.stringify(name)} is not a host name or IP address (no port, scheme or path)`);
    names.add(normalised);
  }
  return names;
}

export async function startRedshiftLocal(options: RedshiftLocalOptions = {}): Promise<RedshiftLocal> {
  const defaultAccount = options.defaultAccount ?? "000000000000";
  if (!/^\d{12}$/.test(defaultAccount)) throw new RangeError("defaultAccount must be 12 digits");
  if (options.auth !== undefined && options.auth !== "open" && options.auth !== "strict") throw new RangeError('auth must be "open" or "strict"');
  if (options.logLevel !== undefined && !LOG_LEVELS.includes(options.logLevel)) throw new RangeError(`logLevel must be one of ${LOG_LEVELS.join(", ")}`);
  const credentials =
    typeof options.credentials === "string" ? loadCredentialsFile(options.credentials) : validateCredentials(options.credentials ?? []);
  // Strict mode without a key would start and then refuse every request: refuse to start instead.
  if (options.auth === "strict" && credentials.length === 0) {
    throw new RangeError('auth "strict" needs credentials: without a configured key every request would be refused');
  }
  const host = options.host ?? "127.0.0.1";
  const adminHosts = adminHostNames(host, options.allowedHosts ?? []);
  const seed = options.seed === undefined ? [] : typeof options.seed === "string" ? loadSeedFile(options.seed) : checkSeed(options.seed);
  const logger = new Logger(options.logLevel ?? "info", options.logSink);
  // Every option is checked before the store opens, so a refused start leaves no open database.
  const shutdownGraceMs = wholeNumber("shutdownGraceMs", options.shutdownGraceMs, DEFAULT_SHUTDOWN_GRACE_MS, 0);
  const transport = resolveTransport(options);
  const quotas = resolveQuotas(options.quotas);
  const delays = resolveDelays(options.delays);
  const auth = new Authenticator({ mode: options.auth ?? "open", credentials: new Map(credentials.map((c) => [c.accessKeyId, c])), defaultAccount });
  const clock = options.clock ?? systemClock;
  const faults = new FaultEngine({ clock, logger, ...(options.faultSeed !== undefined ? { seed: options.faultSeed } : {}) });
  if (options.faults !== undefined) {
    if (!Array.isArray(options.faults)) throw new RangeError("faults must be a list of fault rules (strings or objects)");
    faults.add(options.faults);
  }
  const store = await openStore(options.store, logger);
  const app: App = { store, auth, clock, quotas, delays, logger, version: VERSION, defaultAccount, adminHosts, faults };
  try {
    await applySeed(app, seed);
  } catch (err) {
    await store.close();
    throw err;
  }

  const hub = new ConsoleHub(app);
  const server = createHttpServer(app, transport, hub);
  const stopServer = trackConnections(server);
  try {
    // listen() throws at once for a port outside 0–65535, and emits "error" for one in use.
    server.listen(options.port ?? 0, host);
    await once(server, "listening");
  } catch (err) {
    await store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  logger.info("listening", { url, store: store.kind, location: store.location, auth: app.auth.mode });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      // End the console's event streams (they never finish by themselves), stop accepting, let
      // in-flight requests finish within the grace period (their connections close after the
      // response), then close the store.
      hub.close();
      const { forced } = await stopServer(shutdownGraceMs);
      if (forced > 0) logger.warn("connections closed by force at the end of the shutdown grace period", { connections: forced, shutdownGraceMs });
      await store.close();
      logger.info("stopped");
    })();
    return closing;
  };
  const reset = async (): Promise<void> => {
    // The store is closed (or closing) after close(): say so rather than surface SQLite's error.
    if (closing) throw new Error("redshift-local: reset() after close(): this server is closed");
    await store.reset();
    logger.info("state reset");
  };
  return { url, port, reset, close, [Symbol.asyncDispose]: close };
}

/** Timers take at most 2^31 − 1 ms (about 24 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A whole number of milliseconds or bytes in [min, MAX_TIMER_MS], or the default when absent. */
function wholeNumber(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min || value > MAX_TIMER_MS) throw new RangeError(`${name} must be a whole number from ${min} to ${MAX_TIMER_MS}`);
  return value;
}

function resolveTransport(options: RedshiftLocalOptions): TransportOptions {
  const headersTimeoutMs = wholeNumber("headersTimeoutMs", options.headersTimeoutMs, DEFAULT_TRANSPORT.headersTimeoutMs, 1);
  const requestTimeoutMs = wholeNumber("requestTimeoutMs", options.requestTimeoutMs, Math.max(DEFAULT_TRANSPORT.requestTimeoutMs, headersTimeoutMs), 1);
  // node:http refuses a head timeout longer than the whole-request timeout.
  if (headersTimeoutMs > requestTimeoutMs) throw new RangeError("headersTimeoutMs must not exceed requestTimeoutMs");
  const bodyBufferLimitBytes = wholeNumber("bodyBufferLimitBytes", options.bodyBufferLimitBytes, DEFAULT_TRANSPORT.bodyBufferLimitBytes, 0);
  return { headersTimeoutMs, requestTimeoutMs, bodyBufferLimitBytes };
}
