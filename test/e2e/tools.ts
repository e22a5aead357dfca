/**
 * External programs some end-to-end tests drive (the AWS CLI, python3 with boto3, Terraform). A
 * machine with only Node and npm must still pass `npm test`, so a test that needs a missing program
 * is skipped with one line naming it (node:test prints the reason), never failed.
 *
 * CI is the exception: `.ci/run` installs the tools and lists them in REDSHIFT_LOCAL_E2E_REQUIRE
 * (comma-separated tool names, e.g. `aws,boto3`), so that a broken install fails the run instead of
 * silently skipping the tests it was meant to enable.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Guards a hung probe only; no test asserts on time. */
const PROBE_GUARD_MS = 2 * 60_000;

/** Why a test cannot run here (`undefined`: it can), as node:test's `skip` option takes it. */
export type SkipReason = string | undefined;

/** The first executable `name` on PATH, like `command -v`. */
export function findOnPath(name: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there, or not executable: keep looking
    }
  }
  return undefined;
}

/** Tools whose absence must fail rather than skip (REDSHIFT_LOCAL_E2E_REQUIRE). */
export function requiredTools(env: NodeJS.ProcessEnv = process.env): ReadonlySet<string> {
  return new Set((env.REDSHIFT_LOCAL_E2E_REQUIRE ?? "").split(",").map((s) => s.trim()).filter((s) => s !== ""));
}

/**
 * `reason` when `tool` is missing and may be skipped; throws when the environment requires it.
 * Called at module load, so a required-but-missing tool fails the whole file loudly.
 */
export function skipUnlessRequired(tool: string, reason: SkipReason, env: NodeJS.ProcessEnv = process.env): SkipReason {
  if (reason !== undefined && requiredTools(env).has(tool)) {
    throw new Error(`${reason} (REDSHIFT_LOCAL_E2E_REQUIRE lists ${tool}, so this is a failure, not a skip)`);
  }
  return reason;
}

/**
 * `undefined` when the program `tool` is on PATH, else one line naming it and how to install it, e.g.
 * `toolMissing("psql", "apt-get install postgresql-client")` for a test's `{ skip: … }`.
 */
export function toolMissing(tool: string, install: string): SkipReason {
  return findOnPath(tool) === undefined ? skipUnlessRequired(tool, `${tool} not found on PATH (${install})`) : undefined;
}

/** `undefined` when python3 can import boto3, else one line saying which of the two is missing. */
export function boto3Missing(): SkipReason {
  const python = findOnPath("python3");
  if (python === undefined) return skipUnlessRequired("boto3", "python3 not found on PATH (the boto3 tests need python3 with boto3: pip install boto3)");
  const out = spawnSync(python, ["-c", "import boto3"], { encoding: "utf8", timeout: PROBE_GUARD_MS });
  if (out.error !== undefined || out.status !== 0) {
    return skipUnlessRequired("boto3", `boto3 is not importable by ${python} (pip install boto3, or apt-get install python3-boto3)`);
  }
  return undefined;
}

/** Where Debian installs Chromium; else `chromium` on PATH. */
const CHROMIUM_PATHS = ["/usr/bin/chromium"];

/** The Chromium executable the console's browser tests drive (playwright-core, no browser download), if any. */
export function findChromium(): string | undefined {
  for (const path of CHROMIUM_PATHS) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not there
    }
  }
  return findOnPath("chromium");
}

/** `undefined` when Chromium is installed, else one line naming it (REDSHIFT_LOCAL_E2E_REQUIRE may list `chromium`). */
export function chromiumMissing(): SkipReason {
  return findChromium() === undefined
    ? skipUnlessRequired("chromium", "Chromium not found at /usr/bin/chromium or on PATH (the console's browser tests need it: apt-get install chromium)")
    : undefined;
}
