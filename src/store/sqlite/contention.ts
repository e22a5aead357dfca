/**
 * Lock contention between processes sharing one database file. better-sqlite3 is synchronous, so
 * SQLite's own `busy_timeout` wait would block this process's event loop (every client, not just
 * the waiting request). Instead the connection fails at once (`busy_timeout = 0`) and the store
 * rolls the transaction back and runs the whole operation again after an asynchronous backoff
 * with full jitter, within a bound; past it the caller gets AWS's retryable `Throttling`.
 * https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
 */
import { Throttling, type AwsError } from "../../domain/errors.js";
import type { RetryPolicy } from "../store.js";

/** ~5 s, like SQLite's usual busy_timeout, without blocking anyone while waiting. */
export const DEFAULT_RETRY: RetryPolicy = { budgetMs: 5000, maxAttempts: 200, initialDelayMs: 2, maxDelayMs: 100 };

export function resolveRetry(policy: Partial<RetryPolicy> | undefined): RetryPolicy {
  const p = { ...DEFAULT_RETRY, ...policy };
  for (const [name, value] of Object.entries(p)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry.${name} must be a non-negative number`);
  }
  if (p.maxAttempts < 1) throw new RangeError("retry.maxAttempts must be at least 1");
  return p;
}

/** SQLITE_BUSY (another connection holds the lock) and SQLITE_LOCKED (a shared-cache/table lock), with their extended codes. */
export function isContention(err: unknown): boolean {
  if (typeof err !== "object" || err === null || !("code" in err)) return false;
  const code = String(err.code);
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

/** Milliseconds to wait before attempt `attempt + 1`, or undefined when the bound is reached. */
export function nextDelay(policy: RetryPolicy, attempt: number, elapsedMs: number, random: () => number = Math.random): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const remaining = policy.budgetMs - elapsedMs;
  if (remaining <= 0) return undefined;
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.min(remaining, Math.max(1, Math.round(random() * cap)));
}

export function contentionError(attempts: number): AwsError {
  return new Throttling(
    `Rate exceeded: the database is locked by another process sharing the data directory (${attempts} attempts); retry the request.`,
  );
}
