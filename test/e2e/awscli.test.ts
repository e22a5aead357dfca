/**
 * The AWS CLI against a server started here, with only `--endpoint-url` and the environment
 * pointing it at us (docs/wire-protocol.md). The same scenarios run once per CLI found: `aws` on PATH, plus
 * /usr/bin/aws when that is another major (this machine: pip's v1 first on PATH and Debian's v2;
 * a fresh CI machine: Debian's v2 only). The CLI is botocore underneath, but also its own output
 * formatting and exit codes, which users script against; test/e2e/awscli-runner.ts holds what
 * differs between the majors. If no `aws` is on PATH they are skipped with one line saying so
 * (test/e2e/tools.ts); `.ci/run` installs one and requires it.
 */
import assert from "node:assert/strict";
import { CreateClusterCommand } from "@aws-sdk/client-redshift";
import { describe, it } from "node:test";
import { ManualClock } from "../../src/index.js";
import { GRANTEE, GRANTOR, STRANGER, clientsFor, startServer } from "../helpers.js";
import { assertServiceError, discoverAwsClis, json, printedInstant, runAws, type AwsCli, type CliResult, type RunOptions } from "./awscli-runner.js";
import { skipUnlessRequired } from "./tools.js";

const { clis, problem } = discoverAwsClis();

if (problem !== undefined) {
  // One line naming the missing tool; the scenarios still run with /usr/bin/aws when only that exists.
  it("AWS CLI: the scenarios with `aws` on PATH", { skip: skipUnlessRequired("aws", problem) }, () => {});
}

for (const cli of clis) {
  describe(`AWS CLI v${cli.major} (${cli.version}, ${cli.command})`, () => scenarios(cli));
}

interface Cluster {
  ClusterIdentifier: string;
  ClusterStatus: string;
  ClusterCreateTime: string;
}

interface Authorization {
  Grantor: string;
  Grantee: string;
  ClusterIdentifier: string;
  AllowedVPCs: string[];
  AllowedAllVPCs: boolean;
  Status: string;
  EndpointCount: number;
}

interface Endpoint {
  EndpointName: string;
  EndpointStatus: string;
  ClusterIdentifier: string;
  ResourceOwner: string;
  SubnetGroupName: string;
  EndpointCreateTime: string;
  Address?: string;
  Port: number;
  VpcEndpoint?: { VpcId: string; NetworkInterfaces: { SubnetId: string }[] };
}

function scenarios(cli: AwsCli): void {
  const aws = (endpoint: string, args: string[], opts: Partial<RunOptions> = {}): Promise<CliResult> =>
    runAws(cli, endpoint, args, { accessKeyId: GRANTOR, ...opts });
  const createCluster = (endpoint: string, id: string): Promise<CliResult> =>
    aws(endpoint, ["redshift", "create-cluster", "--cluster-identifier", id, "--node-type", "ra3.xlplus", "--master-username", "admin", "--master-user-password", "Passw0rd!", "--number-of-nodes", "2"]);

  it(`aws --version: reports aws-cli/${cli.major}.x`, () => {
    assert.match(cli.version, new RegExp(`^aws-cli/${cli.major}\\.\\d+\\.\\d+$`));
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

  it(`aws redshift describe-clusters --cluster-identifier nope: exits ${cli.major === 1 ? 255 : 254} with ClusterNotFound on stderr`, async () => {
    await using rs = await startServer();
    const res = await aws(rs.url, ["redshift", "describe-clusters", "--cluster-identifier", "nope"]);
    assertServiceError(cli, res, "ClusterNotFound", "DescribeClusters", /nope/);
  });

  it("aws redshift create-cluster: ClusterCreateTime is the server clock's instant, in this CLI's timestamp format", async () => {
    const clock = new ManualClock(Date.UTC(2024, 4, 1, 12, 34, 56, 789));
    await using rs = await startServer({ clock });
    const out = json<{ Cluster: Cluster }>(await createCluster(rs.url, "timed"));
    assert.equal(printedInstant(cli, out.Cluster.ClusterCreateTime), clock.now());
  });

  it("aws redshift describe-clusters: --page-size follows Marker across pages, --max-items hands back a token that resumes", async () => {
    await using rs = await startServer();
    const { redshift } = clientsFor(rs.url, GRANTOR);
    const ids = Array.from({ length: 21 }, (_, i) => `paged-${String(i).padStart(2, "0")}`);
    for (const id of ids) {
      await redshift.send(new CreateClusterCommand({ ClusterIdentifier: id, NodeType: "dc2.large", ClusterType: "single-node", MasterUsername: "admin", MasterUserPassword: "Passw0rd!" }));
    }
    // MaxRecords is at least 20 (a page of 20 for 21 clusters), so all 21 means the CLI sent the Marker back.
    const all = json<string[]>(await aws(rs.url, ["redshift", "describe-clusters", "--page-size", "20", "--query", "Clusters[].ClusterIdentifier"]));
    assert.deepEqual(all, ids);
    const first = json<{ Clusters: Cluster[]; NextToken?: string }>(await aws(rs.url, ["redshift", "describe-clusters", "--page-size", "20", "--max-items", "20"]));
    assert.deepEqual(first.Clusters.map((c) => c.ClusterIdentifier), ids.slice(0, 20));
    assert.ok(first.NextToken, "a NextToken for the rest");
    const rest = json<{ Clusters: Cluster[]; NextToken?: string }>(
      await aws(rs.url, ["redshift", "describe-clusters", "--page-size", "20", "--max-items", "20", "--starting-token", first.NextToken]),
    );
    assert.deepEqual(rest.Clusters.map((c) => c.ClusterIdentifier), ids.slice(20));
    assert.equal(rest.NextToken, undefined);
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

  it("aws ec2 describe-vpcs --vpc-ids: an unknown VPC is InvalidVpcID.NotFound in the EC2 error envelope", async () => {
    await using rs = await startServer();
    const res = await aws(rs.url, ["ec2", "describe-vpcs", "--vpc-ids", "vpc-0123456789abcdef0"]);
    assertServiceError(cli, res, "InvalidVpcID.NotFound", "DescribeVpcs", /vpc-0123456789abcdef0/);
  });

  it("aws redshift authorize-endpoint-access: a cross-account grant with a VPC list, seen from the grantee's side", async () => {
    await using rs = await startServer();
    json(await createCluster(rs.url, "shared"));
    const grant = json<Authorization>(
      await aws(rs.url, ["redshift", "authorize-endpoint-access", "--cluster-identifier", "shared", "--account", GRANTEE, "--vpc-ids", "vpc-0a1b2c3d", "vpc-1b2c3d4e"]),
    );
    assert.equal(grant.Grantor, GRANTOR);
    assert.equal(grant.Grantee, GRANTEE);
    assert.deepEqual(grant.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-1b2c3d4e"]);
    assert.equal(grant.AllowedAllVPCs, false);
    const seen = json<{ EndpointAuthorizationList: Authorization[] }>(
      await aws(rs.url, ["redshift", "describe-endpoint-authorization", "--grantee"], { accessKeyId: GRANTEE }),
    );
    assert.equal(seen.EndpointAuthorizationList.length, 1);
    assert.equal(seen.EndpointAuthorizationList[0]!.Grantor, GRANTOR);
    assert.equal(seen.EndpointAuthorizationList[0]!.ClusterIdentifier, "shared");
    assert.deepEqual(seen.EndpointAuthorizationList[0]!.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-1b2c3d4e"]);
  });

  it("aws redshift: the cross-account endpoint lifecycle, grantor authorizes, grantee creates, describes and deletes", async () => {
    const clock = new ManualClock(Date.UTC(2024, 4, 1, 8, 0, 0, 250));
    await using rs = await startServer({ clock, delays: { "endpoint-create": 60_000, "endpoint-delete": 60_000 } });
    const asGrantee = { accessKeyId: GRANTEE };
    json(await createCluster(rs.url, "shared"));
    const vpcId = json<string>(await aws(rs.url, ["ec2", "describe-vpcs", "--query", "Vpcs[0].VpcId"], asGrantee));
    const subnets = json<string[]>(await aws(rs.url, ["ec2", "describe-subnets", "--query", "Subnets[].SubnetId"], asGrantee));
    json(await aws(rs.url, ["redshift", "create-cluster-subnet-group", "--cluster-subnet-group-name", "consumer", "--description", "grantee subnets", "--subnet-ids", ...subnets.slice(0, 2)], asGrantee));

    const grant = json<Authorization>(await aws(rs.url, ["redshift", "authorize-endpoint-access", "--cluster-identifier", "shared", "--account", GRANTEE, "--vpc-ids", vpcId]));
    assert.equal(grant.Status, "Authorized");
    const seen = json<{ EndpointAuthorizationList: Authorization[] }>(await aws(rs.url, ["redshift", "describe-endpoint-authorization", "--grantee"], asGrantee));
    assert.deepEqual(seen.EndpointAuthorizationList.map((a) => [a.Grantor, a.ClusterIdentifier, a.AllowedVPCs]), [[GRANTOR, "shared", [vpcId]]]);

    const created = json<Endpoint>(
      await aws(rs.url, ["redshift", "create-endpoint-access", "--endpoint-name", "consumer-ep", "--cluster-identifier", "shared", "--resource-owner", GRANTOR, "--subnet-group-name", "consumer"], asGrantee),
    );
    assert.equal(created.EndpointStatus, "creating");
    assert.equal(created.ResourceOwner, GRANTOR);
    assert.equal(printedInstant(cli, created.EndpointCreateTime), clock.now());

    clock.advance(60_000);
    const described = json<{ EndpointAccessList: Endpoint[] }>(await aws(rs.url, ["redshift", "describe-endpoint-access", "--endpoint-name", "consumer-ep"], asGrantee));
    assert.equal(described.EndpointAccessList.length, 1);
    const active = described.EndpointAccessList[0]!;
    assert.equal(active.EndpointStatus, "active");
    assert.equal(active.Port, 5439);
    assert.match(active.Address ?? "", /^consumer-ep-endpoint-[a-z0-9]+\.[a-z0-9]+\.us-east-1\.redshift\.amazonaws\.com$/);
    assert.equal(active.VpcEndpoint?.VpcId, vpcId);
    assert.ok(subnets.includes(active.VpcEndpoint.NetworkInterfaces[0]!.SubnetId));
    const counted = json<{ EndpointAuthorizationList: Authorization[] }>(await aws(rs.url, ["redshift", "describe-endpoint-authorization", "--account", GRANTEE]));
    assert.equal(counted.EndpointAuthorizationList[0]!.EndpointCount, 1);

    const deleting = json<Endpoint>(await aws(rs.url, ["redshift", "delete-endpoint-access", "--endpoint-name", "consumer-ep"], asGrantee));
    assert.equal(deleting.EndpointStatus, "deleting");
    clock.advance(60_000);
    const gone = await aws(rs.url, ["redshift", "describe-endpoint-access", "--endpoint-name", "consumer-ep"], asGrantee);
    assertServiceError(cli, gone, "EndpointNotFound", "DescribeEndpointAccess", /consumer-ep/);
  });

  it("aws redshift: endpoint-access errors carry their codes, AccessToClusterDenied and EndpointAuthorizationNotFound", async () => {
    await using rs = await startServer();
    json(await createCluster(rs.url, "shared"));
    const subnets = json<string[]>(await aws(rs.url, ["ec2", "describe-subnets", "--query", "Subnets[].SubnetId"], { accessKeyId: STRANGER }));
    json(await aws(rs.url, ["redshift", "create-cluster-subnet-group", "--cluster-subnet-group-name", "stranger", "--description", "x", "--subnet-ids", subnets[0]!], { accessKeyId: STRANGER }));
    const denied = await aws(
      rs.url,
      ["redshift", "create-endpoint-access", "--endpoint-name", "sneaky", "--cluster-identifier", "shared", "--resource-owner", GRANTOR, "--subnet-group-name", "stranger"],
      { accessKeyId: STRANGER },
    );
    assertServiceError(cli, denied, "AccessToClusterDenied", "CreateEndpointAccess", new RegExp(STRANGER));
    const never = await aws(rs.url, ["redshift", "revoke-endpoint-access", "--cluster-identifier", "shared", "--account", STRANGER]);
    assertServiceError(cli, never, "EndpointAuthorizationNotFound", "RevokeEndpointAccess", new RegExp(STRANGER));
  });

  it("aws: strict mode serves a configured key and refuses a wrong secret with SignatureDoesNotMatch", async () => {
    await using rs = await startServer({ auth: "strict", credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t", accountId: GRANTEE }] });
    const ok = json<{ Account: string }>(await aws(rs.url, ["sts", "get-caller-identity"], { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t" }));
    assert.equal(ok.Account, GRANTEE);
    const bad = await aws(rs.url, ["redshift", "describe-clusters"], { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wrong" });
    assertServiceError(cli, bad, "SignatureDoesNotMatch", "DescribeClusters");
  });

  it("aws --no-sign-request: open mode answers as the default account, strict mode refuses with MissingAuthenticationToken", async () => {
    {
      await using rs = await startServer({ defaultAccount: STRANGER });
      const out = json<{ Account: string }>(await aws(rs.url, ["sts", "get-caller-identity"], { unsigned: true }));
      assert.equal(out.Account, STRANGER);
    }
    await using strict = await startServer({ auth: "strict", credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t", accountId: GRANTEE }] });
    const res = await aws(strict.url, ["redshift", "describe-clusters"], { unsigned: true });
    assertServiceError(cli, res, "MissingAuthenticationToken", "DescribeClusters");
  });

  it("aws: works through an endpoint URL with a path prefix", async () => {
    await using rs = await startServer({ auth: "strict", credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t", accountId: GRANTEE }] });
    const out = json<{ Clusters: unknown[] }>(await aws(`${rs.url}/pre/fix`, ["redshift", "describe-clusters"], { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t" }));
    assert.deepEqual(out.Clusters, []);
  });
}
