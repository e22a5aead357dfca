/**
 * Snapshot-schedule definitions, as pure functions: parsing `rate(N hours)` / `rate(N days)` and
 * `cron(Minutes Hours Day-of-month [Month [Day-of-week [Year]]])`, and the next invocations of a set of
 * definitions after an instant (all times UTC). Rules from "Automated snapshot schedules"
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html#automated-snapshot-schedules):
 * snapshots at most once an hour and at least once a day (24 hours); cron fields take `, - * /`
 * (and `?` in the day fields); definitions whose invocations fall within one hour of each other are
 * refused. The day fields also take the EventBridge wildcards the same page lists
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html): `L` (last day
 * of the month), `nW` (the weekday nearest day n, within the month) in Day-of-month; `L` (Saturday),
 * `dL` (the month's last weekday d) and `d#n` (its n-th weekday d) in Day-of-week, each alone in its
 * field. Decisions where AWS is silent (docs/differences-from-aws.md, Snapshot schedules): a
 * `rate()` counts from the top of the hour the schedule was created or last modified; `nW` for a day
 * the month does not have, like `31` in April, does not fire that month; `LW` and `L-n` are refused.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

export type ScheduleDefinition =
  | { readonly kind: "rate"; readonly everyMs: number }
  | {
      readonly kind: "cron";
      readonly minutes: ReadonlySet<number>;
      readonly hours: ReadonlySet<number>;
      /** undefined: any (`*` or `?`). */
      readonly daysOfMonth: ReadonlySet<number> | undefined;
      readonly months: ReadonlySet<number>;
      /** 1 = Sunday … 7 = Saturday; undefined: any. */
      readonly daysOfWeek: ReadonlySet<number> | undefined;
      readonly years: ReadonlySet<number> | undefined;
      /** `L` or `nW` in Day-of-month (then `daysOfMonth` is undefined). */
      readonly dayOfMonthRule?: DayOfMonthRule | undefined;
      /** `dL` or `d#n` in Day-of-week (then `daysOfWeek` is undefined). */
      readonly dayOfWeekRule?: DayOfWeekRule | undefined;
    };

/** The last day of the month, or the weekday (Monday–Friday) nearest `day` within the month. */
export type DayOfMonthRule = { readonly kind: "last" } | { readonly kind: "nearest-weekday"; readonly day: number };
/** The month's last weekday `dow` (1 = Sunday … 7 = Saturday), or its `n`-th one (1–5). */
export type DayOfWeekRule = { readonly kind: "last"; readonly dow: number } | { readonly kind: "nth"; readonly dow: number; readonly n: number };

/** Why a definition is refused (the caller turns it into `InvalidSchedule`). */
export class ScheduleError extends Error {}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

/** One cron field: `*`, `?` (day fields), values, names, `a-b`, `x/step`, lists; undefined = any. */
function field(raw: string, lo: number, hi: number, what: string, names?: string[], question = false): Set<number> | undefined {
  if (raw === "?") {
    if (!question) throw new ScheduleError(`'?' is not allowed in the ${what} field`);
    return undefined;
  }
  if (raw === "*") return undefined;
  const parts = raw.split(",");
  if (parts.length > 24) throw new ScheduleError(`at most 24 values in the ${what} field`);
  const value = (v: string): number => {
    const named = names?.indexOf(v.toUpperCase()) ?? -1;
    const n = named >= 0 ? named + (lo === 0 ? 0 : 1) : /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < lo || n > hi) throw new ScheduleError(`'${v}' is not a valid ${what} (${lo}-${hi})`);
    return n;
  };
  const out = new Set<number>();
  for (const part of parts) {
    const [base, stepRaw, extra] = part.split("/");
    if (extra !== undefined || base === undefined || base === "") throw new ScheduleError(`'${part}' is not a valid ${what}`);
    let step = 1;
    if (stepRaw !== undefined) {
      if (!/^\d+$/.test(stepRaw) || Number(stepRaw) < 1) throw new ScheduleError(`'${part}' has an invalid increment`);
      step = Number(stepRaw);
    }
    let from: number;
    let to: number;
    if (base === "*") [from, to] = [lo, hi];
    else if (base.includes("-")) {
      const [a, b, more] = base.split("-");
      if (more !== undefined || a === undefined || b === undefined) throw new ScheduleError(`'${part}' is not a valid ${what} range`);
      [from, to] = [value(a), value(b)];
      if (from > to) throw new ScheduleError(`'${part}' is not a valid ${what} range`);
    } else {
      from = value(base);
      to = stepRaw === undefined ? from : hi;
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

/** Parses one definition; throws `ScheduleError` saying what is wrong. */
export function parseDefinition(raw: string): ScheduleDefinition {
  const text = raw.trim();
  const rate = /^rate\(\s*(\d+)\s+(hour|hours|day|days)\s*\)$/i.exec(text);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2]!.toLowerCase().startsWith("hour") ? HOUR : DAY;
    const everyMs = n * unit;
    if (n < 1 || everyMs < HOUR) throw new ScheduleError("snapshots can be scheduled at most once an hour");
    if (everyMs > DAY) throw new ScheduleError("snapshots must be scheduled at least once a day (24 hours)");
    return { kind: "rate", everyMs };
  }
  if (/^rate\(/i.test(text)) throw new ScheduleError("a rate is rate(N hours) or rate(N days)");
  const cron = /^cron\((.*)\)$/i.exec(text);
  if (!cron) throw new ScheduleError("a definition is rate(…) or cron(…)");
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length < 3 || fields.length > 6) throw new ScheduleError("cron takes Minutes Hours Day-of-month [Month [Day-of-week [Year]]]");
  const [mi, h, dom, mon = "*", dow = "*", year = "*"] = fields as [string, string, string, string?, string?, string?];
  const minutes = field(mi, 0, 59, "minute") ?? new Set(range(0, 59));
  if (minutes.size !== 1) throw new ScheduleError("snapshots can be scheduled at most once an hour");
  const dayOfMonthRule = dayOfMonthRuleOf(dom);
  const dayOfWeekRule = dayOfWeekRuleOf(dow);
  const def: ScheduleDefinition = {
    kind: "cron",
    minutes,
    hours: field(h, 0, 23, "hour") ?? new Set(range(0, 23)),
    daysOfMonth: dayOfMonthRule === undefined ? field(dom, 1, 31, "day of month", undefined, true) : undefined,
    months: field(mon, 1, 12, "month", MONTHS) ?? new Set(range(1, 12)),
    // A bare `L` in Day-of-week is the last day of the week, Saturday.
    daysOfWeek: dayOfWeekRule === undefined ? (dow.toUpperCase() === "L" ? new Set([7]) : field(dow, 1, 7, "day of week", DAYS, true)) : undefined,
    years: field(year, 1970, 2199, "year"),
    dayOfMonthRule,
    dayOfWeekRule,
  };
  const domGiven = def.daysOfMonth !== undefined || dayOfMonthRule !== undefined;
  const dowGiven = def.daysOfWeek !== undefined || dayOfWeekRule !== undefined;
  if (domGiven && dowGiven) {
    throw new ScheduleError("Day-of-month and Day-of-week cannot both be given: one of them must be ? or *");
  }
  return def;
}

/** `L` or `nW` (alone in the field), else undefined; other uses of `L` and `W` are refused. */
function dayOfMonthRuleOf(raw: string): DayOfMonthRule | undefined {
  const text = raw.toUpperCase();
  if (text === "L") return { kind: "last" };
  const w = /^(\d{1,2})W$/.exec(text);
  if (w) {
    const day = Number(w[1]);
    if (day < 1 || day > 31) throw new ScheduleError(`'${raw}' is not a valid day of month (1-31)`);
    return { kind: "nearest-weekday", day };
  }
  if (/[LW]/.test(text)) throw new ScheduleError(`'${raw}': L and nW stand alone in the day-of-month field`);
  return undefined;
}

/** `dL` or `d#n` (alone in the field), else undefined; other uses of `L` and `#` are refused. */
function dayOfWeekRuleOf(raw: string): DayOfWeekRule | undefined {
  const text = raw.toUpperCase();
  if (text === "L") return undefined;
  const day = (v: string): number => {
    const named = DAYS.indexOf(v);
    const n = named >= 0 ? named + 1 : /^\d$/.test(v) ? Number(v) : NaN;
    if (!(n >= 1 && n <= 7)) throw new ScheduleError(`'${raw}' is not a valid day of week (1-7 or SUN-SAT)`);
    return n;
  };
  const last = /^([A-Z]{3}|\d)L$/.exec(text);
  if (last) return { kind: "last", dow: day(last[1]!) };
  const nth = /^([A-Z]{3}|\d)#(\d)$/.exec(text);
  if (nth) {
    const n = Number(nth[2]);
    if (n < 1 || n > 5) throw new ScheduleError(`'${raw}': the instance after # is 1-5`);
    return { kind: "nth", dow: day(nth[1]!), n };
  }
  if (text.includes("#")) throw new ScheduleError(`'${raw}': only one d#n expression is allowed in the day-of-week field`);
  if (/L/.test(text.replace(/[A-Z]{3}/g, (m) => (DAYS.includes(m) ? "" : m)))) {
    throw new ScheduleError(`'${raw}': L and dL stand alone in the day-of-week field`);
  }
  return undefined;
}

function daysInMonth(day: Date): number {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
}

/** The day of the month `rule` picks in the month of `day`, or undefined when none. */
function nearestWeekday(wanted: number, day: Date): number | undefined {
  const last = daysInMonth(day);
  if (wanted > last) return undefined;
  const weekday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), wanted)).getUTCDay();
  if (weekday === 6) return wanted === 1 ? 3 : wanted - 1; // Saturday: the Friday before, or Monday the 3rd
  if (weekday === 0) return wanted === last ? wanted - 2 : wanted + 1; // Sunday: the Monday after, or the Friday before at month end
  return wanted;
}

function cronMatchesDay(def: Extract<ScheduleDefinition, { kind: "cron" }>, day: Date): boolean {
  if (def.years !== undefined && !def.years.has(day.getUTCFullYear())) return false;
  if (!def.months.has(day.getUTCMonth() + 1)) return false;
  const date = day.getUTCDate();
  const dow = day.getUTCDay() + 1;
  if (def.daysOfMonth !== undefined && !def.daysOfMonth.has(date)) return false;
  if (def.daysOfWeek !== undefined && !def.daysOfWeek.has(dow)) return false;
  const domRule = def.dayOfMonthRule;
  if (domRule?.kind === "last" && date !== daysInMonth(day)) return false;
  if (domRule?.kind === "nearest-weekday" && date !== nearestWeekday(domRule.day, day)) return false;
  const dowRule = def.dayOfWeekRule;
  if (dowRule !== undefined && dow !== dowRule.dow) return false;
  if (dowRule?.kind === "last" && date + 7 <= daysInMonth(day)) return false;
  if (dowRule?.kind === "nth" && Math.ceil(date / 7) !== dowRule.n) return false;
  return true;
}

/** How far ahead invocations are looked for (a cron naming a past year never fires again). */
const HORIZON_DAYS = 366 * 5;

/**
 * The first `count` invocations strictly after `after` (epoch ms), earliest first, of one
 * definition; `anchor` is where a rate counts from.
 */
export function invocationsOf(def: ScheduleDefinition, anchor: number, after: number, count: number): number[] {
  const out: number[] = [];
  if (def.kind === "rate") {
    const start = Math.floor(anchor / HOUR) * HOUR;
    let k = Math.max(1, Math.floor((after - start) / def.everyMs) + 1);
    while (out.length < count) {
      const t = start + k * def.everyMs;
      if (t > after) out.push(t);
      k++;
    }
    return out;
  }
  const hours = [...def.hours].sort((a, b) => a - b);
  const minute = [...def.minutes][0]!;
  const firstDay = Math.floor(after / DAY) * DAY;
  for (let d = 0; d < HORIZON_DAYS && out.length < count; d++) {
    const day = new Date(firstDay + d * DAY);
    if (!cronMatchesDay(def, day)) continue;
    for (const h of hours) {
      const t = day.getTime() + h * HOUR + minute * 60_000;
      if (t > after && out.length < count) out.push(t);
    }
  }
  return out;
}

/** The next `count` invocations of all definitions together, earliest first, without repeats. */
export function nextInvocations(defs: readonly ScheduleDefinition[], anchor: number, after: number, count: number): number[] {
  const all = new Set<number>();
  for (const def of defs) for (const t of invocationsOf(def, anchor, after, count)) all.add(t);
  return [...all].sort((a, b) => a - b).slice(0, count);
}

/**
 * Parses a schedule's definitions and checks them together: at least one, no two invocations less
 * than an hour apart over the next week, and (for cron only) no 24 hours without one over the next week.
 */
export function parseDefinitions(raw: readonly string[], anchor: number): ScheduleDefinition[] {
  if (raw.length === 0) throw new ScheduleError("at least one schedule definition is required");
  const defs = raw.map(parseDefinition);
  const week = nextInvocations(defs, anchor, anchor, 24 * 7 + 1).filter((t) => t <= anchor + 7 * DAY);
  for (let i = 1; i < week.length; i++) {
    if (week[i]! - week[i - 1]! < HOUR) throw new ScheduleError("the definitions schedule snapshots less than an hour apart");
  }
  if (defs.every((d) => d.kind === "cron")) {
    const points = [anchor, ...week, anchor + 7 * DAY];
    for (let i = 1; i < points.length; i++) {
      if (points[i]! - points[i - 1]! > DAY) throw new ScheduleError("snapshots must be scheduled at least once a day (24 hours)");
    }
  }
  return defs;
}
