/**
 * WriteTurns (store/postgres/write-turns.ts), the per-instance queue in front of PostgreSQL's write
 * gate: at most `limit` turns at once, handed over in arrival order, each ended once, and a wait
 * bounded by its timeout (node:test's mock timers: nothing sleeps).
 */
import assert from "node:assert/strict";
import { describe, it, mock } from "node:test";
import { WriteTurns } from "../../src/store/postgres/write-turns.js";

describe("write turns", () => {
  it("write turns: at most the limit at once; the others get theirs in arrival order as turns end", async () => {
    const turns = new WriteTurns(2);
    const a = (await turns.take(1000))!;
    const b = (await turns.take(1000))!;
    const order: string[] = [];
    const c = turns.take(1000).then((end) => (order.push("c"), end!));
    const d = turns.take(1000).then((end) => (order.push("d"), end!));
    await Promise.resolve();
    assert.deepEqual(order, []);
    assert.equal(turns.waiting, 2);
    b();
    b(); // a turn ends once: ending it again hands nothing over
    const endC = await c;
    assert.deepEqual(order, ["c"]);
    assert.equal(turns.waiting, 1);
    a();
    const endD = await d;
    assert.deepEqual(order, ["c", "d"]);
    endC();
    endD();
    // Both turns are free again.
    assert.ok(await turns.take(1000));
    assert.ok(await turns.take(1000));
    assert.equal(turns.waiting, 0);
  });

  it("write turns: a wait past its timeout resolves undefined and leaves the queue; later turns are unaffected", async () => {
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      const turns = new WriteTurns(1);
      const held = (await turns.take(50))!;
      const late = turns.take(50);
      const patient = turns.take(10_000);
      mock.timers.tick(50);
      assert.equal(await late, undefined);
      assert.equal(turns.waiting, 1);
      held();
      const end = await patient;
      assert.equal(typeof end, "function");
      assert.equal(turns.waiting, 0);
    } finally {
      mock.timers.reset();
    }
  });

  it("write turns: the limit is a positive integer", () => {
    assert.throws(() => new WriteTurns(0), RangeError);
    assert.throws(() => new WriteTurns(1.5), RangeError);
  });
});
