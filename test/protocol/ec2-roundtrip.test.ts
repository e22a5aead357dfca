/**
 * The EC2 shape tables proved against @aws-sdk/client-ec2, both ways, without a server: the SDK
 * serializes a fully populated request → our ec2Query decoder (+ validator) yields the same input;
 * we encode a fully populated output → the SDK parses the same value. Every member of every output
 * shape is populated (checked by `assertPopulated`), so every element name we write is proved:
 * lowerCamel names, `<item>` list items, no Result wrapper, `tagSet`, `groupDescription`, `zoneState`.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { assertPopulated, roundTrip as sharedRoundTrip } from "./roundtrip.js";
import { ec2, type Ec2Operation } from "../../src/services/ec2/index.js";

async function roundTrip(name: Ec2Operation, command: { input: object }, output?: Record<string, unknown>): Promise<{ form: string; parsed: unknown }> {
  const op = ec2.operations[name]!;
  if (op.output) assertPopulated(op.output, output, name);
  const result = await sharedRoundTrip(EC2Client, ec2, name, command, output);
  if (output) assert.deepEqual(result.parsed, output, `${name}: parsed output`);
  return result;
}

const TAGS = [
  { Key: "Name", Value: "analytics net" },
  { Key: "team", Value: "a&b=c" },
];
const FILTERS = [
  { Name: "vpc-id", Values: ["vpc-0123456789abcdef0", "vpc-1"] },
  { Name: "tag:Name", Values: ["x y*"] },
];
const STATE = { State: "associated", StatusMessage: "ok" };

const VPC = {
  VpcId: "vpc-0123456789abcdef0",
  OwnerId: "111111111111",
  State: "available",
  CidrBlock: "10.0.0.0/16",
  CidrBlockAssociationSet: [{ AssociationId: "vpc-cidr-assoc-0123456789abcdef0", CidrBlock: "10.0.0.0/16", CidrBlockState: STATE }],
  DhcpOptionsId: "dopt-0123456789abcdef0",
  InstanceTenancy: "default",
  IsDefault: false,
  BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
  Tags: TAGS,
};

const SUBNET = {
  SubnetId: "subnet-0123456789abcdef0",
  SubnetArn: "arn:aws:ec2:us-east-1:111111111111:subnet/subnet-0123456789abcdef0",
  OwnerId: "111111111111",
  State: "available",
  VpcId: "vpc-0123456789abcdef0",
  CidrBlock: "10.0.1.0/24",
  AvailableIpAddressCount: 251,
  AvailabilityZone: "us-east-1a",
  AvailabilityZoneId: "use1-az1",
  DefaultForAz: true,
  MapPublicIpOnLaunch: false,
  MapCustomerOwnedIpOnLaunch: false,
  AssignIpv6AddressOnCreation: true,
  Ipv6CidrBlockAssociationSet: [{ AssociationId: "subnet-cidr-assoc-1", Ipv6CidrBlock: "2600:1f18::/64", Ipv6CidrBlockState: STATE }],
  EnableDns64: false,
  Ipv6Native: true,
  PrivateDnsNameOptionsOnLaunch: { HostnameType: "ip-name", EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: false },
  BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
  Tags: TAGS,
};

const RULE = {
  IpProtocol: "tcp",
  FromPort: 5439,
  ToPort: 5440,
  UserIdGroupPairs: [{ Description: "peers", UserId: "111111111111", GroupName: "default", GroupId: "sg-0123456789abcdef0", VpcId: "vpc-0123456789abcdef0" }],
  IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "all" }],
  Ipv6Ranges: [{ CidrIpv6: "::/0", Description: "all v6" }],
  PrefixListIds: [{ PrefixListId: "pl-12345678", Description: "s3" }],
};

const SECURITY_GROUP = {
  GroupId: "sg-0123456789abcdef0",
  GroupName: "redshift clients",
  Description: "Clients of the cluster (port 5439)",
  VpcId: "vpc-0123456789abcdef0",
  OwnerId: "111111111111",
  SecurityGroupArn: "arn:aws:ec2:us-east-1:111111111111:security-group/sg-0123456789abcdef0",
  IpPermissions: [RULE],
  IpPermissionsEgress: [{ ...RULE, IpProtocol: "-1" }],
  Tags: TAGS,
};

const ZONE = {
  ZoneName: "us-east-1a",
  ZoneId: "use1-az1",
  State: "available",
  RegionName: "us-east-1",
  ZoneType: "availability-zone",
  OptInStatus: "opt-in-not-required",
  GroupName: "us-east-1-zg-1",
  NetworkBorderGroup: "us-east-1",
  Messages: [{ Message: "all good" }],
};

describe("EC2 shapes round-trip through @aws-sdk/client-ec2", () => {
  it("CreateVpc: TagSpecification.N.Tag.M in, <vpc> with tagSet and cidrBlockAssociationSet out", async () => {
    const { form } = await roundTrip(
      "CreateVpc",
      new CreateVpcCommand({
        CidrBlock: "10.0.0.0/16",
        InstanceTenancy: "dedicated",
        TagSpecifications: [{ ResourceType: "vpc", Tags: TAGS }],
        DryRun: false,
        Ipv4NetmaskLength: 24,
        Ipv6NetmaskLength: 56,
        AmazonProvidedIpv6CidrBlock: false,
        VpcEncryptionControl: { Mode: "monitor", InternetGatewayExclusion: "enable", ElasticFileSystemExclusion: "disable" },
      }),
      { Vpc: VPC },
    );
    assert.match(form, /TagSpecification\.1\.ResourceType=vpc/);
    assert.match(form, /TagSpecification\.1\.Tag\.2\.Value=a%26b%3Dc/);
  });

  it("DescribeVpcs: flattened VpcId.N and Filter.N.Value.M in, <vpcSet><item> and nextToken out", async () => {
    const { form } = await roundTrip(
      "DescribeVpcs",
      new DescribeVpcsCommand({ VpcIds: ["vpc-1", "vpc-2"], Filters: FILTERS, MaxResults: 5, NextToken: "tok", DryRun: false }),
      { Vpcs: [VPC, { ...VPC, VpcId: "vpc-2", IsDefault: true }], NextToken: "next-page" },
    );
    assert.match(form, /VpcId\.2=vpc-2/);
    assert.match(form, /Filter\.1\.Value\.2=vpc-1/);
    assert.match(form, /Filter\.2\.Name=tag%3AName/);
  });

  it("DescribeVpcAttribute: Attribute and VpcId in, vpcId and <enableDnsSupport><value> (each attribute) out", async () => {
    const { form } = await roundTrip(
      "DescribeVpcAttribute",
      new DescribeVpcAttributeCommand({ Attribute: "enableDnsHostnames", VpcId: "vpc-0123456789abcdef0", DryRun: false }),
      {
        VpcId: "vpc-0123456789abcdef0",
        EnableDnsHostnames: { Value: true },
        EnableDnsSupport: { Value: false },
        EnableNetworkAddressUsageMetrics: { Value: true },
      },
    );
    assert.match(form, /Attribute=enableDnsHostnames/);
    assert.match(form, /VpcId=vpc-0123456789abcdef0/);
  });

  it("DeleteVpc: VpcId in, an empty <return>true</return> response parses", async () => {
    const { parsed } = await roundTrip("DeleteVpc", new DeleteVpcCommand({ VpcId: "vpc-0123456789abcdef0", DryRun: true }));
    assert.deepEqual(parsed, {});
  });

  it("CreateSubnet: VpcId, CidrBlock, zone name and id in, <subnet> out", async () => {
    await roundTrip(
      "CreateSubnet",
      new CreateSubnetCommand({
        VpcId: "vpc-0123456789abcdef0",
        Ipv4NetmaskLength: 28,
        Ipv6NetmaskLength: 64,
        Ipv6Native: false,
        CidrBlock: "10.0.1.0/24",
        AvailabilityZone: "us-east-1a",
        AvailabilityZoneId: "use1-az1",
        TagSpecifications: [{ ResourceType: "subnet", Tags: TAGS }],
        DryRun: false,
      }),
      { Subnet: SUBNET },
    );
  });

  it("DescribeSubnets: SubnetId.N in, <subnetSet><item> out", async () => {
    const { form } = await roundTrip(
      "DescribeSubnets",
      new DescribeSubnetsCommand({ SubnetIds: ["subnet-1", "subnet-2"], Filters: FILTERS, MaxResults: 1000, NextToken: "t", DryRun: false }),
      { Subnets: [SUBNET], NextToken: "n" },
    );
    assert.match(form, /SubnetId\.1=subnet-1&SubnetId\.2=subnet-2|SubnetId\.1=subnet-1.*SubnetId\.2=subnet-2/);
  });

  it("DeleteSubnet: SubnetId in", async () => {
    await roundTrip("DeleteSubnet", new DeleteSubnetCommand({ SubnetId: "subnet-0123456789abcdef0", DryRun: false }));
  });

  it("CreateSecurityGroup: GroupDescription (not Description) in, groupId / tagSet / securityGroupArn out", async () => {
    const { form } = await roundTrip(
      "CreateSecurityGroup",
      new CreateSecurityGroupCommand({
        GroupName: "redshift clients",
        Description: "Clients (port 5439)",
        VpcId: "vpc-0123456789abcdef0",
        TagSpecifications: [{ ResourceType: "security-group", Tags: TAGS }],
        DryRun: false,
      }),
      { GroupId: "sg-0123456789abcdef0", Tags: TAGS, SecurityGroupArn: SECURITY_GROUP.SecurityGroupArn },
    );
    assert.match(form, /GroupDescription=Clients%20%28port%205439%29/);
  });

  it("DescribeSecurityGroups: GroupId.N and GroupName.N in, <securityGroupInfo> with rules out", async () => {
    const { form } = await roundTrip(
      "DescribeSecurityGroups",
      new DescribeSecurityGroupsCommand({ GroupIds: ["sg-1"], GroupNames: ["default", "web"], Filters: FILTERS, MaxResults: 10, NextToken: "t", DryRun: false }),
      { SecurityGroups: [SECURITY_GROUP], NextToken: "n" },
    );
    assert.match(form, /GroupId\.1=sg-1/);
    assert.match(form, /GroupName\.2=web/);
  });

  it("DeleteSecurityGroup: GroupId or GroupName in, return and groupId out", async () => {
    await roundTrip("DeleteSecurityGroup", new DeleteSecurityGroupCommand({ GroupId: "sg-1", GroupName: "web", DryRun: false }), {
      Return: true,
      GroupId: "sg-1",
    });
  });

  it("DescribeAvailabilityZones: ZoneName.N and ZoneId.N in, <availabilityZoneInfo> with zoneState out", async () => {
    const { form } = await roundTrip(
      "DescribeAvailabilityZones",
      new DescribeAvailabilityZonesCommand({
        ZoneNames: ["us-east-1a"],
        ZoneIds: ["use1-az2"],
        AllAvailabilityZones: true,
        Filters: [{ Name: "state", Values: ["available"] }],
        DryRun: false,
      }),
      { AvailabilityZones: [ZONE] },
    );
    assert.match(form, /ZoneName\.1=us-east-1a/);
    assert.match(form, /ZoneId\.1=use1-az2/);
  });

  it("DescribeNetworkInterfaces: NetworkInterfaceId.N in, <networkInterfaceSet> with groupSet and privateIpAddressesSet out", async () => {
    const eni = {
      AvailabilityZone: "us-east-1a",
      AvailabilityZoneId: "use1-az1",
      Description: "VPC Endpoint Interface vpce-0123456789abcdef0",
      Groups: [{ GroupId: "sg-0123456789abcdef0", GroupName: "default" }],
      InterfaceType: "vpc_endpoint",
      Ipv6Addresses: [{ Ipv6Address: "2600:1f18::1" }],
      MacAddress: "02:12:34:56:78:9a",
      NetworkInterfaceId: "eni-0123456789abcdef0",
      OwnerId: "222222222222",
      PrivateDnsName: "ip-10-1-1-4.ec2.internal",
      PrivateIpAddress: "10.1.1.4",
      PrivateIpAddresses: [{ Primary: true, PrivateDnsName: "ip-10-1-1-4.ec2.internal", PrivateIpAddress: "10.1.1.4" }],
      RequesterManaged: true,
      SourceDestCheck: true,
      Status: "in-use",
      SubnetId: "subnet-0123456789abcdef0",
      TagSet: TAGS,
      VpcId: "vpc-0123456789abcdef0",
      Ipv6Native: false,
    };
    const { form } = await roundTrip(
      "DescribeNetworkInterfaces",
      new DescribeNetworkInterfacesCommand({
        NetworkInterfaceIds: ["eni-1", "eni-2"],
        Filters: FILTERS,
        MaxResults: 5,
        NextToken: "t",
        DryRun: false,
        IncludeManagedResources: true,
      }),
      { NetworkInterfaces: [eni], NextToken: "n" },
    );
    assert.match(form, /NetworkInterfaceId\.2=eni-2/);
  });

  const PERMISSION = {
    IpProtocol: "tcp",
    FromPort: 5439,
    ToPort: 5440,
    UserIdGroupPairs: [{ Description: "peers", UserId: "111111111111", GroupName: "web", GroupId: "sg-1", VpcId: "vpc-1" }],
    IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "corp" }],
    Ipv6Ranges: [{ CidrIpv6: "2600:1f18::/56", Description: "v6" }],
    PrefixListIds: [{ PrefixListId: "pl-12345678", Description: "s3" }],
  };
  const GROUP_RULE = {
    SecurityGroupRuleId: "sgr-0123456789abcdef0",
    GroupId: "sg-0123456789abcdef0",
    GroupOwnerId: "111111111111",
    IsEgress: false,
    IpProtocol: "tcp",
    FromPort: 5439,
    ToPort: 5439,
    CidrIpv4: "10.0.0.0/8",
    CidrIpv6: "2600:1f18::/56",
    PrefixListId: "pl-12345678",
    ReferencedGroupInfo: { GroupId: "sg-1", UserId: "111111111111" },
    Description: "redshift clients",
    Tags: TAGS,
    SecurityGroupRuleArn: "arn:aws:ec2:us-east-1:111111111111:security-group-rule/sgr-0123456789abcdef0",
  };
  const REVOKED_RULE = {
    SecurityGroupRuleId: "sgr-0123456789abcdef0",
    GroupId: "sg-0123456789abcdef0",
    IsEgress: true,
    IpProtocol: "-1",
    FromPort: -1,
    ToPort: -1,
    CidrIpv4: "0.0.0.0/0",
    CidrIpv6: "::/0",
    PrefixListId: "pl-12345678",
    ReferencedGroupId: "sg-1",
    Description: "all",
  };

  it("AuthorizeSecurityGroupIngress: IpPermissions.N.Groups.M / IpRanges.M and the single-rule parameters in, securityGroupRuleSet out", async () => {
    const { form } = await roundTrip(
      "AuthorizeSecurityGroupIngress",
      new AuthorizeSecurityGroupIngressCommand({
        CidrIp: "10.0.0.0/8",
        FromPort: 22,
        GroupId: "sg-0123456789abcdef0",
        GroupName: "web",
        IpPermissions: [PERMISSION, { IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
        IpProtocol: "tcp",
        SourceSecurityGroupName: "db",
        SourceSecurityGroupOwnerId: "111111111111",
        ToPort: 23,
        TagSpecifications: [{ ResourceType: "security-group-rule", Tags: TAGS }],
        DryRun: false,
      }),
      { Return: true, SecurityGroupRules: [GROUP_RULE] },
    );
    assert.match(form, /IpPermissions\.1\.Groups\.1\.GroupId=sg-1/);
    assert.match(form, /IpPermissions\.1\.IpRanges\.1\.CidrIp=10\.0\.0\.0%2F8/);
    assert.match(form, /IpPermissions\.2\.IpProtocol=-1/);
    assert.match(form, /TagSpecification\.1\.ResourceType=security-group-rule/);
  });

  it("AuthorizeSecurityGroupEgress: GroupId and IpPermissions in, return and securityGroupRuleSet out", async () => {
    await roundTrip(
      "AuthorizeSecurityGroupEgress",
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: "sg-0123456789abcdef0",
        TagSpecifications: [{ ResourceType: "security-group-rule", Tags: TAGS }],
        DryRun: false,
        SourceSecurityGroupName: "db",
        SourceSecurityGroupOwnerId: "111111111111",
        IpProtocol: "tcp",
        FromPort: 1,
        ToPort: 2,
        CidrIp: "10.0.0.0/8",
        IpPermissions: [PERMISSION],
      }),
      { Return: true, SecurityGroupRules: [{ ...GROUP_RULE, IsEgress: true }] },
    );
  });

  it("RevokeSecurityGroupIngress / Egress: SecurityGroupRuleId.N and IpPermissions in, unknownIpPermissionSet and revokedSecurityGroupRuleSet out", async () => {
    const output = { Return: true, UnknownIpPermissions: [RULE], RevokedSecurityGroupRules: [REVOKED_RULE] };
    const { form } = await roundTrip(
      "RevokeSecurityGroupIngress",
      new RevokeSecurityGroupIngressCommand({
        CidrIp: "10.0.0.0/8",
        FromPort: 22,
        GroupId: "sg-0123456789abcdef0",
        GroupName: "web",
        IpPermissions: [PERMISSION],
        IpProtocol: "tcp",
        SourceSecurityGroupName: "db",
        SourceSecurityGroupOwnerId: "111111111111",
        ToPort: 22,
        SecurityGroupRuleIds: ["sgr-1", "sgr-2"],
        DryRun: false,
      }),
      output,
    );
    assert.match(form, /SecurityGroupRuleId\.2=sgr-2/);
    await roundTrip(
      "RevokeSecurityGroupEgress",
      new RevokeSecurityGroupEgressCommand({
        GroupId: "sg-0123456789abcdef0",
        SecurityGroupRuleIds: ["sgr-1"],
        DryRun: false,
        SourceSecurityGroupName: "db",
        SourceSecurityGroupOwnerId: "111111111111",
        IpProtocol: "-1",
        FromPort: 0,
        ToPort: 0,
        CidrIp: "0.0.0.0/0",
        IpPermissions: [{ IpProtocol: "-1", FromPort: 0, ToPort: 0, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
      }),
      output,
    );
  });

  it("every implemented EC2 operation is covered by this file", () => {
    const covered = [
      "CreateVpc",
      "DescribeVpcs",
      "DescribeVpcAttribute",
      "DeleteVpc",
      "CreateSubnet",
      "DescribeSubnets",
      "DeleteSubnet",
      "CreateSecurityGroup",
      "DescribeSecurityGroups",
      "DeleteSecurityGroup",
      "DescribeAvailabilityZones",
      "DescribeNetworkInterfaces",
      "AuthorizeSecurityGroupIngress",
      "AuthorizeSecurityGroupEgress",
      "RevokeSecurityGroupIngress",
      "RevokeSecurityGroupEgress",
      // test/protocol/ec2-route-roundtrip.test.ts
      "ModifyVpcAttribute",
      "DescribeRouteTables",
      "DescribeNetworkAcls",
      // test/protocol/ec2-tags-roundtrip.test.ts
      "CreateTags",
      "DeleteTags",
      "DescribeTags",
    ];
    assert.deepEqual(Object.keys(ec2.operations).sort(), covered.sort());
  });
});
