/**
 * The AWS CLI v1 (`aws`) against a server started here, with only `--endpoint-url` and the
 * environment pointing it at us (SPEC §4). The CLI is botocore underneath, but also its own output
 * formatting and exit codes, which users script against. If `aws` is not installed the tests fail
 * with a message saying so (CI installs it); they never skip.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { describe, it } from "node:test";
import { GRANTEE, GRANTOR, startServer } from "../helpers.js";

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The caller's environment without any AWS_* settings (profiles, endpoints, tokens), plus ours. */
function cliEnv(accessKeyId: string, secretAccessKey: string, region: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("AWS_")) env[k] = v;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: "/nonexistent/redshift-local/config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/redshift-local/credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_MAX_ATTEMPTS: "1",
    AWS_PAGER: "",
  };
}

interface RunOptions {
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly region?: string;
}

async function aws(endpoint: string, args: string[], opts: RunOptions = {}): Promise<CliResult> {
  const env = cliEnv(opts.accessKeyId ?? GRANTOR, opts.secretAccessKey ?? "test", opts.region ?? "us-east-1");
  const result = await new Promise<{ code: number | string; stdout: string; stderr: string }>((resolve) => {
    execFile("aws", ["--endpoint-url", endpoint, "--output", "json", ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0, stdout, stderr });
    });
  });
  assert.notEqual(result.code, "ENOENT", "the AWS CLI (`aws`, v1) is not installed or not on PATH: install it (pip install awscli) to run these tests");
  return { code: Number(result.code), stdout: result.stdout, stderr: result.stderr };
}

function json<T>(result: CliResult): T {
  assert.equal(result.code, 0, `aws exited ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

describe("AWS CLI v1", () => {
  it("aws: is the v1 CLI", async () => {
    const out = await new Promise<{ missing: boolean; text: string }>((resolve) => {
      execFile("aws", ["--version"], { env: cliEnv(GRANTOR, "test", "us-east-1"), timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ missing: (error as NodeJS.ErrnoException | null)?.code === "ENOENT", text: stdout + stderr });
      });
    });
    assert.ok(!out.missing, "the AWS CLI (`aws`, v1) is not installed or not on PATH: install it (pip install awscli) to run these tests");
    assert.match(out.text, /^aws-cli\/1\./);
  });

  it("aws sts get-caller-identity: the 12-digit access key is the account", async () => {
    await using rs = await startServer();
    const out = json<{ Account: string; Arn: string; UserId: string }>(await aws(rs.url, ["sts", "get-caller-identity"]));
    assert.equal(out.Account, GRANTOR);
    assert.equal(out.Arn, `arn:aws:iam::${GRANTOR}:root`);
    const other = json<{ Account: string }>(await aws(rs.url, ["sts", "get-caller-identity"], { accessKeyId: GRANTEE }));
    assert.equal(other.Account, GRANTEE);
  });

  it("aws redshift describe-clusters: an empty list on a fresh server", async () => {
    await using rs = await startServer();
    assert.deepEqual(json(await aws(rs.url, ["redshift", "describe-clusters"])), { Clusters: [] });
  });

  it("aws redshift describe-clusters --cluster-identifier nope: exits 254/255 with ClusterNotFound on stderr", async () => {
    await using rs = await startServer();
    const res = await aws(rs.url, ["redshift", "describe-clusters", "--cluster-identifier", "nope"]);
    assert.ok(res.code === 254 || res.code === 255, `exit code ${res.code}`);
    assert.match(res.stderr, /An error occurred \(ClusterNotFound\) when calling the DescribeClusters operation: .*nope/);
    assert.equal(res.stdout, "");
  });

  it("aws ec2 describe-vpcs: the account's default VPC in the configured region", async () => {
    await using rs = await startServer();
    const out = json<{ Vpcs: { IsDefault: boolean; CidrBlock: string; OwnerId: string; State: string }[] }>(
      await aws(rs.url, ["ec2", "describe-vpcs"], { region: "eu-west-1" }),
    );
    assert.equal(out.Vpcs.length, 1);
    assert.equal(out.Vpcs[0]!.IsDefault, true);
    assert.equal(out.Vpcs[0]!.CidrBlock, "172.31.0.0/16");
    assert.equal(out.Vpcs[0]!.OwnerId, GRANTOR);
    assert.equal(out.Vpcs[0]!.State, "available");
  });

  it("aws ec2 describe-subnets: the default VPC's subnets carry the region's availability zones", async () => {
    await using rs = await startServer();
    const out = json<{ Subnets: { AvailabilityZone: string; DefaultForAz: boolean }[] }>(await aws(rs.url, ["ec2", "describe-subnets"], { region: "eu-west-1" }));
    assert.ok(out.Subnets.length > 0);
    for (const s of out.Subnets) {
      assert.match(s.AvailabilityZone, /^eu-west-1[a-z]$/);
      assert.equal(s.DefaultForAz, true);
    }
  });

  it("aws redshift authorize-endpoint-access: a cross-account grant with a VPC list, seen from the grantee's side", async () => {
    await using rs = await startServer();
    json(await aws(rs.url, ["redshift", "create-cluster", "--cluster-identifier", "shared", "--node-type", "ra3.xlplus", "--master-username", "admin", "--master-user-password", "Passw0rd!", "--number-of-nodes", "2"]));
    const grant = json<{ Grantor: string; Grantee: string; AllowedVPCs: string[]; AllowedAllVPCs: boolean; Status: string }>(
      await aws(rs.url, ["redshift", "authorize-endpoint-access", "--cluster-identifier", "shared", "--account", GRANTEE, "--vpc-ids", "vpc-0a1b2c3d", "vpc-1b2c3d4e"]),
    );
    assert.equal(grant.Grantor, GRANTOR);
    assert.equal(grant.Grantee, GRANTEE);
    assert.deepEqual(grant.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-1b2c3d4e"]);
    assert.equal(grant.AllowedAllVPCs, false);
    const seen = json<{ EndpointAuthorizationList: { Grantor: string; ClusterIdentifier: string; AllowedVPCs: string[] }[] }>(
      await aws(rs.url, ["redshift", "describe-endpoint-authorization", "--grantee"], { accessKeyId: GRANTEE }),
    );
    assert.equal(seen.EndpointAuthorizationList.length, 1);
    assert.equal(seen.EndpointAuthorizationList[0]!.Grantor, GRANTOR);
    assert.equal(seen.EndpointAuthorizationList[0]!.ClusterIdentifier, "shared");
    assert.deepEqual(seen.EndpointAuthorizationList[0]!.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-1b2c3d4e"]);
  });

  it("aws: strict mode serves a configured key and refuses a wrong secret with SignatureDoesNotMatch", async () => {
    await using rs = await startServer({ auth: "strict", credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t", accountId: GRANTEE }] });
    const ok = json<{ Account: string }>(await aws(rs.url, ["sts", "get-caller-identity"], { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t" }));
    assert.equal(ok.Account, GRANTEE);
    const bad = await aws(rs.url, ["redshift", "describe-clusters"], { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wrong" });
    assert.ok(bad.code === 254 || bad.code === 255, `exit code ${bad.code}`);
    assert.match(bad.stderr, /\(SignatureDoesNotMatch\)/);
  });

  it("aws: works through an endpoint URL with a path prefix", async () => {
    await using rs = await startServer({ auth: "strict", credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t", accountId: GRANTEE }] });
    const out = json<{ Clusters: unknown[] }>(await aws(`${rs.url}/pre/fix`, ["redshift", "describe-clusters"], { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t" }));
    assert.deepEqual(out.Clusters, []);
  });
});
