/**
 * What a PostgreSQL error means for the store: a lost race to retry, a lost connection (AWS's
 * retryable 503 ServiceUnavailable), or anything else (an internal error).
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */

/** serialization_failure, deadlock_detected, lock_not_available (our lock_timeout). */
const RACE = new Set(["40001", "40P01", "55P03"]);

/** unique_violation: under SERIALIZABLE it may stand for a race (see postgres-store.ts). */
export const UNIQUE_VIOLATION = "23505";

/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, and class 08 (connection exception). */
const CONNECTION_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);

function codeOf(err: unknown): string {
  return typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
}

export function isRace(err: unknown): boolean {
  return RACE.has(codeOf(err));
}

export function isUniqueViolation(err: unknown): boolean {
  return codeOf(err) === UNIQUE_VIOLATION;
}

/** The database cannot be reached or dropped the connection: nothing about the request itself. */
export function isConnectionError(err: unknown): boolean {
  const code = codeOf(err);
  if (CONNECTION_CODES.has(code) || code.startsWith("08") || NETWORK_CODES.has(code)) return true;
  if (err instanceof AggregateError) return err.errors.some(isConnectionError);
  if (!(err instanceof Error)) return false;
  // pg's own errors for a dropped socket or a pool that cannot connect in time carry no code.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(
    err.message,
  );
}

/** One line for /health and the logs, without anything of the URL. */
export function describeConnectionError(err: unknown): string {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message || (err instanceof AggregateError ? err.errors.map((e: Error) => e.message).join("; ") : "") : String(err);
  return `the PostgreSQL database is unreachable: ${message}${code && !message.includes(code) ? ` (${code})` : ""}`;
}

/** No turn at the write gate within the gate timeout: retried like PostgreSQL's own lock timeout (55P03). */
export class NoTurn extends Error {
  readonly code = "55P03";
  constructor(timeoutMs: number) {
    super(`no turn at the write gate within ${timeoutMs} ms`);
  }
}

/** A connection-level failure of one attempt; `beforeCommit`: COMMIT was not sent, so nothing was applied. */
export class AttemptFailed extends Error {
  readonly beforeCommit: boolean;
  constructor(cause: unknown, beforeCommit: boolean) {
    super("connection failed", { cause });
    this.beforeCommit = beforeCommit;
  }
}
