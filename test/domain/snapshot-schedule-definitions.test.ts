import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nextInvocations, parseDefinition, parseDefinitions, ScheduleError } from "../../src/domain/snapshot-schedules/definitions.js";

const T = Date.UTC(2026, 0, 5, 10, 20, 0); // Monday 2026-01-05 10:20 UTC
const iso = (ts: number[]) => ts.map((t) => new Date(t).toISOString());
const next = (defs: string[], count = 3, anchor = T, after = T) => iso(nextInvocations(parseDefinitions(defs, anchor), anchor, after, count));

describe("snapshot schedule definitions", () => {
  it("rate(N hours) counts from the top of the hour of the anchor", () => {
    assert.deepEqual(next(["rate(12 hours)"]), ["2026-01-05T22:00:00.000Z", "2026-01-06T10:00:00.000Z", "2026-01-06T22:00:00.000Z"]);
    assert.deepEqual(next(["rate(1 hour)"], 2), ["2026-01-05T11:00:00.000Z", "2026-01-05T12:00:00.000Z"]);
    assert.deepEqual(next(["rate(1 day)"], 1), ["2026-01-06T10:00:00.000Z"]);
  });

  it("rate(): later instants continue the same series", () => {
    assert.deepEqual(next(["rate(12 hours)"], 2, T, Date.UTC(2026, 0, 6, 10, 0)), ["2026-01-06T22:00:00.000Z", "2026-01-07T10:00:00.000Z"]);
  });

  it("cron with three fields (Minutes Hours Day-of-month) runs every day at that time", () => {
    assert.deepEqual(next(["cron(30 12 *)"], 2), ["2026-01-05T12:30:00.000Z", "2026-01-06T12:30:00.000Z"]);
  });

  it("cron with lists, ranges, increments and names", () => {
    assert.deepEqual(next(["cron(0 0,12 *)"], 3), ["2026-01-05T12:00:00.000Z", "2026-01-06T00:00:00.000Z", "2026-01-06T12:00:00.000Z"]);
    assert.deepEqual(next(["cron(0 1/10 *)"], 3), ["2026-01-05T11:00:00.000Z", "2026-01-05T21:00:00.000Z", "2026-01-06T01:00:00.000Z"]);
    assert.deepEqual(next(["cron(15 6-8 * JAN ? 2026)"], 4), [
      "2026-01-06T06:15:00.000Z",
      "2026-01-06T07:15:00.000Z",
      "2026-01-06T08:15:00.000Z",
      "2026-01-07T06:15:00.000Z",
    ]);
  });

  it("several definitions merge into one ordered list", () => {
    assert.deepEqual(next(["cron(0 23 *)", "cron(0 11 *)"], 3), ["2026-01-05T11:00:00.000Z", "2026-01-05T23:00:00.000Z", "2026-01-06T11:00:00.000Z"]);
  });

  it("a cron naming a past year never fires", () => {
    assert.deepEqual(iso(nextInvocations([parseDefinition("cron(0 * * * ? 2020)")], T, T, 3)), []);
  });

  it("refuses what AWS refuses: more often than hourly, less often than daily, overlaps, bad syntax", () => {
    const bad = [
      [],
      ["rate(30 minutes)"],
      ["rate(0 hours)"],
      ["rate(2 days)"],
      ["rate(25 hours)"],
      ["rate(12)"],
      ["cron(* 1 *)"],
      ["cron(0,30 1 *)"],
      ["cron(0 24 *)"],
      ["cron(60 1 *)"],
      ["cron(0 1)"],
      ["cron(0 1 * * * * *)"],
      ["cron(0 1 1 * MON)"],
      ["cron(0 1 L)"],
      ["cron(0 1 ? * 3#2)"],
      ["cron(0 12 ? * MON)"],
      ["cron(0 12 *)", "cron(30 12 *)"],
      ["rate(1 hour)", "cron(30 12 *)"],
      ["every day"],
      ["cron(0 1 * FOO)"],
    ];
    for (const defs of bad) assert.throws(() => parseDefinitions(defs, T), ScheduleError, JSON.stringify(defs));
  });

  it("accepts AWS's documented examples", () => {
    for (const d of ["rate(12 hours)", "rate(1 day)", "rate(24 hours)", "cron(30 12 *)", "cron(0 0,12 *)", "cron(0 */2 * * ? *)", "cron(15 3 ? * * *)"]) {
      assert.doesNotThrow(() => parseDefinitions([d], T), d);
    }
  });
});
