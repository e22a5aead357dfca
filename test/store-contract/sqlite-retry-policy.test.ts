/**
 * The backoff between attempts when another process holds the SQLite write lock: exponential with
 * full jitter, capped, and bounded in attempts and in total time (counted, never timed).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_RETRY, isContention, nextDelay, resolveRetry } from "../../src/store/sqlite/contention.js";

describe("sqlite retry policy", () => {
  it("retry policy: delays double up to the cap, jittered below it, and stop at maxAttempts", () => {
    const policy = resolveRetry({ initialDelayMs: 2, maxDelayMs: 16, maxAttempts: 6, budgetMs: 1_000_000 });
    const top = (attempt: number) => nextDelay(policy, attempt, 0, () => 1);
    assert.deepEqual([1, 2, 3, 4, 5].map(top), [2, 4, 8, 16, 16]);
    assert.equal(top(6), undefined, "6 attempts in all");
    for (let attempt = 1; attempt < 6; attempt++) {
      const d = nextDelay(policy, attempt, 0, () => 0);
      assert.equal(d, 1, "never a zero delay (no busy loop)");
    }
  });

  it("retry policy: the total wait never exceeds the budget", () => {
    const policy = resolveRetry({ budgetMs: 100, maxDelayMs: 60, initialDelayMs: 60, maxAttempts: 1000 });
    let elapsed = 0;
    let attempts = 1;
    for (let d = nextDelay(policy, attempts, elapsed, () => 1); d !== undefined; d = nextDelay(policy, ++attempts, elapsed, () => 1)) elapsed += d;
    assert.equal(elapsed, 100);
    assert.equal(attempts, 3);
  });

  it("retry policy: the default bound is about 5 s; nonsense values are refused", () => {
    assert.equal(DEFAULT_RETRY.budgetMs, 5000);
    assert.throws(() => resolveRetry({ maxAttempts: 0 }), /at least 1/);
    assert.throws(() => resolveRetry({ budgetMs: -1 }), /non-negative/);
    assert.throws(() => resolveRetry({ maxDelayMs: Number.NaN }), /non-negative/);
  });

  it("retry policy: only SQLITE_BUSY and SQLITE_LOCKED (and their extended codes) are contention", () => {
    for (const code of ["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY", "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE"]) {
      assert.equal(isContention(Object.assign(new Error(code), { code })), true, code);
    }
    for (const err of [new Error("x"), Object.assign(new Error("c"), { code: "SQLITE_CONSTRAINT" }), Object.assign(new Error("r"), { code: "SQLITE_READONLY" }), null, "SQLITE_BUSY"]) {
      assert.equal(isContention(err), false, String(err));
    }
  });
});
