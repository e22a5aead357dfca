import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSecurityGroupCommand, CreateVpcCommand, DescribeSecurityGroupsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

describe("EC2 CreateSecurityGroup", () => {
  describe("behaviour", () => {
    it("CreateSecurityGroup: creates a group in the given VPC with allow-all egress and no ingress", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
      const out = await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "redshift-clients", Description: "Clients of port 5439" }));
      assert.match(out.GroupId!, /^sg-[0-9a-f]{17}$/);
      assert.equal(out.SecurityGroupArn, `arn:aws:ec2:us-east-1:${GRANTOR}:security-group/${out.GroupId}`);
      const [sg] = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [out.GroupId!] }))).SecurityGroups!;
      assert.equal(sg!.GroupName, "redshift-clients");
      assert.equal(sg!.Description, "Clients of port 5439");
      assert.equal(sg!.VpcId, vpcId);
      assert.equal(sg!.OwnerId, GRANTOR);
      assert.deepEqual(sg!.IpPermissions, []);
      assert.deepEqual(sg!.IpPermissionsEgress, [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);
    });

    it("CreateSecurityGroup: without VpcId creates the group in the default VPC", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web" }));
      const defaultVpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs![0]!.VpcId;
      const [sg] = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId!] }))).SecurityGroups!;
      assert.equal(sg!.VpcId, defaultVpc);
    });

    it("CreateSecurityGroup: the same name may be used in two VPCs, and returns TagSpecifications tags", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
      const Tags = [{ Key: "Name", Value: "app sg" }];
      await ec2.send(new CreateSecurityGroupCommand({ GroupName: "app", Description: "app" }));
      const out = await ec2.send(
        new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "app", Description: "app", TagSpecifications: [{ ResourceType: "security-group", Tags }] }),
      );
      assert.deepEqual(out.Tags, Tags);
      const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["app"] }] }));
      assert.equal(SecurityGroups?.length, 2);
      assert.deepEqual(SecurityGroups?.find((g) => g.VpcId === vpcId)?.Tags, Tags);
    });

    it("CreateSecurityGroup: accepts EC2's full character set for names and descriptions", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const name = "a-Z 0._:/()#,@[]+=&;{}!$*";
      const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name }));
      const [sg] = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId!] }))).SecurityGroups!;
      assert.equal(sg!.GroupName, name);
      assert.equal(sg!.Description, name);
    });
  });

  describe("errors", () => {
    it("CreateSecurityGroup: a name already used in the VPC (any case) → InvalidGroup.Duplicate", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      await ec2.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web" }));
      const err = await expectAwsError(ec2.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "again" })), "InvalidGroup.Duplicate", 400);
      assert.match(err.message, /^The security group 'web' already exists for VPC 'vpc-[0-9a-f]{17}'$/);
      await expectAwsError(ec2.send(new CreateSecurityGroupCommand({ GroupName: "WEB", Description: "again" })), "InvalidGroup.Duplicate", 400);
    });

    it("CreateSecurityGroup: the name `default` is reserved → InvalidGroup.Reserved", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      await expectAwsError(ec2.send(new CreateSecurityGroupCommand({ GroupName: "default", Description: "mine" })), "InvalidGroup.Reserved", 400);
      await expectAwsError(ec2.send(new CreateSecurityGroupCommand({ GroupName: "Default", Description: "mine" })), "InvalidGroup.Reserved", 400);
    });

    it("CreateSecurityGroup: an unknown VPC → InvalidVpcID.NotFound", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(
        ec2.send(new CreateSecurityGroupCommand({ VpcId: "vpc-0123456789abcdef0", GroupName: "x", Description: "x" })),
        "InvalidVpcID.NotFound",
        400,
      );
      assert.equal(err.message, "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    });

    it("CreateSecurityGroup: bad names and descriptions → InvalidParameterValue; missing ones → MissingParameter", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const create = (GroupName: string, Description: string) => ec2.send(new CreateSecurityGroupCommand({ GroupName, Description }));
      await expectAwsError(create("sg-123", "x"), "InvalidParameterValue", 400);
      await expectAwsError(create("bad|name", "x"), "InvalidParameterValue", 400);
      await expectAwsError(create("café", "x"), "InvalidParameterValue", 400);
      await expectAwsError(create("x".repeat(256), "x"), "InvalidParameterValue", 400);
      await expectAwsError(create("", "x"), "InvalidParameterValue", 400);
      await expectAwsError(create("ok", "tab\there"), "InvalidParameterValue", 400);
      await expectAwsError(ec2.send(new CreateSecurityGroupCommand({ GroupName: "x" } as never)), "MissingParameter", 400);
      await expectAwsError(ec2.send(new CreateSecurityGroupCommand({ Description: "x" } as never)), "MissingParameter", 400);
      assert.equal((await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups?.length, 1, "only the default group exists");
    });
  });
});
