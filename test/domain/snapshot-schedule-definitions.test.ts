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
      ["cron(0 1 L)"], // valid syntax, but monthly: less often than daily
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

  describe("the L, W and # wildcards (EventBridge cron syntax)", () => {
    const at = (def: string, count: number, after = T) => iso(nextInvocations([parseDefinition(def)], after, after, count));

    it("L in Day-of-month is the month's last day: 29 February in a leap year, 28 otherwise", () => {
      assert.deepEqual(at("cron(0 12 L 2 ? *)", 3), ["2026-02-28T12:00:00.000Z", "2027-02-28T12:00:00.000Z", "2028-02-29T12:00:00.000Z"]);
      assert.deepEqual(at("cron(30 6 L * ? 2026)", 3), ["2026-01-31T06:30:00.000Z", "2026-02-28T06:30:00.000Z", "2026-03-31T06:30:00.000Z"]);
    });

    it("dL in Day-of-week is the month's last such weekday (6L: the last Friday)", () => {
      assert.deepEqual(at("cron(0 18 ? * 6L *)", 3), ["2026-01-30T18:00:00.000Z", "2026-02-27T18:00:00.000Z", "2026-03-27T18:00:00.000Z"]);
      assert.deepEqual(at("cron(0 18 ? * FRIL *)", 1), ["2026-01-30T18:00:00.000Z"], "the day may be named");
    });

    it("a bare L in Day-of-week is the last day of the week, Saturday", () => {
      assert.deepEqual(at("cron(0 9 ? * L *)", 2), ["2026-01-10T09:00:00.000Z", "2026-01-17T09:00:00.000Z"]);
    });

    it("d#n in Day-of-week is the month's n-th such weekday (3#2: the second Tuesday)", () => {
      assert.deepEqual(at("cron(0 10 ? * 3#2 *)", 3), ["2026-01-13T10:00:00.000Z", "2026-02-10T10:00:00.000Z", "2026-03-10T10:00:00.000Z"]);
      assert.deepEqual(at("cron(0 10 ? * MON#5 *)", 2), ["2026-03-30T10:00:00.000Z", "2026-06-29T10:00:00.000Z"], "months without a fifth Monday are skipped");
    });

    it("nW is the weekday nearest day n, never leaving the month", () => {
      // 15 August 2026 is a Saturday: Friday the 14th; 15 November 2026 a Sunday: Monday the 16th.
      assert.deepEqual(at("cron(0 8 15W 8,11 ? 2026)", 2), ["2026-08-14T08:00:00.000Z", "2026-11-16T08:00:00.000Z"]);
      // 1 August 2026 is a Saturday: Monday the 3rd, not Friday 31 July.
      assert.deepEqual(at("cron(0 8 1W 8 ? 2026)", 1), ["2026-08-03T08:00:00.000Z"]);
      // 31 May 2026 is a Sunday: Friday the 29th, not Monday 1 June; April has no 31st.
      assert.deepEqual(at("cron(0 8 31W 4,5 ? 2026)", 2), ["2026-05-29T08:00:00.000Z"]);
      // A weekday stays: 15 January 2026 is a Thursday.
      assert.deepEqual(at("cron(0 8 15W * ? *)", 1), ["2026-01-15T08:00:00.000Z"]);
    });

    it("refuses what the syntax does not allow", () => {
      for (const bad of [
        "cron(0 1 LW * ? *)",
        "cron(0 1 L-3 * ? *)",
        "cron(0 1 1-5W * ? *)",
        "cron(0 1 1,15W * ? *)",
        "cron(0 1 32W * ? *)",
        "cron(0 1 0W * ? *)",
        "cron(0 1 ? * 3#6 *)",
        "cron(0 1 ? * 3#0 *)",
        "cron(0 1 ? * 8#1 *)",
        "cron(0 1 ? * 3#1,6#3 *)",
        "cron(0 1 ? * 6L,2 *)",
        "cron(0 1 ? * 1-3L *)",
        "cron(0 1 L * 6L *)",
        "cron(0 1 15W * 2 *)",
        "cron(L 1 * * ? *)",
        "cron(0 L * * ? *)",
        "cron(0 1 * L ? *)",
        "cron(0 1 * * ? L)",
        "cron(0 1 W * ? *)",
        "cron(0 1 ? * # *)",
      ]) {
        assert.throws(() => parseDefinition(bad), ScheduleError, bad);
      }
    });

    it("a snapshot schedule takes them next to a daily definition (alone they are less often than daily)", () => {
      const defs = ["cron(0 0 *)", "cron(0 12 L)"];
      assert.deepEqual(next(defs, 3, Date.UTC(2026, 0, 30, 10, 0), Date.UTC(2026, 0, 30, 10, 0)), [
        "2026-01-31T00:00:00.000Z",
        "2026-01-31T12:00:00.000Z",
        "2026-02-01T00:00:00.000Z",
      ]);
      assert.throws(() => parseDefinitions(["cron(0 12 L)"], T), ScheduleError);
    });
  });
});
