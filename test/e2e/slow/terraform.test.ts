/**
 * Real Terraform against a server started here: the README's Terraform example (extracted from
 * README.md, so the documented configuration is the one proved) with two provider aliases, one per
 * account. Steps: `init`, `apply`, `plan -detailed-exitcode` (exit 0: no changes), an `apply` that
 * grants a second VPC and moves the endpoint to the VPC's default security group, an `apply` back to
 * one VPC, and `destroy`; after each step the state is read back through the SDK.
 *
 * Time: Terraform runs in real time, so the server uses zero lifecycle delays (the default) and the
 * real clock; every transition completes on the next request. The provider still waits 30 s before
 * its first poll of an endpoint after CreateEndpointAccess, ModifyEndpointAccess and
 * DeleteEndpointAccess, and each Terraform command spends several seconds starting the provider
 * twice (two aliases) and refreshing, so the test takes about 2.5–3 minutes: 3 × 30 s of waiting plus
 * six Terraform commands.
 *
 * Terraform and the provider are found by ./terraform-harness.ts; when either is missing the test is
 * skipped with a message naming what is missing.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import {
  DescribeClusterSubnetGroupsCommand,
  DescribeClustersCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  type EndpointAccess,
  type EndpointAuthorization,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../../helpers.js";
import { REPO_ROOT } from "../spawn.js";
import { missing, workspace } from "./terraform-harness.js";

const README_URL = "http://127.0.0.1:4566";

/** The ```hcl block of README.md's "### Terraform" section. */
function readmeExample(): string {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Terraform\n"));
  const m = /```hcl\n([\s\S]*?)```/.exec(section);
  assert.ok(m, "README.md has a ```hcl block under ### Terraform");
  return m[1]!;
}

/** `text` with `from` replaced once; fails if the README example no longer contains `from`. */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the README Terraform example contains: ${from}`);
  return text.replace(from, to);
}

async function authorization(grantor: Clients): Promise<EndpointAuthorization | undefined> {
  const out = await grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "analytics", Account: GRANTEE }));
  return out.EndpointAuthorizationList?.[0];
}

async function endpoint(grantee: Clients): Promise<EndpointAccess | undefined> {
  const out = await grantee.redshift.send(new DescribeEndpointAccessCommand({}));
  assert.ok((out.EndpointAccessList?.length ?? 0) <= 1);
  return out.EndpointAccessList?.[0];
}

async function groupId(grantee: Clients, vpcId: string, name: string): Promise<string | undefined> {
  const out = await grantee.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }, { Name: "group-name", Values: [name] }] }));
  return out.SecurityGroups?.[0]?.GroupId;
}

describe("Terraform (hashicorp/aws) against redshift-local", () => {
  it("Terraform: apply, a plan with no changes, vpc_ids 1 → 2 → 1 with an endpoint security group change, destroy", { skip: missing, timeout: 15 * 60_000 }, async () => {
    await using rs = await startServer();
    const { dir, write, tf } = workspace("rl-terraform-");
    try {
      const grantor = clientsFor(rs.url, GRANTOR);
      const grantee = clientsFor(rs.url, GRANTEE);
      const example = edit(readmeExample(), `"${README_URL}"`, JSON.stringify(rs.url));

      // 1. The README example as written.
      write(example);
      await tf(["init", "-input=false"], 0, "init");
      const applied = await tf(["apply", "-auto-approve", "-input=false"], 0, "apply");

      const cluster = (await grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "analytics" }))).Clusters![0]!;
      assert.deepEqual(
        [cluster.ClusterStatus, cluster.NodeType, cluster.NumberOfNodes, cluster.AvailabilityZoneRelocationStatus, cluster.PubliclyAccessible, cluster.Encrypted, cluster.DBName],
        ["available", "ra3.xlplus", 2, "enabled", false, true, "dev"],
      );
      const defaultVpc = (await grantee.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs![0]!.VpcId!;
      const analysts = (await grantee.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "cidr", Values: ["10.20.0.0/16"] }] }))).Vpcs![0]!.VpcId!;
      const subnets = (await grantee.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [analysts] }] }))).Subnets!;
      assert.deepEqual(subnets.map((s) => [s.CidrBlock, s.AvailabilityZone]), [["10.20.1.0/24", "us-east-1a"]]);
      const endpointSg = await groupId(grantee, defaultVpc, "redshift-endpoint");
      assert.ok(endpointSg, "aws_security_group.endpoint exists in the grantee's default VPC");
      const sg = (await grantee.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [endpointSg] }))).SecurityGroups![0]!;
      assert.deepEqual(sg.IpPermissionsEgress, [], "Terraform revoked the allow-all egress rule");
      assert.deepEqual(
        sg.IpPermissions?.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges?.map((r) => [r.CidrIp, r.Description])]),
        [["tcp", 5439, 5439, [["172.31.0.0/16", "Redshift from the VPC"]]]],
      );
      const group = (await grantee.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "grantee-subnets" }))).ClusterSubnetGroups![0]!;
      assert.equal(group.VpcId, defaultVpc);
      assert.equal(group.Subnets?.length, 3, "the default VPC's three subnets");
      let grant = await authorization(grantor);
      assert.deepEqual([grant?.Status, grant?.AllowedAllVPCs, grant?.AllowedVPCs, grant?.EndpointCount], ["Authorized", false, [defaultVpc], 1]);
      let ep = await endpoint(grantee);
      assert.deepEqual([ep?.EndpointName, ep?.EndpointStatus, ep?.ResourceOwner, ep?.SubnetGroupName, ep?.VpcEndpoint?.VpcId], ["analytics-grantee", "active", GRANTOR, "grantee-subnets", defaultVpc]);
      assert.deepEqual(ep?.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [endpointSg]);
      assert.ok(applied.includes(`endpoint_address = "${ep?.Address}"`), `the output is the endpoint's address ${ep?.Address}:\n${applied}`);

      // 2. A second plan finds nothing to change.
      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode");

      // 3. Grant a second VPC, and move the endpoint to the default VPC's `default` security group.
      const twoVpcs = edit(example, "vpc_ids            = [data.aws_vpc.grantee.id]", "vpc_ids            = [data.aws_vpc.grantee.id, aws_vpc.analysts.id]");
      const defaultSgConfig = `\ndata "aws_security_group" "default" {\n  provider = aws.grantee\n  vpc_id   = data.aws_vpc.grantee.id\n  name     = "default"\n}\n`;
      const moved = edit(twoVpcs, "vpc_security_group_ids = [aws_security_group.endpoint.id]", "vpc_security_group_ids = [data.aws_security_group.default.id]") + defaultSgConfig;
      write(moved);
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply (two VPCs, default security group)");
      grant = await authorization(grantor);
      assert.deepEqual(grant?.AllowedVPCs?.slice().sort(), [defaultVpc, analysts].sort());
      ep = await endpoint(grantee);
      assert.equal(ep?.EndpointStatus, "active");
      assert.deepEqual(ep?.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [await groupId(grantee, defaultVpc, "default")]);

      // 4. Back to one VPC.
      write(edit(moved, "vpc_ids            = [data.aws_vpc.grantee.id, aws_vpc.analysts.id]", "vpc_ids            = [data.aws_vpc.grantee.id]"));
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply (one VPC again)");
      grant = await authorization(grantor);
      assert.deepEqual([grant?.Status, grant?.AllowedVPCs, grant?.EndpointCount], ["Authorized", [defaultVpc], 1]);
      assert.equal((await endpoint(grantee))?.EndpointStatus, "active");

      // 5. Destroy: everything Terraform made is gone; the default VPCs stay.
      await tf(["destroy", "-auto-approve", "-input=false"], 0, "destroy");
      assert.equal(await endpoint(grantee), undefined, "no endpoint left");
      await expectAwsError(grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "analytics" })), "ClusterNotFoundFault", 404);
      await expectAwsError(grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "analytics", Account: GRANTEE })), "ClusterNotFoundFault", 404);
      assert.deepEqual((await grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ Account: GRANTEE }))).EndpointAuthorizationList, []);
      await expectAwsError(grantee.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "grantee-subnets" })), "ClusterSubnetGroupNotFoundFault", 400);
      await expectAwsError(grantee.ec2.send(new DescribeVpcsCommand({ VpcIds: [analysts] })), "InvalidVpcID.NotFound", 400);
      await expectAwsError(grantee.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [endpointSg] })), "InvalidGroup.NotFound", 400);
      assert.deepEqual((await grantee.ec2.send(new DescribeVpcsCommand({}))).Vpcs?.map((v) => v.VpcId), [defaultVpc]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
