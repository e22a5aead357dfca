import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type EC2Client,
  type IpPermission,
  type SecurityGroup,
} from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

async function group(ec2: EC2Client, id: string): Promise<SecurityGroup> {
  return (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))).SecurityGroups![0]!;
}

/** A group in a new (non-default) VPC, or in the default VPC. */
async function newGroup(ec2: EC2Client, inDefaultVpc = false, name = "app"): Promise<string> {
  const VpcId = inDefaultVpc ? undefined : (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
  return (await ec2.send(new CreateSecurityGroupCommand({ VpcId, GroupName: name, Description: name }))).GroupId!;
}

const tcp = (port: number, cidr: string): IpPermission => ({ IpProtocol: "tcp", FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr }] });
/** What Terraform's aws_security_group sends after creating a group: the allow-all egress rule, ports 0–0. */
const ALLOW_ALL: IpPermission = { IpProtocol: "-1", FromPort: 0, ToPort: 0, IpRanges: [{ CidrIp: "0.0.0.0/0" }] };

describe("EC2 RevokeSecurityGroupIngress / RevokeSecurityGroupEgress", () => {
  describe("behaviour", () => {
    it("RevokeSecurityGroupEgress: Terraform's revoke of the allow-all rule leaves a new group without egress and names the rule it removed", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const id = await newGroup(ec2);
      const out = await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [ALLOW_ALL] }));
      assert.equal(out.Return, true);
      assert.equal(out.UnknownIpPermissions, undefined);
      assert.equal(out.RevokedSecurityGroupRules?.length, 1);
      const revoked = out.RevokedSecurityGroupRules?.[0];
      assert.ok(revoked);
      assert.match(revoked.SecurityGroupRuleId!, /^sgr-[0-9a-f]{17}$/);
      assert.deepEqual([revoked.GroupId, revoked.IsEgress, revoked.IpProtocol, revoked.FromPort, revoked.ToPort, revoked.CidrIpv4], [id, true, "-1", -1, -1, "0.0.0.0/0"]);
      const g = await group(ec2, id);
      assert.deepEqual(g.IpPermissionsEgress, []);
      assert.deepEqual(g.IpPermissions, []);
    });

    it("RevokeSecurityGroupIngress: by IpPermissions (the description need not match) or by SecurityGroupRuleIds; other rules stay", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const id = await newGroup(ec2);
      const added = await ec2.send(
        new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ ...tcp(22, "10.0.0.0/8"), IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "ssh" }] }, tcp(5439, "10.0.0.0/8"), tcp(443, "10.0.0.0/8")] }),
      );
      const [ssh, redshift] = added.SecurityGroupRules!;
      const byPermission = await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [tcp(22, "10.0.0.0/8")] }));
      assert.deepEqual(byPermission.RevokedSecurityGroupRules!.map((r) => [r.SecurityGroupRuleId, r.Description]), [[ssh!.SecurityGroupRuleId, "ssh"]]);
      const byId = await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, SecurityGroupRuleIds: [redshift!.SecurityGroupRuleId!] }));
      assert.deepEqual(byId.RevokedSecurityGroupRules!.map((r) => r.SecurityGroupRuleId), [redshift!.SecurityGroupRuleId]);
      assert.deepEqual((await group(ec2, id)).IpPermissions!.map((p) => p.FromPort), [443]);
    });

    it("RevokeSecurityGroupIngress: the single-rule parameters, with the group by name in the default VPC", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const id = await newGroup(ec2, true, "web");
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupName: "web", IpProtocol: "tcp", FromPort: 80, ToPort: 80, CidrIp: "0.0.0.0/0" }));
      const out = await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupName: "web", IpProtocol: "tcp", FromPort: 80, ToPort: 80, CidrIp: "0.0.0.0/0" }));
      assert.equal(out.RevokedSecurityGroupRules?.length, 1);
      assert.deepEqual((await group(ec2, id)).IpPermissions, []);
    });

    it("RevokeSecurityGroupIngress: in the default VPC a rule the group lacks is no error; it comes back in UnknownIpPermissions", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const id = await newGroup(ec2, true, "web");
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [tcp(80, "0.0.0.0/0")] }));
      const out = await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [tcp(80, "0.0.0.0/0"), tcp(81, "0.0.0.0/0")] }));
      assert.equal(out.Return, true);
      assert.equal(out.RevokedSecurityGroupRules?.length, 1);
      assert.deepEqual(out.UnknownIpPermissions, [{ IpProtocol: "tcp", FromPort: 81, ToPort: 81, UserIdGroupPairs: [], IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [], PrefixListIds: [] }]);
    });

    it("DeleteSecurityGroup: a group another group's rule references is DependencyViolation until that rule is revoked", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
      const app = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "app", Description: "app" }))).GroupId!;
      const db = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "db", Description: "db" }))).GroupId!;
      const fromApp: IpPermission = { IpProtocol: "tcp", FromPort: 5439, ToPort: 5439, UserIdGroupPairs: [{ GroupId: app }] };
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: db, IpPermissions: [fromApp] }));
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: app, IpPermissions: [{ ...fromApp, UserIdGroupPairs: [{ GroupId: app }] }] }));
      await expectAwsError(ec2.send(new DeleteSecurityGroupCommand({ GroupId: app })), "DependencyViolation", 400);
      await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: db, IpPermissions: [fromApp] }));
      await ec2.send(new DeleteSecurityGroupCommand({ GroupId: app }));
      await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [app] })), "InvalidGroup.NotFound", 400);
    });
  });

  describe("errors", () => {
    it("RevokeSecurityGroupIngress/Egress: outside the default VPC a rule the group lacks → InvalidPermission.NotFound, and nothing is revoked", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const id = await newGroup(ec2);
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [tcp(22, "10.0.0.0/8")] }));
      const err = await expectAwsError(
        ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [tcp(22, "10.0.0.0/8"), tcp(23, "10.0.0.0/8")] })),
        "InvalidPermission.NotFound",
        400,
      );
      assert.equal(err.message, "The specified rule does not exist in this security group.");
      assert.deepEqual((await group(ec2, id)).IpPermissions!.map((p) => p.FromPort), [22]);
      await expectAwsError(ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [tcp(443, "0.0.0.0/0")] })), "InvalidPermission.NotFound", 400);
    });

    it("RevokeSecurityGroupIngress/Egress: an unknown rule id, or one of the other direction → InvalidSecurityGroupRuleId.NotFound", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const id = await newGroup(ec2);
      const rule = (await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [tcp(22, "10.0.0.0/8")] }))).SecurityGroupRules![0]!;
      const err = await expectAwsError(
        ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, SecurityGroupRuleIds: ["sgr-0000000000000000f"] })),
        "InvalidSecurityGroupRuleId.NotFound",
        400,
      );
      assert.match(err.message, /sgr-0000000000000000f/);
      await expectAwsError(ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, SecurityGroupRuleIds: [rule.SecurityGroupRuleId!] })), "InvalidSecurityGroupRuleId.NotFound", 400);
    });

    it("RevokeSecurityGroupIngress/Egress: nothing named, an unknown group, or egress single-rule parameters are refused", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const id = await newGroup(ec2);
      await expectAwsError(ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id })), "MissingParameter", 400);
      await expectAwsError(ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: "sg-0000000000000000f", IpPermissions: [ALLOW_ALL] })), "InvalidGroup.NotFound", 400);
      await expectAwsError(ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpProtocol: "-1", CidrIp: "0.0.0.0/0" })), "InvalidParameterValue", 400);
      assert.equal((await group(ec2, id)).IpPermissionsEgress!.length, 1, "the allow-all rule is still there");
    });
  });
});
