/**
 * Injected faults against the retry logic of real tools, with their default retry settings:
 * botocore (boto3) retries a throttle and gives up at once on a modelled error, raising the typed
 * exception; the AWS CLI recovers from throttled calls. The number of requests the server saw is
 * counted from its log. Missing tools skip these tests with one line (test/e2e/tools.ts).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { describe, it } from "node:test";
import type { FaultRuleInput, RedshiftLocal } from "../../src/index.js";
import { GRANTOR, startServer } from "../helpers.js";
import { cliEnv, discoverAwsClis, type AwsCli } from "./awscli-runner.js";
import { boto3Missing, skipUnlessRequired } from "./tools.js";

/** Guards a hung child only (retries back off for a few seconds); no test asserts on time. */
const GUARD_MS = 5 * 60_000;

interface Served extends AsyncDisposable {
  readonly rs: RedshiftLocal;
  seen(action: string): number;
}

async function serve(faults: readonly (string | FaultRuleInput)[]): Promise<Served> {
  const lines: { msg?: string; action?: string }[] = [];
  const rs = await startServer({ faults, logLevel: "info", logSink: (line) => lines.push(JSON.parse(line) as { msg?: string; action?: string }) });
  return { rs, seen: (action) => lines.filter((l) => l.msg === "request" && l.action === action).length, [Symbol.asyncDispose]: () => rs.close() };
}

/** The tools' environment with their own default retry settings (cliEnv pins one attempt). */
function defaultRetriesEnv(): NodeJS.ProcessEnv {
  const env = cliEnv(GRANTOR, "test", "us-east-1");
  delete env["AWS_MAX_ATTEMPTS"];
  return env;
}

function exec(command: string, args: readonly string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env: defaultRetriesEnv(), timeout: GUARD_MS }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const BOTO3 = `
import json, sys
import boto3
redshift = boto3.client("redshift", endpoint_url=sys.argv[1])
try:
    r = redshift.describe_clusters(**({"ClusterIdentifier": sys.argv[2]} if len(sys.argv) > 2 else {}))
    print(json.dumps({"ok": True, "RetryAttempts": r["ResponseMetadata"]["RetryAttempts"]}))
except redshift.exceptions.ClusterNotFoundFault as exc:
    print(json.dumps({"ok": False, "typed": True, "Code": exc.response["Error"]["Code"], "Status": exc.response["ResponseMetadata"]["HTTPStatusCode"], "RetryAttempts": exc.response["ResponseMetadata"]["RetryAttempts"]}))
`;

async function boto3(endpoint: string, ...args: string[]): Promise<Record<string, unknown>> {
  const out = await exec("python3", ["-c", BOTO3, endpoint, ...args]);
  assert.equal(out.code, 0, out.stderr);
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

describe("fault injection: botocore's retries", { skip: boto3Missing() }, () => {
  it("boto3 with default retries gets through two throttled calls", async () => {
    await using s = await serve(["redshift:DescribeClusters,error=Throttling,count=2"]);
    assert.deepEqual(await boto3(s.rs.url), { ok: true, RetryAttempts: 2 });
    assert.equal(s.seen("DescribeClusters"), 3);
  });

  it("boto3 raises the typed exception of a modelled error at once, without retrying", async () => {
    await using s = await serve(["redshift:DescribeClusters,error=ClusterNotFound"]);
    assert.deepEqual(await boto3(s.rs.url), { ok: false, typed: true, Code: "ClusterNotFound", Status: 404, RetryAttempts: 0 });
    assert.equal(s.seen("DescribeClusters"), 1);
  });
});

const { clis, problem } = discoverAwsClis();
if (problem !== undefined) it("fault injection: the AWS CLI recovers", { skip: skipUnlessRequired("aws", problem) }, () => {});

for (const cli of clis) {
  describe(`fault injection: AWS CLI v${cli.major}`, () => awsCliScenarios(cli));
}

function awsCliScenarios(cli: AwsCli): void {
  const aws = (endpoint: string, args: string[]) =>
    exec(cli.command, [...(cli.major >= 2 ? ["--no-cli-pager"] : []), "--endpoint-url", endpoint, "--output", "json", ...args]);

  it("aws redshift describe-clusters recovers from two throttled calls", async () => {
    await using s = await serve(["redshift:DescribeClusters,error=Throttling,count=2"]);
    const out = await aws(s.rs.url, ["redshift", "describe-clusters"]);
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout), { Clusters: [] });
    assert.equal(s.seen("DescribeClusters"), 3);
  });

  it("aws ec2 describe-vpcs recovers from a RequestLimitExceeded and a 500", async () => {
    await using s = await serve(["ec2:DescribeVpcs,error=RequestLimitExceeded,count=1", "ec2:DescribeVpcs,error=InternalError,count=1"]);
    const out = await aws(s.rs.url, ["ec2", "describe-vpcs"]);
    assert.equal(out.code, 0, out.stderr);
    assert.equal((JSON.parse(out.stdout) as { Vpcs: unknown[] }).Vpcs.length, 1);
    assert.equal(s.seen("DescribeVpcs"), 3);
  });
}
