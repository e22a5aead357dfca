/**
 * Logs a user can debug with: one line per request with action, service, account, region, status,
 * error code and message, duration and request id; 4xx at info, 501 at warn, an unexpected exception
 * once at error with its stack; one line per admin request. Every line is captured through logSink.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateVpcCommand, DescribeVpcsCommand, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { CreateClusterCommand, DeleteClusterCommand, DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";
import { send, sendSigned } from "../wire/signing.js";

interface Line {
  readonly level: string;
  readonly msg: string;
  readonly requestId?: string;
  readonly service?: string;
  readonly action?: string;
  readonly account?: string;
  readonly region?: string;
  readonly status?: number;
  readonly code?: string;
  readonly message?: string;
  readonly ms?: number;
  readonly route?: string;
  readonly method?: string;
}

async function withLogs(fn: (url: string) => Promise<void>): Promise<Line[]> {
  const lines: string[] = [];
  const rs = await startServer({ logLevel: "info", logSink: (line) => lines.push(line) });
  try {
    await fn(rs.url);
  } finally {
    await rs.close();
  }
  return lines.map((l) => JSON.parse(l) as Line);
}

describe("request logs", () => {
  it("logs: a served request is one info line with action, service, account, region, status, duration and request id", async () => {
    let requestId: string | undefined;
    const lines = await withLogs(async (url) => {
      const out = await clientsFor(url, GRANTOR, "eu-west-1").ec2.send(new DescribeVpcsCommand({}));
      requestId = out.$metadata.requestId;
    });
    const requests = lines.filter((l) => l.msg === "request");
    assert.equal(requests.length, 1, JSON.stringify(lines));
    const line = requests[0]!;
    assert.deepEqual(
      [line.level, line.service, line.action, line.account, line.region, line.status, line.requestId, line.code],
      ["info", "ec2", "DescribeVpcs", GRANTOR, "eu-west-1", 200, requestId, undefined],
    );
    assert.equal(typeof line.ms, "number");
  });

  it("logs: a client error (4xx) is logged at info with its code and message", async () => {
    const lines = await withLogs(async (url) => {
      await expectAwsError(clientsFor(url, GRANTEE).redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "nope" })), "ClusterNotFoundFault", 404);
    });
    const line = lines.find((l) => l.msg === "request");
    assert.ok(line, JSON.stringify(lines));
    assert.deepEqual([line.level, line.service, line.action, line.account, line.region, line.status, line.code], ["info", "redshift", "DescribeClusters", GRANTEE, "us-east-1", 404, "ClusterNotFound"]);
    assert.match(line.message ?? "", /nope/);
  });

  it("logs: a refused signature is logged at info with the claimed service, region and the auth error", async () => {
    const lines = await withLogs(async (url) => {
      const res = await sendSigned(url, "Action=GetCallerIdentity", { service: "sts", region: "US-EAST-1", signingDate: new Date() });
      assert.equal(res.status, 403);
    });
    const line = lines.find((l) => l.msg === "request");
    assert.ok(line);
    assert.deepEqual([line.level, line.service, line.action, line.region, line.status, line.code], ["info", "sts", "GetCallerIdentity", "US-EAST-1", 403, "SignatureDoesNotMatch"]);
  });

  it("logs: 501 NotImplemented is logged at warn naming the operation, and a service that is not emulated naming the service", async () => {
    const lines = await withLogs(async (url) => {
      await expectAwsError(clientsFor(url, GRANTOR).ec2.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1 })), "NotImplemented", 501);
      const res = await sendSigned(url, "Action=ListBuckets", { service: "s3", signingDate: new Date() });
      assert.equal(res.status, 501);
    });
    const [op, service] = lines.filter((l) => l.msg === "request");
    assert.deepEqual([op?.level, op?.service, op?.action, op?.status, op?.code], ["warn", "ec2", "RunInstances", 501, "NotImplemented"]);
    assert.match(op?.message ?? "", /RunInstances/);
    assert.deepEqual([service?.level, service?.service, service?.action, service?.status, service?.code], ["warn", "s3", "ListBuckets", 501, "NotImplemented"]);
    assert.ok(!lines.some((l) => l.level === "error"), "no error lines");
  });

  it("logs: an ordinary session (creates, describes, client errors, 501s, admin calls) leaves no error line", async () => {
    const lines = await withLogs(async (url) => {
      const { redshift, ec2, sts } = clientsFor(url, GRANTOR);
      await sts.send(new GetCallerIdentityCommand({}));
      await ec2.send(new CreateVpcCommand({ CidrBlock: "10.3.0.0/16" }));
      await redshift.send(new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }));
      await expectAwsError(redshift.send(new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" })), "ClusterAlreadyExistsFault", 400);
      await expectAwsError(ec2.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1 })), "NotImplemented", 501);
      await redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "c1", SkipFinalClusterSnapshot: true }));
      assert.equal((await send(url, { method: "GET", path: "/_redshift-local/state" })).status, 200);
    });
    assert.deepEqual(lines.filter((l) => l.level === "error"), []);
    assert.equal(lines.filter((l) => l.msg === "request").length, 6, "one line per AWS request");
  });

  it("logs: an Authorization header without spaces is never quoted whole (its signature stays out of the answer and the log)", async () => {
    const signature = "ab".repeat(32);
    let text = "";
    const lines = await withLogs(async (url) => {
      const res = await rawPost(url, "Action=GetCallerIdentity&Version=2011-06-15", {
        authorization: `AWS4-HMAC-SHA256,Credential=AKID/20300101/us-east-1/sts/aws4_request,SignedHeaders=host,Signature=${signature}`,
        "x-amz-date": "20300101T000000Z",
      });
      text = res.text;
      assert.equal(res.status, 400);
    });
    assert.ok(!text.includes(signature), text);
    const line = lines.find((l) => l.msg === "request");
    assert.equal(line?.code, "IncompleteSignature");
    assert.ok(!JSON.stringify(lines).includes(signature), "no signature in the log");
  });

  it("logs: an admin request is one info line with the route and status (refusals included)", async () => {
    const lines = await withLogs(async (url) => {
      assert.equal((await send(url, { method: "GET", path: "/_redshift-local/health" })).status, 200);
      assert.equal((await send(url, { method: "POST", path: "/_redshift-local/reset", headers: { origin: "https://evil.example" }, body: "" })).status, 403);
    });
    const admin = lines.filter((l) => l.msg === "admin");
    assert.deepEqual(
      admin.map((l) => [l.level, l.method, l.route, l.status]),
      [
        ["info", "GET", "/_redshift-local/health", 200],
        ["info", "POST", "/_redshift-local/reset", 403],
      ],
    );
  });
});
