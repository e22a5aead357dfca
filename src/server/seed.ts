/**
 * `--seed FILE` (JSON or YAML): a list of API calls `{ account, region, service, action, params }`
 * applied in order when the store is empty. They go through the same operations as requests (same
 * validation, same errors); the first failing call stops start-up with its error.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import { AwsError } from "../domain/errors.js";
import type { Shape, StructureShape } from "../protocol/shapes.js";
import { validateStructure } from "../protocol/validate.js";
import { serviceBySigningName } from "../services/registry.js";
import type { App } from "./app.js";
import { findOperation, runOperation } from "./pipeline.js";
import { DEFAULT_REGION } from "../auth/authenticate.js";
import { ENTITY_KINDS } from "../store/tables.js";

export interface SeedCall {
  readonly account?: string;
  readonly region?: string;
  readonly service: "redshift" | "ec2" | "sts";
  readonly action: string;
  readonly params?: Record<string, unknown>;
}

export class SeedError extends Error {
  override readonly name = "SeedError";
}

/** The YAML parser, loaded on first use (synchronously): a server without a YAML seed never pays its start-up cost. */
function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)("yaml") as typeof Yaml;
  return yaml.parse(text);
}

export function loadSeedFile(path: string): SeedCall[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new SeedError(`cannot read seed file ${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new SeedError(`seed file ${path} is not valid ${/\.json$/i.test(path) ? "JSON" : "YAML"}: ${(err as Error).message}`);
  }
  return checkSeed(parsed, path);
}

export function checkSeed(value: unknown, source = "seed"): SeedCall[] {
  const list = Array.isArray(value) ? value : (value as { calls?: unknown } | null)?.calls;
  if (!Array.isArray(list)) throw new SeedError(`${source}: expected a list of { account, region, service, action, params }`);
  return list.map((item: unknown, i) => {
    const c = item as Partial<Record<keyof SeedCall, unknown>> | null;
    if (!c || typeof c !== "object") throw new SeedError(`${source}[${i}]: expected an object`);
    if (c.service !== "redshift" && c.service !== "ec2" && c.service !== "sts") throw new SeedError(`${source}[${i}]: service must be redshift, ec2 or sts`);
    if (typeof c.action !== "string") throw new SeedError(`${source}[${i}]: action must be a string`);
    // YAML reads an unquoted `account: 111122223333` as a number (and drops leading zeros).
    const account = typeof c.account === "number" && Number.isSafeInteger(c.account) && c.account >= 0 ? String(c.account).padStart(12, "0") : c.account;
    if (account !== undefined && (typeof account !== "string" || !/^\d{12}$/.test(account))) throw new SeedError(`${source}[${i}]: account must be 12 digits`);
    if (c.region !== undefined && typeof c.region !== "string") throw new SeedError(`${source}[${i}]: region must be a string`);
    if (c.params !== undefined && (typeof c.params !== "object" || c.params === null || Array.isArray(c.params))) {
      throw new SeedError(`${source}[${i}]: params must be an object`);
    }
    return { ...c, ...(account !== undefined ? { account } : {}) } as SeedCall;
  });
}

/** JSON timestamps arrive as strings (or Dates from YAML); operations take epoch ms. */
function normaliseTimestamps(shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case "timestamp":
      if (value instanceof Date) return value.getTime();
      if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return Date.parse(value);
      return value;
    case "list":
      return Array.isArray(value) ? value.map((v) => normaliseTimestamps(shape.member, v)) : value;
    case "structure":
      return normaliseStructure(shape, value);
    default:
      return value;
  }
}

function normaliseStructure(shape: StructureShape, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [name, member] of Object.entries(shape.members)) if (name in out) out[name] = normaliseTimestamps(member.shape, out[name]);
  return out;
}

/** Applies the calls in order if the store is empty; returns how many ran. */
export async function applySeed(app: App, calls: readonly SeedCall[]): Promise<number> {
  if (calls.length === 0) return 0;
  if (!(await storeIsEmpty(app))) {
    app.logger.info("seed skipped: the store is not empty");
    return 0;
  }
  for (const [i, call] of calls.entries()) {
    const service = serviceBySigningName(call.service)!;
    try {
      const op = findOperation(service, call.action);
      const input = normaliseStructure(op.input, call.params ?? {}) as Record<string, unknown>;
      validateStructure(op.input, input);
      await runOperation(app, op, input, {
        identity: { account: call.account ?? app.defaultAccount, region: call.region ?? DEFAULT_REGION, accessKeyId: undefined },
        requestId: randomUUID(),
        now: app.clock.now(),
      });
    } catch (err) {
      // The store was empty and nothing has been served yet: undo the calls that did succeed, so a
      // fixed seed file applies in full at the next start instead of being skipped as "not empty".
      await app.store.reset();
      const detail = err instanceof AwsError ? `${err.code}: ${err.message}` : (err as Error).message;
      throw new SeedError(`seed call ${i + 1} (${call.service} ${call.action}) failed: ${detail}`);
    }
  }
  app.logger.info("seed applied", { calls: calls.length });
  return calls.length;
}

/** One row at most per kind: start-up must not read a large store just to decide this. */
async function storeIsEmpty(app: App): Promise<boolean> {
  return app.store.transact(async (tx) => {
    for (const kind of ENTITY_KINDS) if ((await tx[kind].find({}, { limit: 1 })).length > 0) return false;
    return true;
  });
}
