/**
 * Injected errors through the official SDKs (README "Fault injection"): they are AWS errors on the
 * wire — the SDK's retry logic retries the retryable codes and gives up on the others, the typed
 * exception is raised — and they fire where the rule says (service, operation, account, region,
 * count, probability, expiry).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  ClusterNotFoundFault,
  CreateClusterSubnetGroupCommand,
  DescribeClusterSubnetGroupsCommand,
  DescribeClustersCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { ManualClock, type FaultRuleInput, type RedshiftLocal } from "../../src/index.js";
import { mulberry32 } from "../../src/server/faults/engine.js";
import { GRANTEE, GRANTOR, REGION, clientsFor, expectAwsError, startServer } from "../helpers.js";

interface Served extends AsyncDisposable {
  readonly rs: RedshiftLocal;
  readonly clock: ManualClock;
  /** Requests the server answered for `action` (from its log). */
  seen(action: string): number;
  lines: Record<string, unknown>[];
}

async function serve(faults: readonly (string | FaultRuleInput)[], faultSeed?: number): Promise<Served> {
  const lines: Record<string, unknown>[] = [];
  // The real time: a response Date far from the client's makes the SDK retry to correct its clock skew.
  const clock = new ManualClock(Date.now());
  const rs = await startServer({
    clock,
    faults,
    ...(faultSeed !== undefined ? { faultSeed } : {}),
    logLevel: "info",
    logSink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return {
    rs,
    clock,
    lines,
    seen: (action) => lines.filter((l) => l["msg"] === "request" && l["action"] === action).length,
    [Symbol.asyncDispose]: () => rs.close(),
  };
}

/** SDK clients with the SDK's default retry settings (standard mode, 3 attempts). */
function retrying(url: string, account = GRANTOR) {
  const config = { endpoint: url, region: REGION, credentials: { accessKeyId: account, secretAccessKey: "test" } };
  return { redshift: new RedshiftClient(config), ec2: new EC2Client(config), sts: new STSClient(config) };
}

async function health(url: string): Promise<{ faults: { fired: number; rules: Record<string, number> } }> {
  return (await (await fetch(`${url}/_redshift-local/health`)).json()) as { faults: { fired: number; rules: Record<string, number> } };
}

describe("fault injection: errors", () => {
  it("an SDK client with default retries succeeds through a rule throttling the first 2 calls; the server saw 3 requests", async () => {
    await using s = await serve(["redshift:DescribeClusters,error=Throttling,count=2,id=throttle"]);
    const out = await retrying(s.rs.url).redshift.send(new DescribeClustersCommand({}));
    assert.deepEqual(out.Clusters, []);
    assert.equal(out.$metadata.attempts, 3);
    assert.equal(s.seen("DescribeClusters"), 3);
    assert.deepEqual((await health(s.rs.url)).faults, { fired: 2, rules: { throttle: 2 } });
    const fired = s.lines.filter((l) => l["msg"] === "fault injected");
    assert.equal(fired.length, 2);
    assert.deepEqual([fired[0]!["level"], fired[0]!["rule"], fired[0]!["error"], fired[0]!["action"]], ["info", "throttle", "Throttling", "DescribeClusters"]);
  });

  it("when every call is throttled the SDK gives up after its 3 attempts with the Throttling error, status 400", async () => {
    await using s = await serve(["redshift:DescribeClusters,error=ThrottlingException"]);
    const err = await expectAwsError(retrying(s.rs.url).redshift.send(new DescribeClustersCommand({})), "ThrottlingException", 400);
    assert.equal(err.message, "Rate exceeded");
    assert.equal((err as { $metadata: { attempts?: number } }).$metadata.attempts, 3);
    assert.equal(s.seen("DescribeClusters"), 3);
  });

  it("a modelled error of the operation is the typed exception with its modelled status, and is not retried", async () => {
    await using s = await serve([{ service: "redshift", operation: "DescribeClusters", error: "ClusterNotFound" }]);
    const err = await expectAwsError(retrying(s.rs.url).redshift.send(new DescribeClustersCommand({})), "ClusterNotFoundFault", 404);
    assert.ok(err instanceof ClusterNotFoundFault);
    assert.equal(s.seen("DescribeClusters"), 1);
  });

  it("InternalFailure is a 500 the SDK retries; ServiceUnavailable a 503", async () => {
    await using s = await serve(["sts:GetCallerIdentity,error=InternalFailure,count=1", "redshift:DescribeClusters,error=ServiceUnavailable"]);
    const out = await retrying(s.rs.url).sts.send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, GRANTOR);
    assert.equal(s.seen("GetCallerIdentity"), 2);
    await expectAwsError(clientsFor(s.rs.url, GRANTOR).redshift.send(new DescribeClustersCommand({})), "ServiceUnavailable", 503);
  });

  it("an EC2 rule answers in EC2's envelope: RequestLimitExceeded (503) is retried by the EC2 client", async () => {
    await using s = await serve(["ec2:DescribeVpcs,error=RequestLimitExceeded,count=1"]);
    const err = await expectAwsError(clientsFor(s.rs.url, GRANTOR).ec2.send(new DescribeVpcsCommand({})), "RequestLimitExceeded", 503);
    assert.equal(err.message, "Request limit exceeded.");
    const out = await retrying(s.rs.url).ec2.send(new DescribeVpcsCommand({}));
    assert.equal(out.Vpcs?.length, 1, "the default VPC");
    assert.equal(out.$metadata.attempts, 1, "the rule fired once only");
  });

  it("an unknown code is answered as given, 400 unless the rule gives a status", async () => {
    await using s = await serve(["DescribeClusters,error=SomethingOdd,count=1", "DescribeClusters,error=Teapot,status=418,count=1,message=short and stout"]);
    const c = clientsFor(s.rs.url, GRANTOR).redshift;
    const odd = await expectAwsError(c.send(new DescribeClustersCommand({})), "SomethingOdd", 400);
    assert.match(odd.message, /injected by redshift-local fault rule fault-1/);
    const teapot = await expectAwsError(c.send(new DescribeClustersCommand({})), "Teapot", 418);
    assert.equal(teapot.message, "short and stout");
    await c.send(new DescribeClustersCommand({}));
  });

  it("a rule matches only its service, operation, account and region", async () => {
    await using s = await serve([{ operation: "DescribeClusters", account: GRANTEE, region: "eu-west-1", error: "Throttling" }]);
    await clientsFor(s.rs.url, GRANTOR, "eu-west-1").redshift.send(new DescribeClustersCommand({}));
    await clientsFor(s.rs.url, GRANTEE, REGION).redshift.send(new DescribeClustersCommand({}));
    await clientsFor(s.rs.url, GRANTEE, "eu-west-1").redshift.send(new DescribeClusterSubnetGroupsCommand({}));
    await expectAwsError(clientsFor(s.rs.url, GRANTEE, "eu-west-1").redshift.send(new DescribeClustersCommand({})), "Throttling", 400);
  });

  it("a rule with a probability fires as its seeded draws say, the same on every run", async () => {
    const draw = mulberry32(7);
    const expected = Array.from({ length: 12 }, () => draw() < 0.5);
    assert.ok(expected.includes(true) && expected.includes(false), "the seed gives a mix");
    for (let run = 0; run < 2; run++) {
      await using s = await serve(["DescribeClusters,error=InvalidClusterState,probability=0.5,seed=7"]);
      const c = clientsFor(s.rs.url, GRANTOR).redshift;
      const outcomes: boolean[] = [];
      for (let i = 0; i < expected.length; i++) outcomes.push(await c.send(new DescribeClustersCommand({})).then(() => false, () => true));
      assert.deepEqual(outcomes, expected, `run ${run}`);
    }
  });

  it("a rule with for=DURATION expires on the server's clock", async () => {
    await using s = await serve(["DescribeClusters,error=Throttling,for=10m"]);
    const c = clientsFor(s.rs.url, GRANTOR).redshift;
    s.clock.advance(10 * 60_000 - 1);
    await expectAwsError(c.send(new DescribeClustersCommand({})), "Throttling");
    s.clock.advance(1);
    await c.send(new DescribeClustersCommand({}));
  });
});

describe("fault injection: before and after the effect", () => {
  it("when=before (the default): the operation did not run, nothing was created", async () => {
    await using s = await serve(["CreateClusterSubnetGroup,error=InternalFailure,count=1"]);
    const c = clientsFor(s.rs.url, GRANTOR);
    const subnet = await defaultSubnet(c.ec2);
    const create = () => c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "sg1", Description: "d", SubnetIds: [subnet] }));
    await expectAwsError(create(), "InternalFailure", 500);
    assert.deepEqual((await c.redshift.send(new DescribeClusterSubnetGroupsCommand({}))).ClusterSubnetGroups, []);
    await create();
  });

  it("when=after: the operation applied and committed, only the answer is replaced", async () => {
    await using s = await serve(["CreateClusterSubnetGroup,error=InternalFailure,when=after,count=1"]);
    const c = clientsFor(s.rs.url, GRANTOR);
    const subnet = await defaultSubnet(c.ec2);
    await expectAwsError(c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "sg1", Description: "d", SubnetIds: [subnet] })), "InternalFailure", 500);
    const groups = (await c.redshift.send(new DescribeClusterSubnetGroupsCommand({}))).ClusterSubnetGroups ?? [];
    assert.deepEqual(groups.map((g) => g.ClusterSubnetGroupName), ["sg1"]);
  });

  it("when=after: the SDK's own retry of the lost answer meets the applied effect (ClusterSubnetGroupAlreadyExists), as against AWS", async () => {
    await using s = await serve(["CreateClusterSubnetGroup,error=InternalFailure,when=after,count=1"]);
    const subnet = await defaultSubnet(clientsFor(s.rs.url, GRANTOR).ec2);
    const c = retrying(s.rs.url).redshift;
    await expectAwsError(c.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "sg1", Description: "d", SubnetIds: [subnet] })), "ClusterSubnetGroupAlreadyExistsFault", 400);
    assert.equal(s.seen("CreateClusterSubnetGroup"), 2);
  });

  it("when=after does not fire on a call that failed on its own (nothing was applied)", async () => {
    await using s = await serve(["DescribeClusters,error=Throttling,when=after,count=1"]);
    const c = clientsFor(s.rs.url, GRANTOR).redshift;
    await expectAwsError(c.send(new DescribeClustersCommand({ ClusterIdentifier: "nope" })), "ClusterNotFoundFault", 404);
    await expectAwsError(c.send(new DescribeClustersCommand({})), "Throttling", 400);
  });
});

async function defaultSubnet(ec2: EC2Client): Promise<string> {
  const out = await ec2.send(new DescribeSubnetsCommand({}));
  return out.Subnets![0]!.SubnetId!;
}
