/**
 * The body buffer budget (src/server/body-budget.ts), counted in bytes: reservations never take
 * more than is left, grow for chunked bodies, and give everything back exactly once.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BodyBudget } from "../../src/server/body-budget.js";

describe("body budget", () => {
  it("body budget: a reservation that does not fit takes nothing", () => {
    const budget = new BodyBudget(100);
    const a = budget.open();
    assert.ok(a.growTo(60));
    const b = budget.open();
    assert.equal(b.growTo(41), false);
    assert.equal(budget.reserved, 60);
    assert.ok(b.growTo(40));
    assert.equal(budget.reserved, 100);
  });

  it("body budget: a growing reservation takes only the difference, and release gives it all back once", () => {
    const budget = new BodyBudget(100);
    const r = budget.open();
    for (const size of [10, 30, 30, 70]) assert.ok(r.growTo(size));
    assert.equal(budget.reserved, 70);
    assert.equal(r.growTo(101), false);
    assert.equal(budget.reserved, 70);
    r.release();
    r.release();
    assert.equal(budget.reserved, 0);
    assert.equal(r.growTo(10), false, "a released reservation takes nothing more");
    assert.equal(budget.reserved, 0);
  });

  it("body budget: 1,000 reservations of 1 MiB − 1 against 64 MiB hold 64 and refuse the rest", () => {
    const budget = new BodyBudget(64 * 1024 * 1024);
    const held = Array.from({ length: 1000 }, () => budget.open()).filter((r) => r.growTo(1024 * 1024 - 1));
    assert.equal(held.length, 64);
    assert.ok(budget.reserved <= budget.limit);
    for (const r of held) r.release();
    assert.equal(budget.reserved, 0);
  });
});
