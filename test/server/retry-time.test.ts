/**
 * A transaction function the store runs again (contention, a PostgreSQL serialization failure)
 * takes the clock again: the transaction it lost to may have committed a transition due after this
 * request arrived, and the retry must see it settled when due, as a new request would.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ManualClock } from "../../src/domain/clock.js";
import type { App } from "../../src/server/app.js";
import { runOperation } from "../../src/server/pipeline.js";
import type { AnyOperation } from "../../src/services/operation.js";
import type { Store, Tx } from "../../src/store/store.js";

/** A store that runs each transaction function `runs` times (the first runs "lose" to a concurrent one), recording the probe times. */
function retryingStore(runs: number, clock: ManualClock, probes: number[]): Store {
  const tx = { anyDue: async (now: number) => (probes.push(now), false) } as unknown as Tx;
  const run = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    for (let i = 1; i < runs; i++) {
      await fn(tx);
      clock.advance(1_000); // the winner commits; time passes before the retry
    }
    return fn(tx);
  };
  return { transact: run, read: run } as unknown as Store;
}

function appWith(store: Store, clock: ManualClock): App {
  return { store, clock, quotas: {}, delays: {} } as unknown as App;
}

const identity = { account: "111111111111", region: "us-east-1", accessKeyId: "111111111111" };

describe("pipeline: time of a retried transaction", () => {
  for (const readOnly of [false, true]) {
    it(`a ${readOnly ? "read-only" : "write"} operation retried by the store runs its retry at the clock's later time, and the first run at the request's`, async () => {
      const clock = new ManualClock(Date.UTC(2026, 0, 1));
      const start = clock.now();
      const probes: number[] = [];
      const seen: number[] = [];
      const op = { readOnly, handler: async (ctx: { now: number }) => (seen.push(ctx.now), { At: ctx.now }) } as unknown as AnyOperation;
      const out = await runOperation(appWith(retryingStore(3, clock, probes), clock), op, {}, { identity, requestId: "r", now: start });
      assert.deepEqual(seen, [start, start + 1_000, start + 2_000]);
      assert.deepEqual(out, { At: start + 2_000 });
      assert.deepEqual(probes, [start, start + 1_000, start + 2_000], "each run asks what is due at its own time");
    });
  }

  it("the time never goes back, even if the clock does", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const seen: number[] = [];
    const op = { readOnly: false, handler: async (ctx: { now: number }) => (seen.push(ctx.now), undefined) } as unknown as AnyOperation;
    const late = clock.now() + 5_000; // the request's time is ahead of the clock it is retried with
    await runOperation(appWith(retryingStore(2, clock, []), clock), op, {}, { identity, requestId: "r", now: late });
    assert.deepEqual(seen, [late, late]);
  });
});
