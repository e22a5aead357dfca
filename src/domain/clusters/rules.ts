/**
 * CreateCluster/ModifyCluster parameter rules, from the documentation of each member in the Redshift
 * model (@aws-sdk/client-redshift 3.1169). Every violation is `InvalidParameterValue` naming the
 * parameter; a password never appears in a message.
 */
import { InvalidParameterValue } from "../errors.js";
import { isReservedWord } from "./reserved-words.js";

/**
 * ClusterIdentifier: "1 to 63 alphanumeric characters or hyphens; alphabetic characters must be
 * lowercase; first character must be a letter; cannot end with a hyphen or contain two consecutive
 * hyphens". AWS lower-cases what it is given, so `MyCluster` names `mycluster`.
 */
export function normaliseClusterIdentifier(raw: string, parameter = "ClusterIdentifier"): string {
  const id = raw.toLowerCase();
  if (id.length < 1 || id.length > 63 || !/^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$/.test(id)) {
    throw new InvalidParameterValue(
      `Invalid value '${raw}' for parameter ${parameter}: it must contain 1 to 63 lowercase letters, digits or hyphens, ` +
        "start with a letter, and must not end with a hyphen or contain two consecutive hyphens.",
    );
  }
  return id;
}

/** The lookup form of an identifier in Describe/Delete/…: lower-cased, never rejected (unknown = not found). */
export function clusterKey(raw: string): string {
  return raw.toLowerCase();
}

/**
 * MasterUsername: 1–128 characters, first a letter, then letters, digits, underscore, plus, period, at
 * sign or hyphen; not `PUBLIC` and not a reserved word.
 */
export function checkMasterUsername(name: string): void {
  if (name.length < 1 || name.length > 128 || !/^[A-Za-z][A-Za-z0-9_+.@-]*$/.test(name)) {
    throw new InvalidParameterValue(
      `Invalid value '${name}' for parameter MasterUsername: it must contain 1 to 128 characters, start with a letter, ` +
        "and contain only letters, digits, underscores, plus signs, periods, at signs or hyphens.",
    );
  }
  if (name.toLowerCase() === "public" || isReservedWord(name)) {
    throw new InvalidParameterValue(`MasterUsername '${name}' is a reserved word and cannot be used.`);
  }
}

/**
 * MasterUserPassword: 8–64 characters, at least one uppercase letter, one lowercase letter and one
 * digit, printable ASCII (33–126) except ' " \ / @.
 */
export function checkMasterUserPassword(password: string): void {
  const problem =
    password.length < 8 || password.length > 64
      ? "must be between 8 and 64 characters in length"
      : !/[A-Z]/.test(password)
        ? "must contain at least one uppercase letter"
        : !/[a-z]/.test(password)
          ? "must contain at least one lowercase letter"
          : !/[0-9]/.test(password)
            ? "must contain at least one number"
            : /[^\x21-\x7e]|['"\\/@]/.test(password)
              ? "may contain only printable ASCII characters other than ' \" \\ / @ and space"
              : undefined;
  if (problem !== undefined) throw new InvalidParameterValue(`The parameter MasterUserPassword ${problem}.`);
}

/** DBName: 1–64 lowercase letters, digits or underscores, starting with a letter; not a reserved word. */
export function checkDbName(name: string): void {
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(name)) {
    throw new InvalidParameterValue(
      `Invalid value '${name}' for parameter DBName: it must contain 1 to 64 lowercase letters, digits or underscores and start with a letter.`,
    );
  }
  if (isReservedWord(name)) throw new InvalidParameterValue(`DBName '${name}' is a reserved word and cannot be used.`);
}

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const WEEK_MINUTES = 7 * 24 * 60;

/**
 * PreferredMaintenanceWindow `ddd:hh24:mi-ddd:hh24:mi` (UTC), at least 30 minutes; returned
 * lower-cased as AWS reports it. Windows may wrap around the end of the week.
 */
export function normaliseMaintenanceWindow(raw: string): string {
  const m = /^(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):([0-5]\d)-(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):([0-5]\d)$/i.exec(raw);
  const invalid = () =>
    new InvalidParameterValue(`Invalid value '${raw}' for parameter PreferredMaintenanceWindow: expected ddd:hh24:mi-ddd:hh24:mi (UTC), at least 30 minutes.`);
  if (!m) throw invalid();
  const at = (day: string, hh: string, mi: string) =>
    DAYS.indexOf(day.toLowerCase() as (typeof DAYS)[number]) * 1440 + Number(hh) * 60 + Number(mi);
  const start = at(m[1]!, m[2]!, m[3]!);
  const end = at(m[4]!, m[5]!, m[6]!);
  const length = (end - start + WEEK_MINUTES) % WEEK_MINUTES;
  if (length < 30) throw invalid();
  return raw.toLowerCase();
}

/**
 * The next start of a weekly window (`NextMaintenanceWindowStartTime`): the first instant at or after
 * `now` that falls on the window's start day and time, UTC.
 */
export function nextMaintenanceWindowStart(window: string, now: number): number | undefined {
  const m = /^(sun|mon|tue|wed|thu|fri|sat):(\d\d):(\d\d)-/.exec(window);
  if (!m) return undefined;
  const d = new Date(now);
  const minutesIntoWeek = d.getUTCDay() * 1440 + d.getUTCHours() * 60 + d.getUTCMinutes();
  const startOfWeek = now - minutesIntoWeek * 60_000 - (now % 60_000);
  const offset = (DAYS.indexOf(m[1] as (typeof DAYS)[number]) * 1440 + Number(m[2]) * 60 + Number(m[3])) * 60_000;
  let next = startOfWeek + offset;
  if (next < now) next += WEEK_MINUTES * 60_000;
  return next;
}

/**
 * The default maintenance window: "a 30-minute window selected at random from an 8-hour block of time
 * per region, occurring on a random day of the week" [M]. We use the block 03:00–11:00 UTC everywhere.
 */
export function randomMaintenanceWindow(random: () => number = Math.random): string {
  const day = DAYS[Math.floor(random() * 7)]!;
  const slot = Math.floor(random() * 16); // 16 half-hours in the 8-hour block
  const startMinutes = 3 * 60 + slot * 30;
  const fmt = (mins: number) => `${String(Math.floor(mins / 60)).padStart(2, "0")}:${String(mins % 60).padStart(2, "0")}`;
  return `${day}:${fmt(startMinutes)}-${day}:${fmt(startMinutes + 30)}`;
}

/** AutomatedSnapshotRetentionPeriod 0–35; RA3/RG clusters cannot turn automated snapshots off. */
export function checkAutomatedRetention(days: number, managedStorage: boolean): void {
  if (days < 0 || days > 35) {
    throw new InvalidParameterValue(`Invalid value ${days} for parameter AutomatedSnapshotRetentionPeriod: must be a value from 0 to 35.`);
  }
  if (days === 0 && managedStorage) {
    throw new InvalidParameterValue("You can't disable automated snapshots for RG or RA3 node types. Set the automated retention period from 1-35 days.");
  }
}

/** ManualSnapshotRetentionPeriod: -1 or 1–3653. */
export function checkManualRetention(days: number): void {
  if (days !== -1 && (days < 1 || days > 3653)) {
    throw new InvalidParameterValue(
      `Invalid value ${days} for parameter ManualSnapshotRetentionPeriod: the value must be either -1 or an integer between 1 and 3,653.`,
    );
  }
}

/** ClusterParameterGroupName: 1–255 letters, digits or hyphens (and the default's dots), starting with a letter. */
export function checkParameterGroupName(name: string): void {
  if (!/^[A-Za-z][A-Za-z0-9.-]{0,254}$/.test(name) || name.endsWith("-") || name.includes("--")) {
    throw new InvalidParameterValue(`Invalid value '${name}' for parameter ClusterParameterGroupName.`);
  }
}
