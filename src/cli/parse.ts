/**
 * Flags and environment variables → `RedshiftLocalOptions`, as a pure function (no I/O, no
 * process globals) so every rule is unit-tested: `parseCli(argv, env)`.
 *
 * Precedence: a flag wins over its environment variable; an empty variable counts as unset. For the
 * repeatable `--delay` and `--quota`, the variable's comma-separated entries come first and the
 * flags after them, so a flag overrides the same transition or quota from the environment.
 * `--fault`'s variable separates its rules with `;` (a rule contains commas).
 * `--data-dir` and `--in-memory` exclude each other at the same level (both flags, or both
 * variables); a flag for one overrides a variable for the other.
 */
import { parseArgs } from "node:util";
import { TRANSITION_NAMES, parseDuration, resolveDelays } from "../domain/lifecycle.js";
import { DEFAULT_QUOTAS, resolveQuotas } from "../domain/quotas.js";
import type { LogLevel, RedshiftLocalOptions, StoreOption } from "../index.js";
import { normaliseHostName } from "../server/admin.js";
import { FaultEngine } from "../server/faults/engine.js";
import { Logger } from "../server/logger.js";
import { VERSION } from "../version.js";
import { FLAGS, helpText, type FlagName, type FlagSpec } from "./flags.js";

export const CLI_DEFAULTS = {
  host: "127.0.0.1",
  port: 4566,
  dataDir: "./.redshift-local",
  defaultAccount: "000000000000",
  logLevel: "info",
} as const;

export type CliCommand =
  | { readonly kind: "start"; readonly options: CliOptions }
  | { readonly kind: "help"; readonly text: string }
  | { readonly kind: "version"; readonly text: string }
  /** Bad flags or values: the caller prints the message and exits 2. */
  | { readonly kind: "error"; readonly message: string };

/** Library options with `credentials` and `seed` still file paths (the runner reads them). */
export interface CliOptions extends RedshiftLocalOptions {
  readonly host: string;
  readonly port: number;
  readonly store: StoreOption;
  readonly auth: "open" | "strict";
  readonly credentials?: string;
  readonly defaultAccount: string;
  readonly seed?: string;
  readonly delays: readonly string[];
  readonly quotas: readonly string[];
  readonly logLevel: LogLevel;
  /** Only when --shutdown-grace or its variable is set; the library's default applies otherwise. */
  readonly shutdownGraceMs?: number;
}

const LOG_LEVELS = { debug: true, info: true, warn: true, error: true, silent: true } as const satisfies Record<LogLevel, true>;

class UsageError extends Error {}

/** A value and where it came from (`--port` or `REDSHIFT_LOCAL_PORT`), for error messages. */
interface Sourced<T> {
  readonly value: T;
  readonly source: string;
}

type ParsedFlags = Partial<Record<FlagName, string | boolean | string[]>> & { help?: boolean; version?: boolean };

export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  let flags: ParsedFlags;
  try {
    flags = parseFlags(argv);
  } catch (err) {
    return { kind: "error", message: (err as Error).message };
  }
  if (flags.help) return { kind: "help", text: helpText(VERSION, TRANSITION_NAMES, Object.keys(DEFAULT_QUOTAS)) };
  if (flags.version) return { kind: "version", text: `redshift-local ${VERSION}` };
  try {
    return { kind: "start", options: resolveOptions(flags, env) };
  } catch (err) {
    if (err instanceof UsageError) return { kind: "error", message: err.message };
    throw err;
  }
}

function parseFlags(argv: readonly string[]): ParsedFlags {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {
    help: { type: "boolean", short: "h" },
    version: { type: "boolean" },
  };
  for (const f of FLAGS as readonly FlagSpec[]) options[f.name] = { type: f.type, ...(f.multiple ? { multiple: true } : {}) };
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = (err as Error).message;
    const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new Error(`unknown flag ${quoted}`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new Error(`unexpected argument '${quoted}' (redshift-local takes only flags)`);
    throw new Error(message);
  }
}

function resolveOptions(flags: ParsedFlags, env: Readonly<Record<string, string | undefined>>): CliOptions {
  const spec = (name: FlagName): FlagSpec => (FLAGS as readonly FlagSpec[]).find((f) => f.name === name)!;
  const envValue = (name: FlagName): Sourced<string> | undefined => {
    const { env: variable } = spec(name);
    const v = env[variable];
    return v === undefined || v === "" ? undefined : { value: v, source: variable };
  };
  const single = (name: FlagName): Sourced<string> | undefined => {
    const v = flags[name];
    return typeof v === "string" ? { value: v, source: `--${name}` } : envValue(name);
  };
  const list = (name: FlagName): Sourced<string>[] => {
    const fromEnv = envValue(name);
    const envItems = fromEnv
      ? fromEnv.value
          .split(spec(name).separator ?? ",")
          .map((s) => s.trim())
          .filter((s) => s !== "")
          .map((value) => ({ value, source: fromEnv.source }))
      : [];
    const flagItems = ((flags[name] as string[] | undefined) ?? []).map((value) => ({ value, source: `--${name}` }));
    return [...envItems, ...flagItems];
  };

  const host = single("host") ?? { value: CLI_DEFAULTS.host, source: "--host" };
  if (host.value.trim() === "" || /\s/.test(host.value)) throw new UsageError(`${host.source} '${host.value}' is not a host name or address`);

  const port = parsePort(single("port"));
  const store = resolveStore(flags, envValue, single("store"));

  const authValue = single("auth") ?? { value: "open", source: "--auth" };
  if (authValue.value !== "open" && authValue.value !== "strict") {
    throw new UsageError(`${authValue.source} '${authValue.value}' is not valid; use open or strict`);
  }

  const credentials = single("credentials");
  // Strict mode without a key would start and then refuse every request.
  if (authValue.value === "strict" && credentials === undefined) {
    throw new UsageError(`${authValue.source} strict needs --credentials FILE (env REDSHIFT_LOCAL_CREDENTIALS): without a configured key every request would be refused`);
  }
  const defaultAccount = single("default-account") ?? { value: CLI_DEFAULTS.defaultAccount, source: "--default-account" };
  if (!/^\d{12}$/.test(defaultAccount.value)) {
    throw new UsageError(`${defaultAccount.source} '${defaultAccount.value}' is not an AWS account id (exactly 12 digits)`);
  }
  const seed = single("seed");

  const delays = list("delay");
  for (const d of delays) check(() => resolveDelays([d.value]), d);
  const quotas = list("quota");
  for (const q of quotas) check(() => resolveQuotas([q.value]), q);

  const faults = list("fault");
  const faultIds = new FaultEngine({ clock: { now: () => 0 }, logger: new Logger("silent") });
  for (const f of faults) check(() => faultIds.add([f.value]), f);
  const faultSeed = single("fault-seed");
  const seedValue = faultSeed === undefined ? undefined : /^\d{1,10}$/.test(faultSeed.value) ? Number(faultSeed.value) : NaN;
  if (faultSeed !== undefined && !(seedValue! >= 0 && seedValue! <= 0xffffffff)) {
    throw new UsageError(`${faultSeed.source} '${faultSeed.value}' is not a seed (a whole number from 0 to 4294967295)`);
  }

  const allowedHosts = list("allowed-host");
  for (const h of allowedHosts) {
    if (normaliseHostName(h.value) === undefined) throw new UsageError(`${h.source} '${h.value}' is not a host name or IP address (no port, scheme or path)`);
  }

  const logLevel = single("log-level") ?? { value: CLI_DEFAULTS.logLevel, source: "--log-level" };
  if (!Object.prototype.hasOwnProperty.call(LOG_LEVELS, logLevel.value)) {
    throw new UsageError(`${logLevel.source} '${logLevel.value}' is not valid; use ${Object.keys(LOG_LEVELS).join(", ")}`);
  }

  const grace = single("shutdown-grace");
  const shutdownGraceMs = grace === undefined ? undefined : parseGrace(grace);

  return {
    host: host.value,
    port,
    store,
    auth: authValue.value,
    ...(credentials ? { credentials: credentials.value } : {}),
    defaultAccount: defaultAccount.value,
    ...(seed ? { seed: seed.value } : {}),
    delays: delays.map((d) => d.value),
    quotas: quotas.map((q) => q.value),
    logLevel: logLevel.value as LogLevel,
    ...(allowedHosts.length > 0 ? { allowedHosts: allowedHosts.map((h) => h.value) } : {}),
    ...(faults.length > 0 ? { faults: faults.map((f) => f.value) } : {}),
    ...(seedValue !== undefined ? { faultSeed: seedValue } : {}),
    ...(shutdownGraceMs !== undefined ? { shutdownGraceMs } : {}),
  };
}

/** Timers take at most 2^31 − 1 ms (about 596 hours). */
const MAX_GRACE_MS = 2 ** 31 - 1;

function parseGrace(grace: Sourced<string>): number {
  let ms: number;
  try {
    ms = parseDuration(grace.value);
  } catch (err) {
    throw new UsageError(`${grace.source} '${grace.value}': ${(err as Error).message}`);
  }
  if (ms > MAX_GRACE_MS) throw new UsageError(`${grace.source} '${grace.value}' is too long (at most 596h)`);
  return ms;
}

function parsePort(port: Sourced<string> | undefined): number {
  if (port === undefined) return CLI_DEFAULTS.port;
  const n = /^\d{1,5}$/.test(port.value) ? Number(port.value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new UsageError(`${port.source} '${port.value}' is not a port number (0–65535; 0 picks a free port)`);
  return n;
}

/**
 * --store postgres://… (or REDSHIFT_LOCAL_STORE), --data-dir, --in-memory: one store. A flag for one
 * overrides a variable for another; two flags (or two variables) for different stores are refused.
 */
function resolveStore(
  flags: ParsedFlags,
  envValue: (name: FlagName) => Sourced<string> | undefined,
  storeUrl: Sourced<string> | undefined,
): StoreOption {
  const flagStore = typeof flags.store === "string" ? storeUrl : undefined;
  const flagDir = typeof flags["data-dir"] === "string" ? flags["data-dir"] : undefined;
  const flagMemory = flags["in-memory"] === true;
  if (flagDir !== undefined && flagMemory) throw new UsageError("--data-dir and --in-memory cannot be used together");
  if (flagStore !== undefined && (flagDir !== undefined || flagMemory)) {
    throw new UsageError(`--store and ${flagMemory ? "--in-memory" : "--data-dir"} cannot be used together`);
  }
  const poolSize = envOrFlagPoolSize(flags, envValue);
  if (flagStore !== undefined) return postgresAt(flagStore, poolSize);
  if (flagMemory || flagDir !== undefined) {
    if (poolSize !== undefined && typeof flags["pg-pool-size"] === "string") throw new UsageError("--pg-pool-size needs --store postgres://…");
    return flagMemory ? { kind: "memory" } : sqliteAt({ value: flagDir!, source: "--data-dir" });
  }

  const envDir = envValue("data-dir");
  const envMemory = envValue("in-memory");
  const memory = envMemory ? parseBoolean(envMemory) : false;
  if (envDir && memory) throw new UsageError(`${envDir.source} and ${envMemory!.source} cannot be used together`);
  if (storeUrl !== undefined) {
    if (envDir || memory) throw new UsageError(`${storeUrl.source} and ${(envDir ?? envMemory)!.source} cannot be used together`);
    return postgresAt(storeUrl, poolSize);
  }
  if (poolSize !== undefined) throw new UsageError(`${typeof flags["pg-pool-size"] === "string" ? "--pg-pool-size" : "REDSHIFT_LOCAL_PG_POOL_SIZE"} needs --store postgres://…`);
  if (memory) return { kind: "memory" };
  return sqliteAt(envDir ?? { value: CLI_DEFAULTS.dataDir, source: "--data-dir" });
}

function envOrFlagPoolSize(flags: ParsedFlags, envValue: (name: FlagName) => Sourced<string> | undefined): number | undefined {
  const v = typeof flags["pg-pool-size"] === "string" ? { value: flags["pg-pool-size"], source: "--pg-pool-size" } : envValue("pg-pool-size");
  if (v === undefined) return undefined;
  const n = /^\d{1,4}$/.test(v.value) ? Number(v.value) : NaN;
  if (!(n >= 1 && n <= 1000)) throw new UsageError(`${v.source} '${v.value}' is not a pool size (1–1000)`);
  return n;
}

function postgresAt(url: Sourced<string>, poolSize: number | undefined): StoreOption {
  if (!/^postgres(ql)?:\/\//i.test(url.value)) throw new UsageError(`${url.source} '${redactUrl(url.value)}' is not a postgres:// URL`);
  try {
    new URL(url.value);
  } catch {
    throw new UsageError(`${url.source} '${redactUrl(url.value)}' is not a valid URL`);
  }
  return { kind: "postgres", url: url.value, ...(poolSize !== undefined ? { poolSize } : {}) };
}

function sqliteAt(dir: Sourced<string>): StoreOption {
  if (dir.value.trim() === "") throw new UsageError(`${dir.source} must not be empty`);
  return { kind: "sqlite", dataDir: dir.value };
}

function parseBoolean(v: Sourced<string>): boolean {
  if (/^(1|true|yes|on)$/i.test(v.value)) return true;
  if (/^(0|false|no|off)$/i.test(v.value)) return false;
  throw new UsageError(`${v.source} '${v.value}' is not a boolean (use 1/true/yes/on or 0/false/no/off)`);
}

function check(fn: () => unknown, v: Sourced<string>): void {
  try {
    fn();
  } catch (err) {
    throw new UsageError(`${v.source} '${v.value}': ${(err as Error).message}`);
  }
}

/** Never echo a password from a connection URL. */
function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}
