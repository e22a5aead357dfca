/**
 * Fault rules (README "Fault injection"): what a rule matches, what it does, when it fires — and the
 * two ways to write one, parsed by pure functions: the compact `--fault` syntax and a JSON object
 * (library option `faults`, `POST /_redshift-local/faults`).
 *
 * Compact syntax: comma-separated items; the first may be a target without `=`:
 *
 *   [SERVICE:]OPERATION | SERVICE:*          e.g. redshift:AuthorizeEndpointAccess, DescribeClusters, ec2:*
 *   service=redshift|ec2|sts|*   operation=NAME|*   account=123456789012|*   region=us-east-1|*
 *   one effect: error=CODE [status=NNN] [message=TEXT] [when=before|after]
 *               latency=DURATION
 *               hold=TRANSITION [resource=NAME]      (an endpoint or cluster stays in its transitional status)
 *   firing:     probability=0..1   count=N (fires N times)   for=DURATION (expires on the server clock)
 *               seed=N (this rule's random draws)   id=NAME
 *
 * A message in the compact form cannot contain a comma (use JSON for one that does).
 */
import * as catalogue from "../../domain/errors.js";
import { TRANSITION_NAMES, parseDuration, type TransitionName } from "../../domain/lifecycle.js";

export const FAULT_SERVICES = ["redshift", "ec2", "sts"] as const;
export type FaultService = (typeof FAULT_SERVICES)[number];

export type FaultEffect =
  | { readonly kind: "error"; readonly code: string; readonly status: number; readonly message: string; readonly when: "before" | "after" }
  | { readonly kind: "latency"; readonly ms: number }
  | { readonly kind: "hold"; readonly transition: TransitionName; readonly resource: string | undefined };

/** A checked rule. `undefined` matchers match anything (`*`). */
export interface FaultRule {
  readonly id: string;
  readonly service: FaultService | undefined;
  readonly operation: string | undefined;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly effect: FaultEffect;
  /** Chance of firing on each matching call, (0, 1]; 1 when absent. */
  readonly probability: number;
  /** Fires this many times, then stays listed but inert; unlimited when absent. */
  readonly count: number | undefined;
  /** Expires this long (server clock) after it was added; never when absent. */
  readonly forMs: number | undefined;
  /** Seed of this rule's draws; derived from the server's fault seed and the id when absent. */
  readonly seed: number | undefined;
}

/** A rule as JSON (library option, admin route); durations as `"500ms"`/`"10m"` or milliseconds. */
export interface FaultRuleInput {
  readonly id?: string;
  readonly service?: string;
  readonly operation?: string;
  readonly account?: string;
  readonly region?: string;
  readonly error?: string;
  readonly status?: number;
  readonly message?: string;
  readonly when?: "before" | "after";
  readonly latency?: string | number;
  readonly hold?: string;
  readonly resource?: string;
  readonly probability?: number;
  readonly count?: number;
  readonly for?: string | number;
  readonly seed?: number;
}

/** A rule the user wrote wrongly: the message says what and how to write it. */
export class FaultRuleError extends RangeError {}

/** A value as a message shows it. */
const show = (v: unknown): string => JSON.stringify(v) ?? "undefined";

const KEYS: ReadonlySet<string> = new Set([
  "id", "service", "operation", "account", "region", "error", "status", "message", "when",
  "latency", "hold", "resource", "probability", "count", "for", "seed",
]);

/** Parses the compact `--fault` syntax; `nextId` names a rule without `id=`. */
export function parseFaultSpec(spec: string, nextId: () => string): FaultRule {
  const items = spec.split(",").map((s) => s.trim());
  if (items.length === 0 || items.every((s) => s === "")) throw new FaultRuleError("empty fault rule");
  const input: Record<string, string> = {};
  items.forEach((item, i) => {
    if (item === "") throw new FaultRuleError(`empty item in fault rule '${spec}'`);
    const eq = item.indexOf("=");
    if (eq === -1) {
      if (i !== 0) throw new FaultRuleError(`'${item}' is not KEY=VALUE (only the first item may be a target such as redshift:DescribeClusters)`);
      const colon = item.indexOf(":");
      if (colon === -1) input["operation"] = item;
      else {
        input["service"] = item.slice(0, colon);
        input["operation"] = item.slice(colon + 1);
      }
      return;
    }
    const key = item.slice(0, eq).trim();
    const name = key === "op" ? "operation" : key === "p" ? "probability" : key;
    if (!KEYS.has(name)) throw new FaultRuleError(`unknown key '${key}' in fault rule (known: ${[...KEYS].join(", ")})`);
    if (name in input) throw new FaultRuleError(`'${name}' is given twice in fault rule '${spec}'`);
    input[name] = item.slice(eq + 1).trim();
  });
  const numeric = (key: string): number | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    const n = v.trim() === "" ? NaN : Number(v);
    if (!Number.isFinite(n)) throw new FaultRuleError(`${key}=${v} is not a number`);
    return n;
  };
  return checkFaultRule(
    {
      ...input,
      status: numeric("status"),
      probability: numeric("probability"),
      count: numeric("count"),
      seed: numeric("seed"),
    },
    nextId,
  );
}

/** Checks a JSON rule (or the compact form's fields) and fills the defaults. */
export function checkFaultRule(raw: unknown, nextId: () => string): FaultRule {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new FaultRuleError("a fault rule must be an object or a compact string");
  for (const key of Object.keys(raw)) {
    if (!KEYS.has(key)) throw new FaultRuleError(`unknown field '${key}' in fault rule (known: ${[...KEYS].join(", ")})`);
  }
  const r = raw as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const v = r[key];
    if (v === undefined) return undefined;
    if (typeof v !== "string" || v === "") throw new FaultRuleError(`${key} must be a non-empty string`);
    return v;
  };
  const star = (v: string | undefined): string | undefined => (v === "*" ? undefined : v);

  const id = text("id") ?? nextId();
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw new FaultRuleError(`id '${id}' must be 1–64 letters, digits, '.', '_' or '-'`);
  const service = star(text("service")?.toLowerCase());
  if (service !== undefined && !(FAULT_SERVICES as readonly string[]).includes(service)) {
    throw new FaultRuleError(`service '${service}' is not one of ${FAULT_SERVICES.join(", ")} or *`);
  }
  const operation = star(text("operation"));
  if (operation !== undefined && !/^[A-Za-z0-9]+$/.test(operation)) throw new FaultRuleError(`operation '${operation}' is not an action name (e.g. DescribeClusters) or *`);
  const account = star(text("account"));
  if (account !== undefined && !/^\d{12}$/.test(account)) throw new FaultRuleError(`account '${account}' is not 12 digits or *`);
  const region = star(text("region"));

  const effects = (["error", "latency", "hold"] as const).filter((k) => r[k] !== undefined);
  if (effects.length !== 1) throw new FaultRuleError("a fault rule needs exactly one of error=CODE, latency=DURATION or hold=TRANSITION");
  const effectKind = effects[0]!;
  for (const key of ["status", "message", "when"]) {
    if (r[key] !== undefined && effectKind !== "error") throw new FaultRuleError(`${key} applies only to error rules`);
  }
  if (r["resource"] !== undefined && effectKind !== "hold") throw new FaultRuleError("resource applies only to hold rules");

  let effect: FaultEffect;
  if (effectKind === "error") {
    const code = text("error")!;
    if (!/^[A-Za-z][A-Za-z0-9._]{0,127}$/.test(code)) throw new FaultRuleError(`error '${code}' is not an error code (letters, digits, '.' and '_')`);
    const given = r["status"];
    if (given !== undefined && (typeof given !== "number" || !Number.isInteger(given) || given < 400 || given > 599)) {
      throw new FaultRuleError(`status ${show(given)} must be an HTTP error status, 400–599`);
    }
    const when = r["when"] ?? "before";
    if (when !== "before" && when !== "after") throw new FaultRuleError(`when ${show(when)} must be before or after`);
    effect = { kind: "error", code, status: (given) ?? defaultStatus(code), message: text("message") ?? defaultMessage(code, id), when };
  } else if (effectKind === "latency") {
    effect = { kind: "latency", ms: duration("latency", r["latency"]) };
  } else {
    const transition = text("hold")!;
    if (!(TRANSITION_NAMES as readonly string[]).includes(transition)) {
      throw new FaultRuleError(`hold '${transition}' is not a transition (known: ${TRANSITION_NAMES.join(", ")})`);
    }
    effect = { kind: "hold", transition: transition as TransitionName, resource: text("resource")?.toLowerCase() };
  }

  const probability = r["probability"] ?? 1;
  if (typeof probability !== "number" || !(probability > 0 && probability <= 1)) throw new FaultRuleError(`probability ${show(probability)} must be a number in (0, 1]`);
  if (effectKind === "hold" && probability !== 1) throw new FaultRuleError("probability does not apply to hold rules (a hold holds every matching resource)");
  const count = r["count"];
  if (count !== undefined && (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1)) throw new FaultRuleError(`count ${show(count)} must be a whole number ≥ 1`);
  const forMs = r["for"] === undefined ? undefined : duration("for", r["for"]);
  const seed = r["seed"];
  if (seed !== undefined && (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw new FaultRuleError(`seed ${show(seed)} must be a whole number from 0 to 4294967295`);
  }
  return {
    id,
    service: service as FaultService | undefined,
    operation,
    account,
    region,
    effect,
    probability,
    count: count,
    forMs,
    seed: seed,
  };
}

/** Timers take at most 2^31 − 1 ms. */
const MAX_MS = 2 ** 31 - 1;

function duration(key: string, v: unknown): number {
  let ms: number;
  if (typeof v === "number") ms = v;
  else if (typeof v === "string") {
    try {
      ms = parseDuration(v);
    } catch (err) {
      throw new FaultRuleError(`${key}: ${(err as Error).message}`);
    }
  } else throw new FaultRuleError(`${key} must be a duration such as 500ms, 90s, 10m or a number of milliseconds`);
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_MS) throw new FaultRuleError(`${key} must be from 0 to ${MAX_MS} ms`);
  return ms;
}

/**
 * Status of an error code without `status=`: the catalogue's (a modelled error keeps its modelled
 * status, e.g. ClusterNotFound 404), then the common transient codes AWS answers, else 400.
 */
const TRANSIENT_STATUS: Readonly<Record<string, number>> = {
  ThrottlingException: 400,
  TooManyRequestsException: 400,
  RequestThrottled: 400,
  RequestLimitExceeded: 503,
  InternalError: 500,
  InternalServerError: 500,
  ServiceUnavailableException: 503,
  Unavailable: 503,
};

const CATALOGUE_STATUS: ReadonlyMap<string, number> = new Map(
  Object.values(catalogue)
    .filter((v): v is catalogue.AwsErrorClass => typeof v === "function" && typeof (v as Partial<catalogue.AwsErrorClass>).code === "string")
    .map((cls) => [cls.code, cls.status]),
);

export function defaultStatus(code: string): number {
  return CATALOGUE_STATUS.get(code) ?? TRANSIENT_STATUS[code] ?? 400;
}

const THROTTLE_CODES = new Set(["Throttling", "ThrottlingException", "TooManyRequestsException", "RequestThrottled"]);

/** AWS's own wording for the transient codes; a message naming the rule for the rest. */
export function defaultMessage(code: string, id: string): string {
  if (THROTTLE_CODES.has(code)) return "Rate exceeded";
  if (code === "RequestLimitExceeded") return "Request limit exceeded.";
  if (code === "InternalFailure" || code === "InternalError" || code === "InternalServerError") {
    return "The request processing has failed because of an unknown error, exception or failure.";
  }
  if (code === "ServiceUnavailable" || code === "ServiceUnavailableException" || code === "Unavailable") {
    return "The request has failed due to a temporary failure of the server.";
  }
  return `${code} (injected by redshift-local fault rule ${id}).`;
}

/** The rule as JSON (GET /_redshift-local/faults, logs): the input form, defaults filled. */
export function describeRule(rule: FaultRule): Record<string, unknown> {
  const e = rule.effect;
  return {
    id: rule.id,
    service: rule.service ?? "*",
    operation: rule.operation ?? "*",
    account: rule.account ?? "*",
    region: rule.region ?? "*",
    ...(e.kind === "error" ? { error: e.code, status: e.status, message: e.message, when: e.when } : {}),
    ...(e.kind === "latency" ? { latencyMs: e.ms } : {}),
    ...(e.kind === "hold" ? { hold: e.transition, ...(e.resource !== undefined ? { resource: e.resource } : {}) } : {}),
    probability: rule.probability,
    ...(rule.count !== undefined ? { count: rule.count } : {}),
    ...(rule.forMs !== undefined ? { forMs: rule.forMs } : {}),
    ...(rule.seed !== undefined ? { seed: rule.seed } : {}),
  };
}
