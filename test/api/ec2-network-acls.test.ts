import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSubnetCommand, CreateVpcCommand, DeleteSubnetCommand, DeleteVpcCommand, DescribeNetworkAclsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";

async function defaultVpcId(ec2: EC2Client): Promise<string> {
  return (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs![0]!.VpcId!;
}

async function aclsOf(ec2: EC2Client, vpcId: string) {
  return (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }))).NetworkAcls!;
}

const ALL = { CidrBlock: "0.0.0.0/0", Protocol: "-1" };

describe("EC2 DescribeNetworkAcls", () => {
  describe("behaviour", () => {
    it("DescribeNetworkAcls: a new VPC has its default ACL with AWS's default allow (100) and deny (32767) entries, both ways", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.5.0.0/16" }))).Vpc!.VpcId!;
      const acls = await aclsOf(ec2, vpcId);
      assert.equal(acls.length, 1);
      const acl = acls[0]!;
      assert.match(acl.NetworkAclId!, /^acl-[0-9a-f]{17}$/);
      assert.equal(acl.IsDefault, true);
      assert.equal(acl.VpcId, vpcId);
      assert.equal(acl.OwnerId, GRANTOR);
      assert.deepEqual(acl.Entries, [
        { ...ALL, Egress: true, RuleAction: "allow", RuleNumber: 100 },
        { ...ALL, Egress: true, RuleAction: "deny", RuleNumber: 32767 },
        { ...ALL, Egress: false, RuleAction: "allow", RuleNumber: 100 },
        { ...ALL, Egress: false, RuleAction: "deny", RuleNumber: 32767 },
      ]);
      assert.deepEqual(acl.Associations, [], "no subnets yet");
    });

    it("DescribeNetworkAcls: every subnet of the VPC is associated (aclassoc-…), and leaves with its subnet", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.6.0.0/16" }))).Vpc!.VpcId!;
      const s1 = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.6.1.0/24" }))).Subnet!.SubnetId!;
      const s2 = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.6.2.0/24" }))).Subnet!.SubnetId!;
      const [acl] = await aclsOf(ec2, vpcId);
      assert.deepEqual(acl!.Associations!.map((a) => a.SubnetId), [s1, s2]);
      for (const a of acl!.Associations!) {
        assert.match(a.NetworkAclAssociationId!, /^aclassoc-[0-9a-f]{17}$/);
        assert.equal(a.NetworkAclId, acl!.NetworkAclId);
      }
      const bySubnet = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "association.subnet-id", Values: [s2] }] }));
      assert.deepEqual(bySubnet.NetworkAcls!.map((x) => x.NetworkAclId), [acl!.NetworkAclId]);
      await ec2.send(new DeleteSubnetCommand({ SubnetId: s1 }));
      assert.deepEqual((await aclsOf(ec2, vpcId))[0]!.Associations!.map((a) => a.SubnetId), [s2]);
    });

    it("DescribeNetworkAcls: the default VPC's ACL is associated with its three default subnets", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const def = await defaultVpcId(ec2);
      const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [def] }] }))).Subnets!.map((s) => s.SubnetId).sort();
      const [acl] = await aclsOf(ec2, def);
      assert.deepEqual(acl!.Associations!.map((a) => a.SubnetId).sort(), subnets);
      assert.equal(subnets.length, 3);
    });

    it("DescribeNetworkAcls: by id; filters default, network-acl-id, entry.rule-number, entry.rule-action", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.7.0.0/16" }))).Vpc!.VpcId!;
      const [acl] = await aclsOf(ec2, vpcId);
      assert.deepEqual((await ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [acl!.NetworkAclId!] }))).NetworkAcls, [acl]);
      const defaults = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "default", Values: ["true"] }, { Name: "vpc-id", Values: [vpcId] }] }));
      assert.equal(defaults.NetworkAcls!.length, 1);
      assert.deepEqual((await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "default", Values: ["false"] }] }))).NetworkAcls, []);
      const byId = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "network-acl-id", Values: [acl!.NetworkAclId!] }] }));
      assert.equal(byId.NetworkAcls!.length, 1);
      const rule = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "entry.rule-number", Values: ["32767"] }, { Name: "entry.rule-action", Values: ["deny"] }, { Name: "vpc-id", Values: [vpcId] }] }));
      assert.equal(rule.NetworkAcls!.length, 1);
      assert.deepEqual((await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "entry.rule-number", Values: ["200"] }] }))).NetworkAcls, []);
    });

    it("DescribeNetworkAcls: MaxResults pages through every VPC's ACL with NextToken", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      for (let i = 0; i < 5; i++) await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${10 + i}.0.0/16` }));
      const first = await ec2.send(new DescribeNetworkAclsCommand({ MaxResults: 5 }));
      assert.equal(first.NetworkAcls!.length, 5);
      const second = await ec2.send(new DescribeNetworkAclsCommand({ MaxResults: 5, NextToken: first.NextToken }));
      assert.equal(second.NetworkAcls!.length, 1);
      assert.equal(second.NextToken, undefined);
      assert.equal(new Set([...first.NetworkAcls!, ...second.NetworkAcls!].map((a) => a.NetworkAclId)).size, 6);
    });

    it("DescribeNetworkAcls: the ACL goes with its VPC", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.8.0.0/16" }))).Vpc!.VpcId!;
      const [acl] = await aclsOf(ec2, vpcId);
      await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
      await expectAwsError(ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [acl!.NetworkAclId!] })), "InvalidNetworkAclID.NotFound", 400);
    });

    it("DescribeNetworkAcls: the XML carries networkAclSet items with <default> and entrySet", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const vpcId = await defaultVpcId(clientsFor(rs.url, GRANTOR).ec2);
      const res = await rawPost(rs.url, `Action=DescribeNetworkAcls&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=${vpcId}`);
      assert.equal(res.status, 200);
      assert.match(res.text, /<networkAclSet><item><associationSet><item><networkAclAssociationId>aclassoc-/);
      assert.match(res.text, /<default>true<\/default>/);
      assert.match(res.text, /<ruleNumber>32767<\/ruleNumber>/);
    });
  });

  describe("errors", () => {
    it("DescribeNetworkAcls: an unknown id, or another account's → InvalidNetworkAclID.NotFound naming it", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: ["acl-0000000000000000f"] })), "InvalidNetworkAclID.NotFound", 400);
      assert.equal(err.message, "The networkAcl ID 'acl-0000000000000000f' does not exist");
      const other = clientsFor(rs.url, GRANTEE).ec2;
      const [theirs] = await aclsOf(other, await defaultVpcId(other));
      await expectAwsError(ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [theirs!.NetworkAclId!] })), "InvalidNetworkAclID.NotFound", 400);
    });

    it("DescribeNetworkAcls: an unknown filter → InvalidParameterValue; MaxResults over 1000 → InvalidParameterValue; DryRun → 412", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      await expectAwsError(ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "colour", Values: ["x"] }] })), "InvalidParameterValue", 400);
      await expectAwsError(ec2.send(new DescribeNetworkAclsCommand({ MaxResults: 1001 })), "InvalidParameterValue", 400);
      await expectAwsError(ec2.send(new DescribeNetworkAclsCommand({ DryRun: true })), "DryRunOperation", 412);
    });
  });
});
