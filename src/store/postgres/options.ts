/**
 * The PostgreSQL store's options, their defaults and their checks, and the statements that open a
 * write transaction (postgres-store.ts describes the model they implement).
 */
import type { RetryEvent, RetryPolicy } from "../store.js";

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database` (libpq-style parameters in the query string as `pg` reads them). */
  readonly url: string;
  /** Connections per instance; default 10. */
  readonly poolSize?: number | undefined;
  /** Schema for the tables (created if missing); default: the connection's own search_path (usually `public`). */
  readonly schema?: string | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Called before each retry (logs, tests). */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /**
   * How long one statement waits for a row lock before the attempt is retried with backoff
   * (default 200 ms): a transaction left open elsewhere costs a bounded wait, then `Throttling`.
   */
  readonly lockTimeoutMs?: number | undefined;
  /**
   * How long a write transaction waits for its turn at the write gate before the attempt is
   * retried with backoff (default 2,000 ms): the queue of writers of every instance, each holding
   * the gate for a few milliseconds, passes well within it; a gate held elsewhere costs a bounded
   * wait, then `Throttling`.
   */
  readonly gateTimeoutMs?: number | undefined;
  /**
   * A write transaction idle this long between two of its statements (default 30,000 ms) has its
   * session ended by PostgreSQL (`idle_in_transaction_session_timeout`), which releases the write
   * gate: an instance that freezes while holding it (a paused VM, a stopped process) stalls the
   * other writers for a bounded time, not until its TCP connection times out.
   */
  readonly idleInTransactionTimeoutMs?: number | undefined;
  /** `application_name` of the connections, as pg_stat_activity shows them; default "redshift-local". */
  readonly applicationName?: string | undefined;
  /**
   * While this instance is the only one writing (sole-lease.ts), how long its reads reuse one look at
   * the database (default 250 ms): what a session of your own writes to the tables is seen within it.
   * 0: never reuse a look, and never take the lease.
   */
  readonly lookReuseMs?: number | undefined;
}

export const DEFAULT_POOL_SIZE = 10;
const DEFAULT_LOCK_TIMEOUT_MS = 200;
const DEFAULT_GATE_TIMEOUT_MS = 2000;
const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;
const DEFAULT_LOOK_REUSE_MS = 250;
/** Write transactions of one instance at the database at once (write-turns.ts). */
const WRITERS_AT_THE_DATABASE = 2;
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The checked numbers of a store, defaults applied. */
export interface Limits {
  readonly poolSize: number;
  readonly gateTimeoutMs: number;
  /** A stopped holder of the write gate or of the sole-writer lease loses its session after this long. */
  readonly idleTimeoutMs: number;
  /** 0: looks are never reused and the lease is never taken. */
  readonly lookReuseMs: number;
  /** Write transactions of this instance at the database at once. */
  readonly writersAtTheDatabase: number;
  /**
   * What opens a write transaction, in one round trip. Neither SET nor LOCK takes the
   * transaction's snapshot (the first query after them does): the writer queues at the gate first
   * and sees every write committed before its turn.
   */
  readonly beginWrite: string;
  /**
   * `statement`, a wait of a write transaction that is a turn at the gate (the gate itself, the
   * sole-writer lease's key), bounded by the gate's timeout; the transaction's later statements
   * wait for row locks up to the lock timeout again.
   */
  readonly gateWait: (statement: string) => string;
}

/** Throws a RangeError naming the first option out of range. */
export function checkOptions(options: PostgresOptions): Limits {
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000) throw new RangeError("poolSize must be an integer from 1 to 1000");
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new RangeError(`schema '${options.schema}' must be a plain identifier (letters, digits, _; at most 63)`);
  }
  const lockTimeout = positive(options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, "lockTimeoutMs");
  const gateTimeout = positive(options.gateTimeoutMs ?? DEFAULT_GATE_TIMEOUT_MS, "gateTimeoutMs");
  const idleTimeout = positive(options.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS, "idleInTransactionTimeoutMs");
  const lookReuseMs = options.lookReuseMs ?? DEFAULT_LOOK_REUSE_MS;
  if (!Number.isInteger(lookReuseMs) || lookReuseMs < 0) throw new RangeError("lookReuseMs must be a non-negative integer");
  const gateWait = (statement: string): string => `SET LOCAL lock_timeout = ${gateTimeout}; ${statement}; SET LOCAL lock_timeout = ${lockTimeout}`;
  return {
    poolSize,
    gateTimeoutMs: gateTimeout,
    idleTimeoutMs: idleTimeout,
    lookReuseMs,
    // One writer holding the gate and one queued behind it; every other connection stays free for reads.
    writersAtTheDatabase: Math.max(1, Math.min(WRITERS_AT_THE_DATABASE, poolSize - 1)),
    beginWrite:
      `BEGIN ISOLATION LEVEL SERIALIZABLE; SET LOCAL idle_in_transaction_session_timeout = ${idleTimeout}; ` +
      gateWait("LOCK TABLE write_gate IN EXCLUSIVE MODE"),
    gateWait,
  };
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

/** The `application_name` a connection URL names, if any. */
export function applicationNameIn(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get("application_name") ?? undefined;
  } catch {
    return undefined;
  }
}

/** The URL without its password (for /health, logs and errors); an unparsable URL is not echoed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "";
    for (const key of [...u.searchParams.keys()]) if (/password|passwd|sslkey/i.test(key)) u.searchParams.set(key, "***");
    return u.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}
