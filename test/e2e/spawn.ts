/**
 * Runs the real `redshift-local` command in a child process: from source (`node --import tsx
 * src/cli/main.ts`) or the built bin (`dist/src/cli/main.js`). Waits for the one stdout line
 * `redshift-local listening on http://HOST:PORT` instead of sleeping.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUILT_CLI = join(REPO_ROOT, "dist", "src", "cli", "main.js");
const SOURCE_CLI = join(REPO_ROOT, "src", "cli", "main.ts");

/** Guards against a hung child only; no test asserts on time. */
const START_GUARD_MS = 3 * 60_000;
const STDIO_GUARD_MS = 5_000;

export const LISTENING = /^redshift-local listening on (http:\/\/\S+)$/;

export interface CliRun {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
}

export interface SpawnOptions {
  /** Extra environment; the parent's REDSHIFT_LOCAL_* variables are never inherited. */
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  /** Run dist/src/cli/main.js instead of the TypeScript source. */
  readonly built?: boolean;
  /** Run `npm start -- ARGS` (the built CLI behind npm and its shell). */
  readonly npmStart?: boolean;
}

export function spawnCli(args: readonly string[], options: SpawnOptions = {}): CliRun {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("REDSHIFT_LOCAL_")) env[k] = v;
  Object.assign(env, options.env);
  // tsx is resolved from the repository, whatever the child's working directory.
  const [command, argv] = options.npmStart
    ? ["npm", ["start", "--silent", "--", ...args]]
    : [process.execPath, options.built ? [BUILT_CLI, ...args] : ["--import", import.meta.resolve("tsx"), SOURCE_CLI, ...args]];
  const child = spawn(command, argv, { cwd: options.npmStart ? REPO_ROOT : (options.cwd ?? REPO_ROOT), env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const closed = once(child, "close");
  const exited = once(child, "exit").then(async ([code, signal]) => {
    // Normally stdout/stderr close right after the exit; a grandchild that outlived the process
    // (an orphaned server behind `npm start`) would hold them open forever, so stop reading then.
    const guard = setTimeout(() => {
      child.stdout.destroy();
      child.stderr.destroy();
    }, STDIO_GUARD_MS);
    await closed;
    clearTimeout(guard);
    return (code ?? signal) as number | string;
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs to completion (for --help, bad flags, failing seeds). */
export async function runCli(args: readonly string[], options: SpawnOptions = {}): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const run = spawnCli(args, options);
  const timer = setTimeout(() => run.child.kill("SIGKILL"), START_GUARD_MS);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

export interface RunningServer extends CliRun {
  readonly url: string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Starts the CLI and resolves once it has printed its listening line. */
export async function startCli(args: readonly string[], options: SpawnOptions = {}): Promise<RunningServer> {
  const run = spawnCli(args, options);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`no listening line within ${START_GUARD_MS} ms`), START_GUARD_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      run.child.kill("SIGKILL");
      reject(new Error(`redshift-local ${args.join(" ")}: ${why}\nstdout: ${run.stdout()}\nstderr: ${run.stderr()}`));
    };
    const onData = () => {
      const line = run.stdout().split("\n")[0]!;
      const m = LISTENING.exec(line);
      if (m && run.stdout().includes("\n")) {
        clearTimeout(timer);
        run.child.stdout!.off("data", onData);
        resolve(m[1]!);
      }
    };
    run.child.stdout!.on("data", onData);
    void run.exited.then((code) => fail(`exited with ${code} before listening`));
  });
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
    return run.exited;
  };
  return {
    ...run,
    url,
    stop,
    async [Symbol.asyncDispose]() {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
      await run.exited;
    },
  };
}

export const hasBuiltCli = (): boolean => existsSync(BUILT_CLI);
