/**
 * Scheduled-action schedules, as pure functions: `at(yyyy-mm-ddThh:mm:ss)` (one run, UTC) or
 * `cron(Minutes Hours Day-of-month Month Day-of-week Year)` (UTC), whose invocations must be at
 * least an hour apart (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ScheduledAction.html,
 * https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-scheduled-actions.html). The cron
 * dialect is the snapshot schedules' one (src/domain/snapshot-schedules/definitions.ts).
 */
import { invocationsOf, parseDefinition, ScheduleError, type ScheduleDefinition } from "../snapshot-schedules/definitions.js";

const HOUR = 3_600_000;

export type ActionSchedule = { readonly kind: "at"; readonly at: number } | { readonly kind: "cron"; readonly def: ScheduleDefinition };

/** Parses a schedule; throws `ScheduleError` saying what is wrong. */
export function parseActionSchedule(raw: string, now: number): ActionSchedule {
  const text = raw.trim();
  const at = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(text);
  if (at) {
    const [y, mo, d, h, mi, s] = at.slice(1).map(Number) as [number, number, number, number, number, number];
    const t = Date.UTC(y, mo - 1, d, h, mi, s);
    const back = new Date(t);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
      throw new ScheduleError(`'${raw}' is not a valid date and time`);
    }
    return { kind: "at", at: t };
  }
  if (!/^cron\(/i.test(text)) throw new ScheduleError("a schedule is at(yyyy-mm-ddThh:mm:ss) or cron(…)");
  const def = parseDefinition(text);
  const week = invocationsOf(def, now, now, 24 * 7);
  for (let i = 1; i < week.length; i++) {
    if (week[i]! - week[i - 1]! < HOUR) throw new ScheduleError("invocations must be at least one hour apart");
  }
  return { kind: "cron", def };
}

/** The next `count` invocations strictly after `after`, within [start, end] when given. */
export function actionInvocations(schedule: ActionSchedule, after: number, count: number, start?: number, end?: number): number[] {
  const from = start !== undefined ? Math.max(after, start - 1) : after;
  const all = schedule.kind === "at" ? (schedule.at > from ? [schedule.at] : []) : invocationsOf(schedule.def, from, from, count);
  return all.filter((t) => end === undefined || t <= end).slice(0, count);
}
