/**
 * SharedLook (store/postgres/shared-look.ts): reads that ask together share one look; while the
 * instance holds the sole-writer lease a look is reused — until it is invalidated (a write
 * committed, the lease changed hands) or older than the bound — and a look that was on its way when
 * it was invalidated is answered but never reused. The clock is injected: nothing sleeps.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SharedLook, type Look } from "../../src/store/postgres/shared-look.js";

/** A look function whose answers the test releases one by one. */
function database() {
  const asked: ((look: Look) => void)[] = [];
  let n = 0;
  return {
    asked,
    ask: () => new Promise<Look>((resolve) => asked.push(resolve)),
    /** Answers the oldest look asked and not yet answered with a new mark. */
    answer: () => asked.shift()!({ mark: `m${++n}`, nextDue: null }),
  };
}

/** Two turns of the event loop: a look queued behind the one that just returned is sent by then. */
const turn = async (): Promise<void> => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe("shared look", () => {
  it("shared look: reads that ask before the look is sent share it; without the lease the next read asks again", async () => {
    const db = database();
    const looks = new SharedLook(db.ask, { allowed: () => false, maxAgeMs: 1000, now: () => 0 });
    const a = looks.take();
    const b = looks.take();
    await turn();
    assert.equal(db.asked.length, 1);
    db.answer();
    assert.deepEqual([(await a).mark, (await b).mark], ["m1", "m1"]);
    const c = looks.take();
    await turn();
    assert.equal(db.asked.length, 1, "a new look for a later read");
    db.answer();
    assert.equal((await c).mark, "m2");
  });

  it("shared look: with the lease a look is reused until it is invalidated or older than the bound", async () => {
    const db = database();
    let now = 0;
    const looks = new SharedLook(db.ask, { allowed: () => true, maxAgeMs: 250, now: () => now });
    const first = looks.take();
    await turn();
    db.answer();
    assert.equal((await first).mark, "m1");
    now = 249;
    assert.equal((await looks.take()).mark, "m1", "reused: no look asked");
    assert.equal(db.asked.length, 0);
    looks.invalidate();
    const afterWrite = looks.take();
    await turn();
    assert.equal(db.asked.length, 1, "invalidated: a new look");
    db.answer();
    assert.equal((await afterWrite).mark, "m2");
    now = 249 + 250;
    const old = looks.take();
    await turn();
    assert.equal(db.asked.length, 1, "as old as the bound: a new look");
    db.answer();
    assert.equal((await old).mark, "m3");
  });

  it("shared look: a look on its way when it is invalidated answers its reads but is not reused", async () => {
    const db = database();
    const looks = new SharedLook(db.ask, { allowed: () => true, maxAgeMs: 1000, now: () => 0 });
    const before = looks.take();
    await turn();
    looks.invalidate(); // a write commits while the look is on its way
    db.answer();
    assert.equal((await before).mark, "m1");
    const after = looks.take();
    await turn();
    assert.equal(db.asked.length, 1, "the look sent before the write is not reused");
    db.answer();
    assert.equal((await after).mark, "m2");
  });

  it("shared look: a look is not reused once the lease is given up", async () => {
    const db = database();
    let leased = true;
    const looks = new SharedLook(db.ask, { allowed: () => leased, maxAgeMs: 1000, now: () => 0 });
    const first = looks.take();
    await turn();
    db.answer();
    await first;
    leased = false;
    const next = looks.take();
    await turn();
    assert.equal(db.asked.length, 1);
    db.answer();
    assert.equal((await next).mark, "m2");
  });
});
