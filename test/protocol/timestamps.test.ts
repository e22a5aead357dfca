/**
 * isoTimestamp (src/protocol/encode.ts) formats every timestamp of every response: it must be
 * exactly Date.prototype.toISOString, which it replaces for speed, across days, years, leap days
 * and the edges where it hands over to Date (before 1970, from year 10000 on, non-integers).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isoTimestamp } from "../../src/protocol/encode.js";

describe("isoTimestamp", () => {
  it("timestamps: equals toISOString at the edges of days, years, leap days and of the fast range", () => {
    const edges = [
      0, 1, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, 86_399_999, 86_400_000, 951_782_400_000 /* 2000-02-29 */, 951_868_799_999,
      1_767_225_599_999 /* 2025-12-31T23:59:59.999Z */, 1_767_225_600_000, 253_402_300_799_999 /* 9999-12-31T23:59:59.999Z */,
      253_402_300_800_000, -1, -86_400_001, 1_764_400_000_000.7,
    ];
    for (const ms of edges) assert.equal(isoTimestamp(ms), new Date(ms).toISOString(), String(ms));
  });

  it("timestamps: equals toISOString for 100,000 times spread over the whole range, alternating between days", () => {
    // A deterministic spread (no Math.random): a linear congruential sequence over [0, 10000-01-01).
    let x = 12_345;
    for (let i = 0; i < 100_000; i++) {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      const ms = Math.floor((x / 2_147_483_648) * 253_402_300_800_000);
      assert.equal(isoTimestamp(ms), new Date(ms).toISOString(), String(ms));
    }
  });

  it("timestamps: an invalid time is refused as Date refuses it", () => {
    assert.throws(() => isoTimestamp(Number.NaN), RangeError);
  });
});
