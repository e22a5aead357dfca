/**
 * Finds the AWS CLIs on this machine and runs them against a test server.
 *
 * Two majors are in use and both are real clients: v1 (pip `awscli`, botocore underneath) and v2
 * (AWS's installer, or Debian's `awscli` package, which is what `.ci/run` installs on a fresh CI
 * machine). Their requests are the same awsQuery/ec2Query forms, but the programs differ where
 * scripts notice: v2 exits 254 for a service error (v1 255), prints timestamps as ISO 8601 with
 * microseconds and `+00:00` (v1 prints the wire text), adds " (reached max retries: N)" to error
 * lines (standard retry mode), and may page or prompt unless told not to.
 *
 * Discovery is synchronous at module load because node:test needs the describe blocks (one per
 * CLI) before the file finishes loading.
 */
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Debian's awscli package (v2 on Debian 12); looked at besides whatever `aws` PATH resolves to.
 * REDSHIFT_LOCAL_SYSTEM_AWS overrides it (empty: none), so a test can simulate a machine without it.
 */
export const SYSTEM_AWS = process.env.REDSHIFT_LOCAL_SYSTEM_AWS ?? "/usr/bin/aws";
/** Guards a hung CLI only (a busy machine can take many seconds to start Python); no test asserts on time. */
const GUARD_MS = 5 * 60_000;

export interface AwsCli {
  /** What is executed: `aws` (resolved through PATH) or an absolute path. */
  readonly command: string;
  /** `aws-cli/2.9.19`, from `--version`. */
  readonly version: string;
  readonly major: number;
}

export interface Discovery {
  /** One entry per distinct major, the PATH one first. */
  readonly clis: readonly AwsCli[];
  /** Why `aws` on PATH is unusable, when it is. */
  readonly problem: string | undefined;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly accessKeyId: string;
  readonly secretAccessKey?: string;
  readonly region?: string;
  /** Send the request unsigned (`--no-sign-request`). */
  readonly unsigned?: boolean;
}

/**
 * The caller's environment without any AWS_* settings (profiles, endpoints, tokens), plus ours:
 * no config or credentials files (v2 needs none with keys in the environment), one attempt, no
 * pager (v2 pipes output through `less` by default) and no auto-prompt (v2 only; v1 ignores it).
 */
export function cliEnv(accessKeyId: string | undefined, secretAccessKey: string | undefined, region: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("AWS_")) env[k] = v;
  return {
    ...env,
    ...(accessKeyId === undefined ? {} : { AWS_ACCESS_KEY_ID: accessKeyId }),
    ...(secretAccessKey === undefined ? {} : { AWS_SECRET_ACCESS_KEY: secretAccessKey }),
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: "/nonexistent/redshift-local/config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/redshift-local/credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_MAX_ATTEMPTS: "1",
    AWS_PAGER: "",
    AWS_CLI_AUTO_PROMPT: "off",
  };
}

type Probe = { cli: AwsCli; problem?: undefined } | { cli?: undefined; problem: string };

/** `aws --version` → `aws-cli/1.45.11 Python/…` (stdout; very old v1 builds wrote it to stderr). */
function probe(command: string): Probe {
  const out = spawnSync(command, ["--version"], { env: cliEnv(undefined, undefined, "us-east-1"), encoding: "utf8", timeout: GUARD_MS });
  if (out.error) {
    const code = (out.error as NodeJS.ErrnoException).code;
    return { problem: code === "ENOENT" ? `\`${command}\` was not found` : `\`${command} --version\` failed: ${out.error.message}` };
  }
  const text = `${out.stdout}${out.stderr}`;
  const m = /\baws-cli\/((\d+)\.\d+\.\d+)/.exec(text);
  if (out.status !== 0 || !m) return { problem: `\`${command} --version\` exited ${String(out.status)} without an aws-cli version: ${text.trim()}` };
  return { cli: { command, version: `aws-cli/${m[1]}`, major: Number(m[2]) } };
}

export function discoverAwsClis(): Discovery {
  const onPath = probe("aws");
  const clis: AwsCli[] = onPath.cli ? [onPath.cli] : [];
  if (SYSTEM_AWS !== "" && existsSync(SYSTEM_AWS)) {
    const system = probe(SYSTEM_AWS);
    if (system.cli && system.cli.major !== onPath.cli?.major) clis.push(system.cli);
  }
  const problem = onPath.problem === undefined
    ? undefined
    : `the AWS CLI is not usable as \`aws\` on PATH (${onPath.problem}): install it (apt-get install awscli, or pip install awscli) to run these tests`;
  return { clis, problem };
}

/** Exit status for an error the service returned: v1 255, v2 254 (AWS CLI user guide, "Command line return codes"). */
export function serviceErrorExit(cli: AwsCli): number {
  return cli.major === 1 ? 255 : 254;
}

export async function runAws(cli: AwsCli, endpoint: string, args: readonly string[], opts: RunOptions): Promise<CliResult> {
  const env = cliEnv(opts.unsigned ? undefined : opts.accessKeyId, opts.unsigned ? undefined : (opts.secretAccessKey ?? "test"), opts.region ?? "us-east-1");
  // The flag as well as AWS_PAGER="": an explicit --no-cli-pager wins over any pager setting; v1 has no such flag.
  const pager = cli.major >= 2 ? ["--no-cli-pager"] : [];
  const unsigned = opts.unsigned ? ["--no-sign-request"] : [];
  const argv = [...pager, ...unsigned, "--endpoint-url", endpoint, "--output", "json", ...args];
  const result = await new Promise<{ code: number | string; stdout: string; stderr: string }>((resolve) => {
    execFile(cli.command, argv, { env, timeout: GUARD_MS }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0, stdout, stderr });
    });
  });
  assert.equal(typeof result.code, "number", `${cli.command} ${args.join(" ")} did not run: ${String(result.code)}\n${result.stderr}`);
  return { code: result.code as number, stdout: result.stdout, stderr: result.stderr };
}

export function json<T>(result: CliResult): T {
  assert.equal(result.code, 0, `aws exited ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A service error as the CLI reports it: the major's exit status, nothing on stdout, and botocore's
 * line `An error occurred (CODE) when calling the OP operation[ (reached max retries: N)]: MESSAGE`.
 */
export function assertServiceError(cli: AwsCli, result: CliResult, code: string, operation: string, message?: RegExp): void {
  assert.equal(result.code, serviceErrorExit(cli), `exit status of ${cli.version} for ${code}:\n${result.stderr}`);
  assert.equal(result.stdout, "");
  const line = new RegExp(`An error occurred \\(${escapeRegExp(code)}\\) when calling the ${operation} operation(?: \\(reached max retries: \\d+\\))?: (.*)`);
  const m = line.exec(result.stderr);
  assert.ok(m, `expected ${code} from ${operation} on stderr, got:\n${result.stderr}`);
  if (message) assert.match(m[1]!, message);
}

/**
 * A timestamp as printed: v1 prints the wire text (Redshift: `2024-05-01T12:34:56.789Z`), v2
 * reformats to ISO 8601 with microseconds and an offset (`2024-05-01T12:34:56.789000+00:00`).
 * Returns epoch milliseconds.
 */
export function printedInstant(cli: AwsCli, text: unknown): number {
  assert.equal(typeof text, "string", `a timestamp string, got ${JSON.stringify(text)}`);
  const format = cli.major === 1 ? /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/ : /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?\+00:00$/;
  assert.match(text as string, format, `${cli.version} timestamp format`);
  return Date.parse(text as string);
}
