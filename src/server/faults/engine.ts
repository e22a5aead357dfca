/**
 * The fault rules of one server instance (README "Fault injection"): added from `--fault`, the
 * library option `faults` and `POST /_redshift-local/faults`; consulted by the pipeline before and
 * after each operation (hook.ts) and by settling (a held transition stays pending).
 *
 * Rules live in this process, not in the store: several instances on one PostgreSQL database each
 * have their own rules and counts (faults are a test tool, not an invariant). Randomness comes
 * from one seeded PRNG per rule (mulberry32), so a run with the same seed fires the same faults.
 */
import { setTimeout as sleepFor } from "node:timers/promises";
import type { Clock } from "../../domain/clock.js";
import type { Scope } from "../../domain/entities.js";
import type { TransitionName } from "../../domain/lifecycle.js";
import type { Logger } from "../logger.js";
import { FaultRuleError, checkFaultRule, describeRule, parseFaultSpec, type FaultEffect, type FaultRule, type FaultRuleInput } from "./rule.js";

/** Rules in force at once: a bound on memory and on the work of each request. */
export const MAX_RULES = 1000;

/** One call as rules see it. */
export interface FaultCall {
  readonly service: string;
  readonly operation: string;
  readonly account: string;
  readonly region: string;
  readonly requestId: string;
}

export type ErrorEffect = Extract<FaultEffect, { kind: "error" }>;

interface Live {
  readonly rule: FaultRule;
  readonly addedAt: number;
  next: () => number;
  fired: number;
  /** Resources a hold rule has held (counted once each). */
  readonly holding: Set<string>;
}

export interface FaultEngineOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Seed of the rules' draws (`--fault-seed`); default 0. */
  readonly seed?: number;
  /** Waits for a latency rule; default a timer (never blocks other requests). Tests inject their own. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export class FaultEngine {
  readonly seed: number;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #rules: Live[] = [];
  #total = 0;
  #serial = 0;

  constructor(options: FaultEngineOptions) {
    const seed = options.seed ?? 0;
    if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError("faultSeed must be a whole number from 0 to 4294967295");
    this.seed = seed;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#sleep = options.sleep ?? ((ms) => sleepFor(ms).then(() => undefined));
  }

  /** Checks every rule first, then adds them all (none when one is wrong). */
  add(inputs: readonly (string | FaultRuleInput)[]): FaultRule[] {
    const nextId = () => {
      let id: string;
      do id = `fault-${++this.#serial}`;
      while (this.#rules.some((l) => l.rule.id === id));
      return id;
    };
    const rules = inputs.map((input) => (typeof input === "string" ? parseFaultSpec(input, nextId) : checkFaultRule(input, nextId)));
    if (this.#rules.length + rules.length > MAX_RULES) throw new FaultRuleError(`at most ${MAX_RULES} fault rules can be in force; remove some first`);
    const ids = new Set(this.#rules.map((l) => l.rule.id));
    for (const rule of rules) {
      if (ids.has(rule.id)) throw new FaultRuleError(`a fault rule with id '${rule.id}' already exists`);
      ids.add(rule.id);
    }
    const now = this.#clock.now();
    for (const rule of rules) {
      this.#rules.push({ rule, addedAt: now, next: mulberry32(rule.seed ?? mix(this.seed, rule.id)), fired: 0, holding: new Set() });
      this.#logger.info("fault rule added", { rule: describeRule(rule) });
    }
    return rules;
  }

  /** Removes one rule (true) or, without an id, every rule (their count). */
  remove(id?: string): number {
    const before = this.#rules.length;
    for (let i = this.#rules.length - 1; i >= 0; i--) if (id === undefined || this.#rules[i]!.rule.id === id) this.#rules.splice(i, 1);
    const removed = before - this.#rules.length;
    if (removed > 0) this.#logger.info("fault rules removed", { ...(id !== undefined ? { rule: id } : {}), removed });
    return removed;
  }

  list(): Record<string, unknown>[] {
    const now = this.#clock.now();
    return this.#rules.map((l) => ({ ...describeRule(l.rule), fired: l.fired, active: this.#active(l, now) }));
  }

  /** For /health: faults fired since start (removed rules included) and per current rule. */
  stats(): { readonly fired: number; readonly rules: Record<string, number> } {
    return { fired: this.#total, rules: Object.fromEntries(this.#rules.map((l) => [l.rule.id, l.fired])) };
  }

  /**
   * Before the operation: waits for every latency rule that fires, then answers the first error rule
   * (`when=before`) that fires, if any.
   */
  async before(call: FaultCall): Promise<ErrorEffect | undefined> {
    let wait = 0;
    for (const live of this.#matching(call)) {
      if (live.rule.effect.kind === "latency" && this.#fires(live, call)) wait += live.rule.effect.ms;
    }
    if (wait > 0) await this.#sleep(wait);
    return this.#firstError(call, "before");
  }

  /** After the operation applied: the first `when=after` error rule that fires, if any. */
  after(call: FaultCall): ErrorEffect | undefined {
    return this.#firstError(call, "after");
  }

  /** Whether a hold rule keeps this resource's transition pending (settling skips it). */
  held(transition: TransitionName, resource: Scope & { readonly id: string }, now: number): boolean {
    for (const live of this.#rules) {
      const e = live.rule.effect;
      if (e.kind !== "hold" || e.transition !== transition || !this.#active(live, now)) continue;
      if (!matchesScope(live.rule, resource) || (e.resource !== undefined && e.resource !== resource.id)) continue;
      const key = `${resource.account}/${resource.region}/${resource.id}`;
      if (live.holding.has(key)) return true;
      if (live.rule.count !== undefined && live.holding.size >= live.rule.count) continue;
      live.holding.add(key);
      live.fired++;
      this.#total++;
      this.#logger.info("fault injected", { rule: live.rule.id, hold: transition, resource: resource.id, account: resource.account, region: resource.region });
      return true;
    }
    return false;
  }

  /** False when there is no rule at all: the pipeline then skips fault injection entirely. */
  get hasRules(): boolean {
    return this.#rules.length > 0;
  }

  /** True when any hold rule is in force (settling then asks `held` per resource). */
  get holding(): boolean {
    return this.#rules.some((l) => l.rule.effect.kind === "hold");
  }

  #firstError(call: FaultCall, when: "before" | "after"): ErrorEffect | undefined {
    for (const live of this.#matching(call)) {
      const e = live.rule.effect;
      if (e.kind === "error" && e.when === when && this.#fires(live, call)) return e;
    }
    return undefined;
  }

  #matching(call: FaultCall): Live[] {
    const now = this.#clock.now();
    return this.#rules.filter((l) => {
      const r = l.rule;
      return (
        this.#active(l, now) &&
        (r.service === undefined || r.service === call.service) &&
        (r.operation === undefined || r.operation === call.operation) &&
        matchesScope(r, call)
      );
    });
  }

  #active(live: Live, now: number): boolean {
    // A hold's count limits the resources it takes (held()), not how long it holds them.
    if (live.rule.effect.kind !== "hold" && live.rule.count !== undefined && live.fired >= live.rule.count) return false;
    return live.rule.forMs === undefined || now < live.addedAt + live.rule.forMs;
  }

  /** Draws (when the rule has a probability), counts and logs a firing. */
  #fires(live: Live, call: FaultCall): boolean {
    if (live.rule.probability < 1 && live.next() >= live.rule.probability) return false;
    live.fired++;
    this.#total++;
    const e = live.rule.effect;
    this.#logger.info("fault injected", {
      rule: live.rule.id,
      ...(e.kind === "error" ? { error: e.code, status: e.status, when: e.when } : {}),
      ...(e.kind === "latency" ? { latencyMs: e.ms } : {}),
      requestId: call.requestId,
      service: call.service,
      action: call.operation,
      account: call.account,
      region: call.region,
      fired: live.fired,
    });
    return true;
  }
}

function matchesScope(rule: FaultRule, scope: { readonly account: string; readonly region: string }): boolean {
  return (rule.account === undefined || rule.account === scope.account) && (rule.region === undefined || rule.region === scope.region);
}

/** A rule's seed from the server's seed and its id (FNV-1a), so rules do not share one sequence. */
function mix(seed: number, id: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: a small, well-distributed 32-bit PRNG; numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
