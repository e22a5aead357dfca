import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSubnetCommand, CreateVpcCommand, DescribeSubnetsCommand, DescribeVpcsCommand, paginateDescribeSubnets, type EC2Client } from "@aws-sdk/client-ec2";
import type { Clock } from "../../src/index.js";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

/** Every reading 1 ms later, so each request's resources get their own creation time and a stable order. */
function tickingClock(): Clock {
  let t = Date.UTC(2026, 0, 2, 3, 4, 5);
  return { now: () => t++ };
}

interface Fixture {
  ec2: EC2Client;
  vpcId: string;
  a: string;
  b: string;
  defaults: string[];
}

/** The default VPC and its subnets, then a VPC 10.0.0.0/16 with subnets a (10.0.1.0/24, zone a, tagged) and b (10.0.2.0/24, zone b). */
async function fixture(url: string): Promise<Fixture> {
  const { ec2 } = clientsFor(url, GRANTOR);
  const defaults = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetId!);
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
  const create = async (CidrBlock: string, AvailabilityZone: string, name?: string) =>
    (
      await ec2.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock,
          AvailabilityZone,
          TagSpecifications: name ? [{ ResourceType: "subnet", Tags: [{ Key: "tier", Value: name }] }] : undefined,
        }),
      )
    ).Subnet!.SubnetId!;
  const a = await create("10.0.1.0/24", "us-east-1a", "private");
  const b = await create("10.0.2.0/24", "us-east-1b");
  return { ec2, vpcId, a, b, defaults };
}

const ids = (out: { Subnets?: { SubnetId?: string }[] }) => (out.Subnets ?? []).map((s) => s.SubnetId);

describe("EC2 DescribeSubnets", () => {
  it("DescribeSubnets: SubnetIds returns those subnets; an unknown one → InvalidSubnetID.NotFound naming it", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, a, b } = await fixture(rs.url);
    assert.deepEqual(ids(await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [b, a] }))), [a, b]);
    const err = await expectAwsError(ec2.send(new DescribeSubnetsCommand({ SubnetIds: [a, "subnet-0bb1c79de3EXAMPLE"] })), "InvalidSubnetID.NotFound", 400);
    assert.equal(err.message, "The subnet ID 'subnet-0bb1c79de3EXAMPLE' does not exist");
  });

  it("DescribeSubnets: vpc-id, subnet-id, availability-zone, cidr-block, default-for-az and state filters", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, vpcId, a, b, defaults } = await fixture(rs.url);
    const byFilter = async (Name: string, Values: string[]) => ids(await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name, Values }] })));
    assert.deepEqual(await byFilter("vpc-id", [vpcId]), [a, b]);
    assert.deepEqual(await byFilter("subnet-id", [b]), [b]);
    const zoneOf = new Map((await ec2.send(new DescribeSubnetsCommand({ SubnetIds: defaults }))).Subnets!.map((s) => [s.AvailabilityZone, s.SubnetId]));
    assert.deepEqual(await byFilter("availability-zone", ["us-east-1a"]), [zoneOf.get("us-east-1a"), a]);
    assert.deepEqual(await byFilter("availabilityZone", ["us-east-1b"]), [zoneOf.get("us-east-1b"), b]);
    assert.deepEqual(await byFilter("availability-zone-id", ["use1-az2"]), [zoneOf.get("us-east-1b"), b]);
    assert.deepEqual(await byFilter("availability-zone", ["us-east-1c"]), [zoneOf.get("us-east-1c")]);
    assert.deepEqual(await byFilter("cidr-block", ["10.0.2.0/24"]), [b]);
    assert.deepEqual(await byFilter("cidrBlock", ["10.0.*"]), [a, b]);
    assert.deepEqual(await byFilter("default-for-az", ["true"]), defaults);
    assert.deepEqual(await byFilter("default-for-az", ["false"]), [a, b]);
    assert.deepEqual(await byFilter("state", ["available"]), [...defaults, a, b]);
    assert.deepEqual(await byFilter("available-ip-address-count", ["251"]), [a, b]);
    assert.deepEqual(await byFilter("tag:tier", ["private"]), [a]);
    assert.deepEqual(await byFilter("tag-key", ["tier"]), [a]);
  });

  it("DescribeSubnets: filters combine with each other and with SubnetIds", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, vpcId, a, b, defaults } = await fixture(rs.url);
    const out = await ec2.send(
      new DescribeSubnetsCommand({
        Filters: [
          { Name: "vpc-id", Values: [vpcId] },
          { Name: "availability-zone", Values: ["us-east-1b", "us-east-1c"] },
        ],
      }),
    );
    assert.deepEqual(ids(out), [b]);
    const withIds = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [a, defaults[0]!], Filters: [{ Name: "vpc-id", Values: [vpcId] }] }));
    assert.deepEqual(ids(withIds), [a]);
  });

  it("DescribeSubnets: a filter on the default VPC's id finds its three default subnets", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, defaults } = await fixture(rs.url);
    const defaultVpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs![0]!.VpcId!;
    const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [defaultVpc] }] }));
    assert.deepEqual(ids(out), defaults);
  });

  it("DescribeSubnets: an unknown filter → InvalidParameterValue; a filter without values → InvalidParameterValue", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2 } = await fixture(rs.url);
    const err = await expectAwsError(ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] })), "InvalidParameterValue", 400);
    assert.equal(err.message, "The filter 'is-default' is invalid");
    await expectAwsError(ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [] }] })), "InvalidParameterValue", 400);
  });

  it("DescribeSubnets: MaxResults / NextToken walk every subnet once in creation order", async () => {
    await using rs = await startServer({ clock: tickingClock() });
    const { ec2, a, b, defaults, vpcId } = await fixture(rs.url);
    const more: string[] = [];
    for (let i = 3; i < 9; i++) more.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${i}.0/24` }))).Subnet!.SubnetId!);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeSubnets({ client: ec2, pageSize: 5 }, {})) {
      pages++;
      seen.push(...ids(page).map(String));
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...defaults, a, b, ...more]);
    const filtered = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }], MaxResults: 5 }));
    const rest = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }], MaxResults: 5, NextToken: filtered.NextToken }));
    assert.deepEqual([...ids(filtered), ...ids(rest)], [a, b, ...more]);
    assert.equal(rest.NextToken, undefined);
  });
});
