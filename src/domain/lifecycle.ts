/**
 * Lifecycles as data: one transition table for every status change that takes time, driven by the
 * injected clock. A transition starts by setting the transitional status and `pending = {transition,
 * at}`; the store indexes `at`, and every request settles what is due first (domain/settle.ts), so
 * any server instance — and a restarted one — sees the same state. No timers anywhere.
 *
 * Delays: 0 by default (the response shows the transitional status, the next read the settled one),
 * per transition with `--delay endpoint-create=5m`, all at once with `--delay all=90s`, or AWS-like
 * durations with `--delay realistic` (docs/differences-from-aws.md, Time).
 */
import type { EntityBase, Pending } from "./entities.js";

export interface Transition {
  readonly kind: "clusters" | "endpoints" | "snapshots";
  readonly from: string;
  /** The settled status; `null` means the resource is gone. */
  readonly to: string | null;
  /** AWS-like duration used by `--delay realistic`. */
  readonly realisticMs: number;
}

export const TRANSITIONS = {
  "cluster-create": { kind: "clusters", from: "creating", to: "available", realisticMs: 120_000 },
  "cluster-modify": { kind: "clusters", from: "modifying", to: "available", realisticMs: 60_000 },
  "cluster-pause": { kind: "clusters", from: "pausing", to: "paused", realisticMs: 60_000 },
  "cluster-resume": { kind: "clusters", from: "resuming", to: "available", realisticMs: 60_000 },
  "cluster-reboot": { kind: "clusters", from: "rebooting", to: "available", realisticMs: 60_000 },
  "cluster-delete": { kind: "clusters", from: "deleting", to: null, realisticMs: 60_000 },
  /** DeleteCluster with a final snapshot: the snapshot is taken, then the cluster starts `deleting`. */
  "cluster-final-snapshot": { kind: "clusters", from: "final-snapshot", to: "deleting", realisticMs: 60_000 },
  "cluster-iam-roles": { kind: "clusters", from: "modifying", to: "available", realisticMs: 60_000 },
  "endpoint-create": { kind: "endpoints", from: "creating", to: "active", realisticMs: 300_000 },
  "endpoint-modify": { kind: "endpoints", from: "modifying", to: "active", realisticMs: 60_000 },
  "endpoint-delete": { kind: "endpoints", from: "deleting", to: null, realisticMs: 60_000 },
  "snapshot-create": { kind: "snapshots", from: "creating", to: "available", realisticMs: 120_000 },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

export type Delays = Readonly<Record<TransitionName, number>>;

export const NO_DELAYS: Delays = Object.fromEntries(TRANSITION_NAMES.map((t) => [t, 0])) as Record<TransitionName, number>;

export const REALISTIC_DELAYS: Delays = Object.fromEntries(
  TRANSITION_NAMES.map((t) => [t, TRANSITIONS[t].realisticMs]),
) as Record<TransitionName, number>;

/** Parses `500ms`, `90s`, `5m`, `1h` or a bare number of milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new RangeError(`invalid duration '${text}' (use e.g. 500ms, 90s, 5m, 1h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? "ms";
  const factor = unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000;
  return Math.round(n * factor);
}

/**
 * Folds `--delay` values in order: `realistic`, `all=DURATION`, `<transition>=DURATION`.
 * Later values override earlier ones, so `--delay realistic --delay endpoint-create=0` works.
 */
export function resolveDelays(specs: readonly string[] | Partial<Record<TransitionName | "all", number>> | undefined): Delays {
  const delays: Record<TransitionName, number> = { ...NO_DELAYS };
  if (specs === undefined) return delays;
  if (!Array.isArray(specs)) {
    const record = specs as Partial<Record<TransitionName | "all", number>>;
    if (record.all !== undefined) for (const t of TRANSITION_NAMES) delays[t] = checkMs(record.all, "all");
    for (const t of TRANSITION_NAMES) if (record[t] !== undefined) delays[t] = checkMs(record[t], t);
    for (const key of Object.keys(record)) if (key !== "all" && !(key in TRANSITIONS)) throw new RangeError(unknownTransition(key));
    return delays;
  }
  for (const spec of specs as readonly string[]) {
    if (spec === "realistic") {
      Object.assign(delays, REALISTIC_DELAYS);
      continue;
    }
    const eq = spec.indexOf("=");
    if (eq === -1) throw new RangeError(`invalid delay '${spec}' (use NAME=DURATION, all=DURATION or realistic)`);
    const name = spec.slice(0, eq);
    const ms = parseDuration(spec.slice(eq + 1));
    if (name === "all") for (const t of TRANSITION_NAMES) delays[t] = ms;
    else if (name in TRANSITIONS) delays[name as TransitionName] = ms;
    else throw new RangeError(unknownTransition(name));
  }
  return delays;
}

function checkMs(v: number, name: string): number {
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`delay ${name} must be a non-negative number of milliseconds`);
  return v;
}

function unknownTransition(name: string): string {
  return `unknown transition '${name}' (known: all, realistic, ${TRANSITION_NAMES.join(", ")})`;
}

/** Starts a transition: sets the transitional status and the due time. */
export function beginTransition<E extends EntityBase & { status: string }>(entity: E, transition: TransitionName, now: number, delays: Delays): E {
  entity.status = TRANSITIONS[transition].from;
  entity.pending = { transition, at: now + delays[transition] } satisfies Pending;
  return entity;
}
