/**
 * Lock contention between processes sharing one database file. better-sqlite3 is synchronous, so
 * SQLite's own `busy_timeout` wait would block this process's event loop (every client, not just
 * the waiting request). Instead the connection fails at once (`busy_timeout = 0`) and the store
 * rolls the transaction back and runs the whole operation again after an asynchronous backoff
 * (store/retry.ts, shared with PostgreSQL), within a bound; past it the caller gets `Throttling`.
 */
import type { AwsError } from "../../domain/errors.js";
import { throttled } from "../retry.js";

export { DEFAULT_RETRY, nextDelay, resolveRetry } from "../retry.js";

/** SQLITE_BUSY (another connection holds the lock) and SQLITE_LOCKED (a shared-cache/table lock), with their extended codes. */
export function isContention(err: unknown): boolean {
  if (typeof err !== "object" || err === null || !("code" in err)) return false;
  const code = String(err.code);
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

export function contentionError(attempts: number): AwsError {
  return throttled(attempts, "the database is locked by another process sharing the data directory");
}
