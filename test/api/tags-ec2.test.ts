import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteTagsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVpcsCommand,
  paginateDescribeTags,
  type DescribeTagsCommandInput,
  type EC2Client,
  type Tag,
} from "@aws-sdk/client-ec2";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

async function world(url: string, account = GRANTOR): Promise<{ ec2: EC2Client; vpcId: string; subnetId: string; sgId: string; ruleId: string }> {
  const { ec2 } = clientsFor(url, account);
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
  const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.1.0/24" }))).Subnet!.SubnetId!;
  const sgId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "app", Description: "app" }))).GroupId!;
  const rules = await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sgId, IpProtocol: "tcp", FromPort: 5439, ToPort: 5439, CidrIp: "10.0.0.0/16" }));
  return { ec2, vpcId, subnetId, sgId, ruleId: rules.SecurityGroupRules![0]!.SecurityGroupRuleId! };
}

const tag = (ec2: EC2Client, Resources: string[], Tags: Tag[]) => ec2.send(new CreateTagsCommand({ Resources, Tags }));
const untag = (ec2: EC2Client, Resources: string[], Tags?: Tag[]) => ec2.send(new DeleteTagsCommand({ Resources, Tags }));
const listed = async (ec2: EC2Client, input: DescribeTagsCommandInput = {}) =>
  ((await ec2.send(new DescribeTagsCommand(input))).Tags ?? []).map((t) => `${t.ResourceType} ${t.ResourceId} ${t.Key}=${t.Value}`);

describe("EC2 tags", () => {
  describe("behaviour", () => {
    it("CreateTags: tags a VPC, a subnet, a security group and a rule in one call; each Describe shows them", async () => {
      await using rs = await startServer();
      const { ec2, vpcId, subnetId, sgId, ruleId } = await world(rs.url);
      await tag(ec2, [vpcId, subnetId, sgId, ruleId], [{ Key: "Name", Value: "main" }, { Key: "empty" }]);
      const want = [{ Key: "Name", Value: "main" }, { Key: "empty", Value: "" }];
      assert.deepEqual((await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs![0]!.Tags, want);
      assert.deepEqual((await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }))).Subnets![0]!.Tags, want);
      assert.deepEqual((await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [sgId] }))).SecurityGroups![0]!.Tags, want);
      const all = await listed(ec2);
      assert.equal(all.length, 8);
      assert.ok(all.includes(`security-group-rule ${ruleId} Name=main`));
      assert.deepEqual(all, [...all].sort((a, b) => (a.split(" ")[1]! < b.split(" ")[1]! ? -1 : a.split(" ")[1]! > b.split(" ")[1]! ? 1 : 0)), "ordered by resource id");
    });

    it("CreateTags: a known key takes the new value in place; the default group's default rule can be tagged too", async () => {
      await using rs = await startServer();
      const { ec2, vpcId } = await world(rs.url);
      await tag(ec2, [vpcId], [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }]);
      await tag(ec2, [vpcId], [{ Key: "a", Value: "3" }]);
      assert.deepEqual((await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs![0]!.Tags, [{ Key: "a", Value: "3" }, { Key: "b", Value: "2" }]);
      const def = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }, { Name: "group-name", Values: ["default"] }] }))).SecurityGroups![0]!;
      const { SecurityGroupRules } = await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: def.GroupId!, IpProtocol: "tcp", FromPort: 22, ToPort: 22, CidrIp: "10.0.0.0/8" }));
      await tag(ec2, [SecurityGroupRules![0]!.SecurityGroupRuleId!], [{ Key: "r", Value: "1" }]);
      assert.deepEqual(await listed(ec2, { Filters: [{ Name: "resource-type", Values: ["security-group-rule"] }] }), [`security-group-rule ${SecurityGroupRules![0]!.SecurityGroupRuleId} r=1`]);
    });

    it("DeleteTags: a key alone removes it whatever its value, a key with a value only when it matches (empty included), no tags removes all", async () => {
      await using rs = await startServer();
      const { ec2, vpcId, subnetId } = await world(rs.url);
      await tag(ec2, [vpcId, subnetId], [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }, { Key: "c", Value: "" }, { Key: "d", Value: "4" }]);
      await untag(ec2, [vpcId], [{ Key: "a" }, { Key: "b", Value: "wrong" }, { Key: "c", Value: "" }, { Key: "missing" }]);
      assert.deepEqual((await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs![0]!.Tags, [{ Key: "b", Value: "2" }, { Key: "d", Value: "4" }]);
      await untag(ec2, [vpcId, subnetId]);
      assert.deepEqual(await listed(ec2), []);
    });

    it("DescribeTags: key, value, resource-id, resource-type, tag:<key> and tag-key filters, with wildcards", async () => {
      await using rs = await startServer();
      const { ec2, vpcId, subnetId, sgId } = await world(rs.url);
      await tag(ec2, [vpcId], [{ Key: "Name", Value: "main" }, { Key: "env", Value: "prod" }]);
      await tag(ec2, [subnetId], [{ Key: "Name", Value: "private-a" }]);
      await tag(ec2, [sgId], [{ Key: "env", Value: "dev" }]);
      assert.deepEqual(await listed(ec2, { Filters: [{ Name: "key", Values: ["env"] }, { Name: "value", Values: ["p*"] }] }), [`vpc ${vpcId} env=prod`]);
      assert.deepEqual(await listed(ec2, { Filters: [{ Name: "resource-id", Values: [subnetId] }] }), [`subnet ${subnetId} Name=private-a`]);
      assert.deepEqual(await listed(ec2, { Filters: [{ Name: "resource-type", Values: ["security-group"] }] }), [`security-group ${sgId} env=dev`]);
      assert.deepEqual(await listed(ec2, { Filters: [{ Name: "tag:env", Values: ["prod"] }] }), [`vpc ${vpcId} Name=main`, `vpc ${vpcId} env=prod`]);
      assert.deepEqual((await listed(ec2, { Filters: [{ Name: "tag-key", Values: ["Name"] }] })).length, 3);
      await expectAwsError(listed(ec2, { Filters: [{ Name: "owner", Values: ["x"] }] }), "InvalidParameterValue", 400);
    });

    it("DescribeVpcs/DescribeSubnets/DescribeSecurityGroups: tag:<key> and tag-key filters follow CreateTags and DeleteTags", async () => {
      await using rs = await startServer();
      const { ec2, vpcId, subnetId, sgId } = await world(rs.url);
      await tag(ec2, [vpcId, subnetId, sgId], [{ Key: "team", Value: "data" }]);
      const f = [{ Name: "tag:team", Values: ["data"] }];
      assert.deepEqual((await ec2.send(new DescribeVpcsCommand({ Filters: f }))).Vpcs!.map((v) => v.VpcId), [vpcId]);
      assert.deepEqual((await ec2.send(new DescribeSubnetsCommand({ Filters: f }))).Subnets!.map((v) => v.SubnetId), [subnetId]);
      assert.deepEqual((await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "tag-key", Values: ["team"] }] }))).SecurityGroups!.map((v) => v.GroupId), [sgId]);
      await untag(ec2, [vpcId, subnetId, sgId], [{ Key: "team" }]);
      assert.deepEqual((await ec2.send(new DescribeVpcsCommand({ Filters: f }))).Vpcs, []);
    });

    it("DescribeTags: MaxResults pages with a NextToken; the SDK paginator reads every tag once", async () => {
      await using rs = await startServer();
      const { ec2, vpcId, subnetId } = await world(rs.url);
      await tag(ec2, [vpcId, subnetId], Array.from({ length: 6 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` })));
      const first = await ec2.send(new DescribeTagsCommand({ MaxResults: 5 }));
      assert.equal(first.Tags!.length, 5);
      assert.ok(first.NextToken);
      const seen: string[] = [];
      for await (const page of paginateDescribeTags({ client: ec2, pageSize: 5 }, {})) seen.push(...page.Tags!.map((t) => `${t.ResourceId} ${t.Key}`));
      assert.equal(seen.length, 12);
      assert.equal(new Set(seen).size, 12);
      await expectAwsError(ec2.send(new DescribeTagsCommand({ NextToken: "bogus" })), "InvalidPaginationToken", 400);
      await expectAwsError(ec2.send(new DescribeTagsCommand({ MaxResults: 4 })), "InvalidParameterValue", 400);
    });

    it("Tags: another account neither sees nor changes them; its ids are not found", async () => {
      await using rs = await startServer();
      const { ec2, vpcId } = await world(rs.url);
      await tag(ec2, [vpcId], [{ Key: "secret", Value: "1" }]);
      const other = clientsFor(rs.url, GRANTEE).ec2;
      assert.deepEqual(await listed(other), []);
      await expectAwsError(tag(other, [vpcId], [{ Key: "x", Value: "y" }]), "InvalidVpcID.NotFound", 400);
      await expectAwsError(untag(other, [vpcId]), "InvalidVpcID.NotFound", 400);
      assert.deepEqual(await listed(ec2), [`vpc ${vpcId} secret=1`]);
    });

    it("CreateTags/DeleteTags: DryRun answers DryRunOperation and changes nothing", async () => {
      await using rs = await startServer();
      const { ec2, vpcId } = await world(rs.url);
      await expectAwsError(ec2.send(new CreateTagsCommand({ Resources: [vpcId], Tags: [{ Key: "k", Value: "v" }], DryRun: true })), "DryRunOperation", 412);
      assert.deepEqual(await listed(ec2), []);
    });
  });

  describe("errors, in order", () => {
    it("CreateTags: InvalidParameterValue for an empty or long key, a long value or the aws: prefix, before ids are checked", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      for (const bad of [{ Key: "", Value: "v" }, { Key: "k".repeat(129), Value: "v" }, { Key: "k", Value: "v".repeat(257) }, { Key: "aws:x", Value: "v" }]) {
        await expectAwsError(tag(ec2, ["vpc-00000000000000000"], [bad]), "InvalidParameterValue", 400);
      }
    });

    it("CreateTags: each id prefix has its not-found code; any other id is InvalidID; nothing is tagged when one id fails", async () => {
      await using rs = await startServer();
      const { ec2, vpcId } = await world(rs.url);
      const cases: [string, string][] = [
        ["vpc-00000000000000000", "InvalidVpcID.NotFound"],
        ["subnet-00000000000000000", "InvalidSubnetID.NotFound"],
        ["sg-00000000000000000", "InvalidGroup.NotFound"],
        ["sgr-00000000000000000", "InvalidSecurityGroupRuleId.NotFound"],
        ["i-00000000000000000", "InvalidID"],
      ];
      for (const [id, code] of cases) {
        const err = await expectAwsError(tag(ec2, [vpcId, id], [{ Key: "k", Value: "v" }]), code, 400);
        assert.match(err.message, new RegExp(id));
      }
      assert.deepEqual(await listed(ec2), []);
      await expectAwsError(untag(ec2, ["sg-00000000000000000"]), "InvalidGroup.NotFound", 400);
    });

    it("CreateTags: TagLimitExceeded past 50 tags on a resource; overwriting at 50 is allowed", async () => {
      await using rs = await startServer();
      const { ec2, vpcId } = await world(rs.url);
      const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
      await tag(ec2, [vpcId], tags);
      await tag(ec2, [vpcId], [{ Key: "k0", Value: "new" }]);
      await expectAwsError(tag(ec2, [vpcId], [{ Key: "k50", Value: "v" }]), "TagLimitExceeded", 400);
      assert.equal((await listed(ec2)).length, 50);
    });

    it("DeleteTags: a reserved aws: key is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const { ec2, vpcId } = await world(rs.url);
      await expectAwsError(untag(ec2, [vpcId], [{ Key: "aws:cloudformation:stack-name" }]), "InvalidParameterValue", 400);
    });
  });
});
