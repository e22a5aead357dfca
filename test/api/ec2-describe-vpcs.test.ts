import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateVpcCommand, DescribeSubnetsCommand, DescribeVpcsCommand, paginateDescribeVpcs, type EC2Client } from "@aws-sdk/client-ec2";
import type { Clock } from "../../src/index.js";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

/** Every reading 1 ms later, so each request's resources get their own creation time and a stable order. */
function tickingClock(): Clock {
  let t = Date.UTC(2026, 0, 2, 3, 4, 5);
  return { now: () => t++ };
}

/** A client of GRANTOR whose default VPC already exists (created before anything the test creates). */
async function client(url: string): Promise<EC2Client> {
  const { ec2 } = clientsFor(url, GRANTOR);
  await ec2.send(new DescribeVpcsCommand({}));
  return ec2;
}

async function createVpc(ec2: EC2Client, cidr: string, name?: string): Promise<string> {
  const TagSpecifications = name === undefined ? undefined : [{ ResourceType: "vpc" as const, Tags: [{ Key: "Name", Value: name }] }];
  return (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr, TagSpecifications }))).Vpc!.VpcId!;
}

const ids = (out: { Vpcs?: { VpcId?: string }[] }) => (out.Vpcs ?? []).map((v) => v.VpcId);

describe("EC2 DescribeVpcs", () => {
  describe("ids", () => {
    it("DescribeVpcs: VpcIds returns exactly those VPCs, in creation order, duplicates collapsed", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const a = await createVpc(ec2, "10.0.0.0/16");
      const b = await createVpc(ec2, "10.1.0.0/16");
      await createVpc(ec2, "10.2.0.0/16");
      assert.deepEqual(ids(await ec2.send(new DescribeVpcsCommand({ VpcIds: [b, a, b] }))), [a, b]);
    });

    it("DescribeVpcs: a VpcId that does not exist → InvalidVpcID.NotFound naming it", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const a = await createVpc(ec2, "10.0.0.0/16");
      const err = await expectAwsError(ec2.send(new DescribeVpcsCommand({ VpcIds: [a, "vpc-x"] })), "InvalidVpcID.NotFound", 400);
      assert.equal(err.message, "The vpc ID 'vpc-x' does not exist");
    });
  });

  describe("filters", () => {
    it("DescribeVpcs: is-default, vpc-id, cidr, state and owner-id filters", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const a = await createVpc(ec2, "10.0.0.0/16");
      const b = await createVpc(ec2, "10.1.0.0/16");
      const byFilter = async (Name: string, Values: string[]) => ids(await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name, Values }] })));
      const [defaultVpc] = await byFilter("is-default", ["true"]);
      assert.match(defaultVpc!, /^vpc-/);
      assert.deepEqual(await byFilter("is-default", ["false"]), [a, b]);
      assert.deepEqual(await byFilter("vpc-id", [b]), [b]);
      assert.deepEqual(await byFilter("vpc-id", [a, b, "vpc-nope"]), [a, b]);
      assert.deepEqual(await byFilter("cidr", ["10.1.0.0/16"]), [b]);
      assert.deepEqual(await byFilter("cidr-block-association.cidr-block", ["172.31.0.0/16"]), [defaultVpc]);
      assert.deepEqual(await byFilter("state", ["available"]), [defaultVpc, a, b]);
      assert.deepEqual(await byFilter("state", ["pending"]), []);
      assert.deepEqual(await byFilter("owner-id", [GRANTOR]), [defaultVpc, a, b]);
    });

    it("DescribeVpcs: the camelCase filter names isDefault, cidrBlock and dhcpOptionsId work like their dashed forms", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const a = await createVpc(ec2, "10.0.0.0/16");
      const byFilter = async (Name: string, Values: string[]) => ids(await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name, Values }] })));
      const defaults = await byFilter("is-default", ["true"]);
      assert.equal(defaults.length, 1);
      assert.deepEqual(await byFilter("isDefault", ["true"]), defaults, "Terraform's data \"aws_vpc\" { default = true } sends isDefault");
      assert.deepEqual(await byFilter("isDefault", ["false"]), [a]);
      assert.deepEqual(await byFilter("cidrBlock", ["10.0.0.0/16"]), [a]);
      const [vpc] = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [a] }))).Vpcs!;
      assert.deepEqual(await byFilter("dhcpOptionsId", [vpc!.DhcpOptionsId!]), await byFilter("dhcp-options-id", [vpc!.DhcpOptionsId!]));
      assert.deepEqual(await byFilter("dhcpOptionsId", ["dopt-none"]), []);
      await expectAwsError(ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "IsDefault", Values: ["true"] }] })), "InvalidParameterValue", 400);
    });

    it("DescribeVpcs: tag:<key> and tag-key filters, with * and ? wildcards", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const prod = await createVpc(ec2, "10.0.0.0/16", "prod-main");
      const dev = await createVpc(ec2, "10.1.0.0/16", "dev-main");
      await createVpc(ec2, "10.2.0.0/16");
      const byFilter = async (Name: string, Values: string[]) => ids(await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name, Values }] })));
      assert.deepEqual(await byFilter("tag:Name", ["prod-main"]), [prod]);
      assert.deepEqual(await byFilter("tag:Name", ["*-main"]), [prod, dev]);
      assert.deepEqual(await byFilter("tag:Name", ["de?-main"]), [dev]);
      assert.deepEqual(await byFilter("tag:Name", ["PROD-MAIN"]), [], "filter values are case-sensitive");
      assert.deepEqual(await byFilter("tag-key", ["Name"]), [prod, dev]);
      assert.deepEqual(await byFilter("tag:Other", ["*"]), []);
    });

    it("DescribeVpcs: a backslash makes * and ? literal in filter values", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const star = await createVpc(ec2, "10.0.0.0/16", "a*b");
      const plain = await createVpc(ec2, "10.1.0.0/16", "axxb");
      const byTag = async (value: string) => ids(await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: [value] }] })));
      assert.deepEqual(await byTag("a*b"), [star, plain]);
      assert.deepEqual(await byTag("a\\*b"), [star]);
      assert.deepEqual(await byTag("a\\?b"), []);
      assert.deepEqual(await byTag("a.*"), [], "regular-expression syntax is literal");
    });

    it("DescribeVpcs: several filters are AND-ed, values of one filter OR-ed, and combine with VpcIds", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const a = await createVpc(ec2, "10.0.0.0/16", "a");
      const b = await createVpc(ec2, "10.1.0.0/16", "b");
      const out = await ec2.send(
        new DescribeVpcsCommand({
          Filters: [
            { Name: "tag:Name", Values: ["a", "b"] },
            { Name: "cidr", Values: ["10.1.0.0/16"] },
          ],
        }),
      );
      assert.deepEqual(ids(out), [b]);
      assert.deepEqual(ids(await ec2.send(new DescribeVpcsCommand({ VpcIds: [a, b], Filters: [{ Name: "tag:Name", Values: ["a"] }] }))), [a]);
    });

    it("DescribeVpcs: an unknown filter name → InvalidParameterValue naming it", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const err = await expectAwsError(ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "colour", Values: ["blue"] }] })), "InvalidParameterValue", 400);
      assert.equal(err.message, "The filter 'colour' is invalid");
      await expectAwsError(ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "subnet-id", Values: ["x"] }] })), "InvalidParameterValue", 400);
    });
  });

  describe("pagination", () => {
    it("DescribeVpcs: MaxResults pages through every VPC once, with NextToken only while more remain", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      const created: string[] = [];
      for (let i = 0; i < 11; i++) created.push(await createVpc(ec2, `10.${i}.0.0/16`));
      const first = await ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }));
      assert.equal(first.Vpcs?.length, 5);
      assert.ok(first.NextToken);
      const seen: string[] = [];
      for await (const page of paginateDescribeVpcs({ client: ec2, pageSize: 5 }, {})) seen.push(...ids(page).map(String));
      assert.equal(seen.length, 12);
      assert.equal(new Set(seen).size, 12);
      assert.deepEqual(seen.slice(1), created);
      const last = await ec2.send(new DescribeVpcsCommand({ MaxResults: 12 }));
      assert.equal(last.Vpcs?.length, 12);
      assert.equal(last.NextToken, undefined);
    });

    it("DescribeVpcs: pages of a filtered listing hold only matches", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      for (let i = 0; i < 8; i++) await createVpc(ec2, `10.${i}.0.0/16`, i % 2 === 0 ? "even" : "odd");
      const Filters = [{ Name: "tag:Name", Values: ["even"] }];
      const first = await ec2.send(new DescribeVpcsCommand({ Filters, MaxResults: 5 }));
      assert.equal(first.Vpcs?.length, 4);
      assert.equal(first.NextToken, undefined);
      const page1 = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["odd", "even"] }], MaxResults: 5 }));
      const page2 = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["odd", "even"] }], MaxResults: 5, NextToken: page1.NextToken }));
      assert.equal(page1.Vpcs?.length, 5);
      assert.equal(page2.Vpcs?.length, 3);
      assert.equal(page2.NextToken, undefined);
    });

    it("DescribeVpcs: MaxResults outside 5–1000 → InvalidParameterValue", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      await expectAwsError(ec2.send(new DescribeVpcsCommand({ MaxResults: 4 })), "InvalidParameterValue", 400);
      await expectAwsError(ec2.send(new DescribeVpcsCommand({ MaxResults: 1001 })), "InvalidParameterValue", 400);
    });

    it("DescribeVpcs: a NextToken we did not issue, or one from DescribeSubnets, → InvalidPaginationToken", async () => {
      await using rs = await startServer({ clock: tickingClock() });
      const ec2 = await client(rs.url);
      await expectAwsError(ec2.send(new DescribeVpcsCommand({ NextToken: "garbage" })), "InvalidPaginationToken", 400);
      const subnets = await ec2.send(new DescribeSubnetsCommand({ MaxResults: 5 }));
      assert.equal(subnets.NextToken, undefined);
      for (let i = 0; i < 6; i++) await createVpc(ec2, `10.${i}.0.0/16`);
      const vpcPage = await ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }));
      assert.ok(vpcPage.NextToken);
      await expectAwsError(ec2.send(new DescribeSubnetsCommand({ NextToken: vpcPage.NextToken })), "InvalidPaginationToken", 400);
    });
  });
});
