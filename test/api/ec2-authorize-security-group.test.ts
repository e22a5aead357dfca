import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  type IpPermission,
  type SecurityGroup,
} from "@aws-sdk/client-ec2";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

interface Net {
  readonly ec2: EC2Client;
  readonly vpcId: string;
  /** A new group of the VPC. */
  readonly groupId: string;
  /** Another group of the VPC. */
  readonly peerId: string;
}

async function net(url: string, account = GRANTOR): Promise<Net> {
  const { ec2 } = clientsFor(url, account);
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
  const groupId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "redshift-endpoint", Description: "endpoint" }))).GroupId!;
  const peerId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "clients", Description: "clients" }))).GroupId!;
  return { ec2, vpcId, groupId, peerId };
}

async function group(ec2: EC2Client, id: string): Promise<SecurityGroup> {
  return (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))).SecurityGroups![0]!;
}

const ingress = (n: Net, IpPermissions: IpPermission[], GroupId = n.groupId) => n.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions }));
const tcp = (port: number, cidr: string, Description?: string): IpPermission => ({ IpProtocol: "tcp", FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr, Description }] });

describe("EC2 AuthorizeSecurityGroupIngress / AuthorizeSecurityGroupEgress", () => {
  describe("behaviour", () => {
    it("AuthorizeSecurityGroupIngress: each peer becomes a rule with an sgr- id; DescribeSecurityGroups groups them by protocol and ports", async () => {
      await using rs = await startServer();
      const n = await net(rs.url);
      const out = await ingress(n, [
        { IpProtocol: "tcp", FromPort: 5439, ToPort: 5439, IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "corp" }, { CidrIp: "192.168.0.0/16" }], UserIdGroupPairs: [{ GroupId: n.peerId }] },
        { IpProtocol: "icmp", FromPort: 8, ToPort: -1, Ipv6Ranges: [{ CidrIpv6: "2600:1F18::/56" }] },
      ]);
      assert.equal(out.Return, true);
      const rules = out.SecurityGroupRules!;
      assert.equal(rules.length, 4);
      for (const r of rules) {
        assert.match(r.SecurityGroupRuleId!, /^sgr-[0-9a-f]{17}$/);
        assert.equal(r.GroupId, n.groupId);
        assert.equal(r.GroupOwnerId, GRANTOR);
        assert.equal(r.IsEgress, false);
        assert.equal(r.SecurityGroupRuleArn, `arn:aws:ec2:us-east-1:${GRANTOR}:security-group-rule/${r.SecurityGroupRuleId}`);
      }
      assert.deepEqual(
        rules.map((r) => [r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4 ?? r.CidrIpv6 ?? r.ReferencedGroupInfo?.GroupId, r.Description]),
        [
          ["tcp", 5439, 5439, "10.0.0.0/8", "corp"],
          ["tcp", 5439, 5439, "192.168.0.0/16", undefined],
          ["tcp", 5439, 5439, n.peerId, undefined],
          ["icmp", 8, -1, "2600:1f18::/56", undefined],
        ],
      );
      assert.deepEqual(rules[2]!.ReferencedGroupInfo, { GroupId: n.peerId, UserId: GRANTOR });
      const g = await group(n.ec2, n.groupId);
      assert.deepEqual(g.IpPermissions, [
        {
          IpProtocol: "tcp",
          FromPort: 5439,
          ToPort: 5439,
          UserIdGroupPairs: [{ UserId: GRANTOR, GroupId: n.peerId }],
          IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "corp" }, { CidrIp: "192.168.0.0/16" }],
          Ipv6Ranges: [],
          PrefixListIds: [],
        },
        { IpProtocol: "icmp", FromPort: 8, ToPort: -1, UserIdGroupPairs: [], IpRanges: [], Ipv6Ranges: [{ CidrIpv6: "2600:1f18::/56" }], PrefixListIds: [] },
      ]);
      assert.deepEqual(g.IpPermissionsEgress, [{ IpProtocol: "-1", UserIdGroupPairs: [], IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [], PrefixListIds: [] }], "egress untouched");
    });

    it("AuthorizeSecurityGroupIngress: protocol numbers of TCP/UDP/ICMP read back as names; -1 and other numbers drop the port range", async () => {
      await using rs = await startServer();
      const n = await net(rs.url);
      const out = await ingress(n, [
        { IpProtocol: "6", FromPort: 80, ToPort: 443, IpRanges: [{ CidrIp: "10.1.0.0/16" }] },
        { IpProtocol: "-1", FromPort: 0, ToPort: 0, IpRanges: [{ CidrIp: "10.2.0.0/16" }] },
        { IpProtocol: "50", FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: "10.3.0.0/16" }] },
      ]);
      assert.deepEqual(out.SecurityGroupRules!.map((r) => [r.IpProtocol, r.FromPort, r.ToPort]), [["tcp", 80, 443], ["-1", -1, -1], ["50", -1, -1]]);
      const perms = (await group(n.ec2, n.groupId)).IpPermissions!;
      assert.deepEqual(perms.map((p) => [p.IpProtocol, p.FromPort, p.ToPort]), [["tcp", 80, 443], ["-1", undefined, undefined], ["50", undefined, undefined]]);
    });

    it("AuthorizeSecurityGroupIngress: the single-rule parameters (the AWS CLI's --protocol --port --cidr), with the group by name in the default VPC", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const web = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web" }))).GroupId!;
      const out = await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupName: "web", IpProtocol: "tcp", FromPort: 22, ToPort: 22, CidrIp: "203.0.113.0/24" }));
      assert.equal(out.SecurityGroupRules![0]!.GroupId, web);
      const viaName = await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: web, IpProtocol: "tcp", FromPort: 5439, ToPort: 5439, SourceSecurityGroupName: "default" }));
      assert.equal(viaName.SecurityGroupRules![0]!.ReferencedGroupInfo?.UserId, GRANTOR);
      const perms = (await group(ec2, web)).IpPermissions!;
      assert.deepEqual(perms.map((p) => [p.FromPort, p.IpRanges?.[0]?.CidrIp ?? p.UserIdGroupPairs?.[0]?.GroupId?.slice(0, 3)]), [[22, "203.0.113.0/24"], [5439, "sg-"]]);
    });

    it("AuthorizeSecurityGroupEgress: adds outbound rules beside the allow-all one; rule tags come from TagSpecification security-group-rule", async () => {
      await using rs = await startServer();
      const n = await net(rs.url);
      const out = await n.ec2.send(
        new AuthorizeSecurityGroupEgressCommand({
          GroupId: n.groupId,
          IpPermissions: [tcp(443, "0.0.0.0/0")],
          TagSpecifications: [{ ResourceType: "security-group-rule", Tags: [{ Key: "Name", Value: "https" }] }],
        }),
      );
      assert.equal(out.SecurityGroupRules![0]!.IsEgress, true);
      assert.deepEqual(out.SecurityGroupRules![0]!.Tags, [{ Key: "Name", Value: "https" }]);
      const egress = (await group(n.ec2, n.groupId)).IpPermissionsEgress!;
      assert.deepEqual(egress.map((p) => p.IpProtocol), ["-1", "tcp"]);
    });

    it("DescribeSecurityGroups: ip-permission.* and egress.ip-permission.* filters see the rules", async () => {
      await using rs = await startServer();
      const n = await net(rs.url);
      await ingress(n, [tcp(5439, "10.0.0.0/8"), { IpProtocol: "tcp", FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: n.peerId }] }]);
      const ids = async (Name: string, Values: string[]) =>
        (await n.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [n.vpcId] }, { Name, Values }] }))).SecurityGroups!.map((g) => g.GroupId);
      assert.deepEqual(await ids("ip-permission.from-port", ["5439"]), [n.groupId]);
      assert.deepEqual(await ids("ip-permission.to-port", ["22"]), [n.groupId]);
      assert.deepEqual(await ids("ip-permission.cidr", ["10.0.0.0/8"]), [n.groupId]);
      assert.deepEqual(await ids("ip-permission.group-id", [n.peerId]), [n.groupId]);
      assert.deepEqual(await ids("ip-permission.protocol", ["tcp"]), [n.groupId]);
      assert.deepEqual((await ids("egress.ip-permission.cidr", ["0.0.0.0/0"])).length, 3, "every group of the VPC, its default one included");
      assert.deepEqual(await ids("egress.ip-permission.from-port", ["*"]), [], "the allow-all rule has no port range");
    });
  });

  describe("errors", () => {
    it("AuthorizeSecurityGroupIngress: an existing rule → InvalidPermission.Duplicate naming it, and nothing of the request is added", async () => {
      await using rs = await startServer();
      const n = await net(rs.url);
      await ingress(n, [tcp(22, "10.0.0.0/8", "first")]);
      const err = await expectAwsError(ingress(n, [tcp(5439, "10.0.0.0/8"), tcp(22, "10.0.0.0/8", "other description")]), "InvalidPermission.Duplicate", 400);
      assert.equal(err.message, 'the specified rule "peer: 10.0.0.0/8, TCP, from port: 22, to port: 22, ALLOW" already exists');
      assert.deepEqual((await group(n.ec2, n.groupId)).IpPermissions!.map((p) => p.FromPort), [22]);
      await expectAwsError(ingress(n, [tcp(80, "10.9.0.0/16"), tcp(80, "10.9.0.0/16")]), "InvalidPermission.Duplicate", 400);
      const egressDup = await expectAwsError(
        n.ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: n.groupId, IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] })),
        "InvalidPermission.Duplicate",
        400,
      );
      assert.equal(egressDup.message, 'the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists');
    });

    it("AuthorizeSecurityGroupIngress: bad protocol, ports, CIDR blocks, descriptions and peerless permissions are refused", async () => {
      await using rs = await startServer();
      const n = await net(rs.url);
      const cases: [IpPermission, string][] = [
        [{ IpProtocol: "tcpx", FromPort: 1, ToPort: 1, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }, "InvalidParameterValue"],
        [{ IpProtocol: "256", IpRanges: [{ CidrIp: "10.0.0.0/8" }] }, "InvalidParameterValue"],
        [{ IpProtocol: "tcp", FromPort: 22, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }, "InvalidParameterValue"],
        [{ IpProtocol: "udp", FromPort: 90, ToPort: 80, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }, "InvalidParameterValue"],
        [{ IpProtocol: "tcp", FromPort: 0, ToPort: 65536, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }, "InvalidParameterValue"],
        [{ IpProtocol: "icmp", FromPort: 8, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }, "InvalidParameterValue"],
        [{ IpProtocol: "icmp", FromPort: 256, ToPort: 0, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }, "InvalidParameterValue"],
        [tcp(22, "10.0.0.1/8"), "InvalidParameterValue"],
        [tcp(22, "10.0.0/8"), "InvalidParameterValue"],
        [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, Ipv6Ranges: [{ CidrIpv6: "2600::zz/56" }] }, "InvalidParameterValue"],
        [tcp(22, "10.0.0.0/8", "tab\there"), "InvalidParameterValue"],
        [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22 }, "MissingParameter"],
        [{ FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }, "MissingParameter"],
      ];
      for (const [permission, code] of cases) await expectAwsError(ingress(n, [permission]), code, 400);
      await expectAwsError(ingress(n, []), "MissingParameter", 400);
      assert.deepEqual((await group(n.ec2, n.groupId)).IpPermissions, []);
    });

    it("AuthorizeSecurityGroupIngress: a peer group that does not exist, is in another VPC or account, or a prefix list, is refused", async () => {
      await using rs = await startServer();
      const n = await net(rs.url);
      const other = (await n.ec2.send(new CreateSecurityGroupCommand({ GroupName: "elsewhere", Description: "default VPC" }))).GroupId!;
      const theirs = (await net(rs.url, GRANTEE)).groupId;
      const viaGroup = (GroupId: string, UserId?: string): IpPermission => ({ IpProtocol: "tcp", FromPort: 1, ToPort: 1, UserIdGroupPairs: [{ GroupId, UserId }] });
      await expectAwsError(ingress(n, [viaGroup("sg-0000000000000000f")]), "InvalidGroup.NotFound", 400);
      const across = await expectAwsError(ingress(n, [viaGroup(other)]), "InvalidParameter", 400);
      assert.equal(across.message, "You have specified two resources that belong to different networks.");
      await expectAwsError(ingress(n, [viaGroup(theirs, GRANTEE)]), "InvalidParameter", 400);
      await expectAwsError(ingress(n, [viaGroup(theirs)]), "InvalidGroup.NotFound", 400);
      await expectAwsError(ingress(n, [{ IpProtocol: "tcp", FromPort: 1, ToPort: 1, PrefixListIds: [{ PrefixListId: "pl-63a5400a" }] }]), "InvalidPrefixListID.NotFound", 400);
    });

    it("AuthorizeSecurityGroupIngress/Egress: the target group must exist; egress takes no single-rule parameters; the two forms do not mix", async () => {
      await using rs = await startServer();
      const n = await net(rs.url);
      await expectAwsError(ingress(n, [tcp(22, "10.0.0.0/8")], "sg-0000000000000000f"), "InvalidGroup.NotFound", 400);
      await expectAwsError(n.ec2.send(new AuthorizeSecurityGroupIngressCommand({ IpPermissions: [tcp(22, "10.0.0.0/8")] })), "MissingParameter", 400);
      await expectAwsError(
        n.ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: n.groupId, IpProtocol: "tcp", FromPort: 1, ToPort: 1, CidrIp: "10.0.0.0/8" })),
        "InvalidParameterValue",
        400,
      );
      await expectAwsError(
        n.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: n.groupId, CidrIp: "10.0.0.0/8", IpPermissions: [tcp(22, "10.0.0.0/8")] })),
        "InvalidParameterCombination",
        400,
      );
    });

    it("AuthorizeSecurityGroupIngress: more rules in one direction than rules-per-security-group → RulesPerSecurityGroupLimitExceeded", async () => {
      await using rs = await startServer({ quotas: { "rules-per-security-group": 2 } });
      const n = await net(rs.url);
      await ingress(n, [tcp(1, "10.0.0.0/8"), tcp(2, "10.0.0.0/8")]);
      await expectAwsError(ingress(n, [tcp(3, "10.0.0.0/8")]), "RulesPerSecurityGroupLimitExceeded", 400);
      const out = await n.ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: n.groupId, IpPermissions: [tcp(3, "10.0.0.0/8")] }));
      assert.equal(out.SecurityGroupRules!.length, 1, "egress counts separately (one allow-all rule + one)");
    });
  });
});
