/**
 * boto3/botocore against a server started here (docs/wire-protocol.md: real clients work unchanged with
 * only the
 * endpoint overridden). botocore differs from the JS SDK exactly where servers go wrong: it reads the
 * request id from the XML body, maps the error <Code> (not the shape name) to the typed exception,
 * and needs the <OpResult> wrapper. test/e2e/boto3_probe.py makes one call per run and prints JSON.
 * If python3 or boto3 is missing the tests are skipped with one line naming it (test/e2e/tools.ts);
 * `.ci/run` installs both and requires them.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { GRANTOR, startServer } from "../helpers.js";
import { boto3Missing } from "./tools.js";

const PROBE = fileURLToPath(new URL("./boto3_probe.py", import.meta.url));
/** Guards a hung interpreter only (a busy machine may take long to import boto3); no test asserts on time. */
const PROBE_GUARD_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The caller's environment without any AWS_* settings (profiles, endpoints, tokens), plus ours. */
function awsEnv(account: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("AWS_")) env[k] = v;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: account,
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/nonexistent/redshift-local/config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/redshift-local/credentials",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

async function probe<T = Record<string, unknown>>(endpoint: string, step: string, account = GRANTOR): Promise<T> {
  const { code, stdout, stderr } = await new Promise<{ code: number | string | null; stdout: string; stderr: string }>((resolve) => {
    execFile("python3", [PROBE, endpoint, step], { env: awsEnv(account), timeout: PROBE_GUARD_MS }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0, stdout, stderr });
    });
  });
  assert.notEqual(code, "ENOENT", "python3 is not installed: the boto3 end-to-end tests need python3 with boto3 (pip install boto3)");
  assert.doesNotMatch(stderr, /No module named 'boto3'/, "boto3 is not installed for python3: pip install boto3");
  assert.equal(code, 0, `boto3 probe '${step}' failed (${String(code)}):\n${stderr}`);
  return JSON.parse(stdout) as T;
}

interface Meta {
  RequestId: string;
  HeaderRequestId: string;
  HTTPStatusCode: number;
}

interface Failure extends Meta {
  exception: string | null;
  typed?: boolean;
  Error: { Code?: string; Message?: string; Type?: string };
}

describe("boto3", { skip: boto3Missing() }, () => {
  it("boto3: sts.get_caller_identity returns the key's account, with the request id read from the body", async () => {
    await using rs = await startServer();
    const out = await probe<{ Account: string; Arn: string } & Meta>(rs.url, "identity");
    assert.equal(out.Account, GRANTOR);
    assert.equal(out.Arn, `arn:aws:iam::${GRANTOR}:root`);
    assert.match(out.RequestId, UUID);
    assert.equal(out.RequestId, out.HeaderRequestId);
  });

  it("boto3: redshift.describe_clusters returns an empty list (the <DescribeClustersResult> wrapper parses)", async () => {
    await using rs = await startServer();
    const out = await probe<{ Clusters: unknown[] } & Meta>(rs.url, "describe-clusters");
    assert.deepEqual(out.Clusters, []);
    assert.equal(out.HTTPStatusCode, 200);
    assert.equal(out.RequestId, out.HeaderRequestId);
  });

  it("boto3: an unknown cluster raises client.exceptions.ClusterNotFoundFault (the wire code is ClusterNotFound, 404)", async () => {
    await using rs = await startServer();
    const out = await probe<Failure>(rs.url, "cluster-not-found");
    assert.equal(out.typed, true, `botocore raised ${String(out.exception)} ${JSON.stringify(out.Error)}, not the typed ClusterNotFoundFault`);
    assert.equal(out.exception, "ClusterNotFoundFault");
    assert.equal(out.Error.Code, "ClusterNotFound");
    assert.equal(out.Error.Type, "Sender");
    assert.match(out.Error.Message ?? "", /nope/);
    assert.equal(out.HTTPStatusCode, 404);
    assert.match(out.RequestId, UUID, "RequestId read from <ErrorResponse><RequestId>");
    assert.equal(out.RequestId, out.HeaderRequestId);
  });

  it("boto3: ec2.describe_vpcs lists the account's default VPC, request id from <requestId>", async () => {
    await using rs = await startServer();
    const out = await probe<{ Vpcs: { VpcId: string; IsDefault: boolean; CidrBlock: string; State: string }[] } & Meta>(rs.url, "describe-vpcs");
    assert.equal(out.Vpcs.length, 1);
    assert.equal(out.Vpcs[0]!.IsDefault, true);
    assert.equal(out.Vpcs[0]!.CidrBlock, "172.31.0.0/16");
    assert.equal(out.Vpcs[0]!.State, "available");
    assert.match(out.Vpcs[0]!.VpcId, /^vpc-[0-9a-f]+$/);
    assert.match(out.RequestId, UUID);
    assert.equal(out.RequestId, out.HeaderRequestId);
  });

  it("boto3: an unknown VPC is ClientError InvalidVpcID.NotFound, request id from <RequestID>", async () => {
    await using rs = await startServer();
    const out = await probe<Failure>(rs.url, "vpc-not-found");
    assert.equal(out.exception, "ClientError");
    assert.equal(out.Error.Code, "InvalidVpcID.NotFound");
    assert.equal(out.HTTPStatusCode, 400);
    assert.match(out.RequestId, UUID);
    assert.equal(out.RequestId, out.HeaderRequestId);
  });

  it("boto3: operations without output (DeleteClusterSubnetGroup, DeleteVpc) parse, with request ids from the body", async () => {
    await using rs = await startServer();
    const out = await probe<Record<"DeleteClusterSubnetGroup" | "DeleteVpc", Meta>>(rs.url, "no-output");
    for (const meta of [out.DeleteClusterSubnetGroup, out.DeleteVpc]) {
      assert.equal(meta.HTTPStatusCode, 200);
      assert.match(meta.RequestId, UUID);
      assert.equal(meta.RequestId, meta.HeaderRequestId);
    }
  });

  it("boto3: an unimplemented Redshift operation is a ClientError NotImplemented (501) naming it, not retried into a crash", async () => {
    await using rs = await startServer();
    const out = await probe<Failure>(rs.url, "not-implemented");
    assert.equal(out.exception, "ClientError");
    assert.equal(out.Error.Code, "NotImplemented");
    assert.match(out.Error.Message ?? "", /CreateHsmClientCertificate/);
    assert.equal(out.HTTPStatusCode, 501);
  });
});
