import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSecurityGroupCommand, CreateVpcCommand, DescribeSecurityGroupsCommand, paginateDescribeSecurityGroups, type EC2Client } from "@aws-sdk/client-ec2";
import type { Clock } from "../../src/index.js";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

/** Every reading 1 ms later, so each request's resources get their own creation time and a stable order. */
function tickingClock(): Clock {
  let t = Date.UTC(2026, 0, 2, 3, 4, 5);
  return { now: () => t++ };
}

interface Fixture {
  ec2: EC2Client;
  defaultGroup: string;
  vpcId: string;
  vpcDefaultGroup: string;
  web: string;
  db: string;
}

/** Default VPC group; `web` in the default VPC; a VPC with its default group and `db` (tagged). */
async function fixture(url: string): Promise<Fixture> {
  const { ec2 } = clientsFor(url, GRANTOR);
  const defaultGroup = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups![0]!.GroupId!;
  const web = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web tier" }))).GroupId!;
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
  const db = (
    await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: "db",
        Description: "database tier",
        TagSpecifications: [{ ResourceType: "security-group", Tags: [{ Key: "tier", Value: "data" }] }],
      }),
    )
  ).GroupId!;
  const vpcDefaultGroup = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }, { Name: "group-name", Values: ["default"] }] })))
    .SecurityGroups![0]!.GroupId!;
  return { ec2, defaultGroup, vpcId, vpcDefaultGroup, web, db };
}

const ids = (out: { SecurityGroups?: { GroupId?: string }[] }) => (out.SecurityGroups ?? []).map((g) => g.GroupId);

describe("EC2 DescribeSecurityGroups", () => {
  it("DescribeSecurityGroups: GroupIds returns those groups; an unknown one → InvalidGroup.NotFound naming it", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, web, db } = await fixture(rs.url);
    assert.deepEqual(ids(await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [db, web] }))), [web, db]);
    const err = await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ["sg-0123456789abcdef0"] })), "InvalidGroup.NotFound", 400);
    assert.equal(err.message, "The security group 'sg-0123456789abcdef0' does not exist");
  });

  it("DescribeSecurityGroups: GroupNames name groups of the default VPC only", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, defaultGroup, web } = await fixture(rs.url);
    assert.deepEqual(ids(await ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ["web", "default"] }))), [defaultGroup, web]);
    const err = await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ["db"] })), "InvalidGroup.NotFound", 400);
    assert.match(err.message, /^The security group 'db' does not exist in default VPC 'vpc-[0-9a-f]{17}'$/);
  });

  it("DescribeSecurityGroups: group-id, group-name, vpc-id, description, owner-id and tag filters", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, defaultGroup, vpcId, vpcDefaultGroup, web, db } = await fixture(rs.url);
    const byFilter = async (Name: string, Values: string[]) => ids(await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name, Values }] })));
    assert.deepEqual(await byFilter("group-id", [db]), [db]);
    assert.deepEqual(await byFilter("group-name", ["default"]), [defaultGroup, vpcDefaultGroup]);
    assert.deepEqual(await byFilter("group-name", ["w*"]), [web]);
    assert.deepEqual(await byFilter("vpc-id", [vpcId]), [vpcDefaultGroup, db]);
    assert.deepEqual(await byFilter("description", ["* tier"]), [web, db]);
    assert.deepEqual(await byFilter("owner-id", [GRANTOR]), [defaultGroup, web, vpcDefaultGroup, db]);
    assert.deepEqual(await byFilter("tag:tier", ["data"]), [db]);
    assert.deepEqual(await byFilter("egress.ip-permission.cidr", ["0.0.0.0/0"]), [defaultGroup, web, vpcDefaultGroup, db]);
    assert.deepEqual(await byFilter("ip-permission.group-id", [vpcDefaultGroup]), [vpcDefaultGroup]);
    assert.deepEqual(await byFilter("ip-permission.cidr", ["*"]), []);
  });

  it("DescribeSecurityGroups: an unknown filter → InvalidParameterValue", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2 } = await fixture(rs.url);
    const err = await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "cidr", Values: ["x"] }] })), "InvalidParameterValue", 400);
    assert.equal(err.message, "The filter 'cidr' is invalid");
  });

  it("DescribeSecurityGroups: MaxResults / NextToken walk every group once", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, defaultGroup, web, vpcDefaultGroup, db } = await fixture(rs.url);
    const more: string[] = [];
    for (let i = 0; i < 6; i++) more.push((await ec2.send(new CreateSecurityGroupCommand({ GroupName: `g${i}`, Description: "g" }))).GroupId!);
    const seen: string[] = [];
    for await (const page of paginateDescribeSecurityGroups({ client: ec2, pageSize: 5 }, {})) seen.push(...ids(page).map(String));
    assert.deepEqual(seen, [defaultGroup, web, vpcDefaultGroup, db, ...more]);
    await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ NextToken: "eyJub3QiOiJvdXJzIn0" })), "InvalidPaginationToken", 400);
  });
});
