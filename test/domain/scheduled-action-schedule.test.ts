import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ScheduleError } from "../../src/domain/snapshot-schedules/definitions.js";
import { actionInvocations, parseActionSchedule } from "../../src/domain/scheduled-actions/schedule.js";

const T = Date.UTC(2026, 0, 5, 10, 0, 0); // Monday
const iso = (ts: number[]) => ts.map((t) => new Date(t).toISOString());

describe("scheduled action schedules", () => {
  it("at() runs once, strictly after the instant asked about", () => {
    const s = parseActionSchedule("at(2026-01-05T11:30:00)", T);
    assert.deepEqual(iso(actionInvocations(s, T, 3)), ["2026-01-05T11:30:00.000Z"]);
    assert.deepEqual(actionInvocations(s, Date.UTC(2026, 0, 5, 11, 30), 3), []);
  });

  it("cron in the six-field form, with week days, bounded by StartTime and EndTime", () => {
    const s = parseActionSchedule("cron(0 10 ? * MON-FRI *)", T);
    assert.deepEqual(iso(actionInvocations(s, T, 3)), ["2026-01-06T10:00:00.000Z", "2026-01-07T10:00:00.000Z", "2026-01-08T10:00:00.000Z"]);
    assert.deepEqual(iso(actionInvocations(s, T, 3, Date.UTC(2026, 0, 8, 10, 0), Date.UTC(2026, 0, 9, 12, 0))), [
      "2026-01-08T10:00:00.000Z",
      "2026-01-09T10:00:00.000Z",
    ]);
    assert.deepEqual(iso(actionInvocations(s, Date.UTC(2026, 0, 9, 11, 0), 2)), ["2026-01-12T10:00:00.000Z", "2026-01-13T10:00:00.000Z"], "skips the weekend");
  });

  it("refuses rate(), impossible dates, more than one run an hour, and anything else", () => {
    for (const bad of ["rate(1 hour)", "at(2026-02-30T00:00:00)", "at(2026-01-01T24:00:00)", "at(2026-01-01 00:00:00)", "cron(0,30 * * * ? *)", "cron(* 1 * * ? *)", "now"]) {
      assert.throws(() => parseActionSchedule(bad, T), ScheduleError, bad);
    }
  });
});
