/**
 * The retry policy every backend applies to a transaction that lost a race with another process
 * (SQLite: the write lock is held; PostgreSQL: a serialization failure or a deadlock). The whole
 * transaction function runs again after an asynchronous backoff with full jitter, within a bound;
 * past it the caller gets AWS's retryable `Throttling`, never a 5xx.
 * https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
 */
import { Throttling, type AwsError } from "../domain/errors.js";
import type { RetryPolicy } from "./store.js";

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

/** Milliseconds to wait before attempt `attempt + 1`, or undefined when the bound is reached. */
export function nextDelay(policy: RetryPolicy, attempt: number, elapsedMs: number, random: () => number = Math.random): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const remaining = policy.budgetMs - elapsedMs;
  if (remaining <= 0) return undefined;
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.min(remaining, Math.max(1, Math.round(random() * cap)));
}

/** What a caller whose operation kept losing the race gets: "Rate exceeded", as AWS's throttled calls say. */
export function throttled(attempts: number, why: string): AwsError {
  return new Throttling(`Rate exceeded: ${why} (${attempts} attempts); retry the request.`);
}
