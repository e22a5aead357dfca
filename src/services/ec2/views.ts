/**
 * Domain entities → EC2 wire values (the explicit mappers between the two types). Like EC2, a
 * resource without tags has no `tagSet` element; lists EC2 always sends (IPv6 associations, rule
 * lists) are sent empty.
 */
import type { SecurityGroupRule, SecurityGroupView } from "../../domain/network/security-groups.js";
import { SUBNET_OPTIONS, type SubnetView } from "../../domain/network/subnets.js";
import { vpcAttributes } from "../../domain/network/vpcs.js";
import type { AvailabilityZoneInfo } from "../../domain/network/zones.js";
import type { Tag, Vpc as VpcEntity } from "../../domain/entities.js";
import type { ValueOf } from "../../protocol/shapes.js";
import type { AvailabilityZone, SecurityGroup, Subnet, Vpc } from "./shapes.js";

export function tagsView(tags: readonly Tag[]): { Key: string; Value: string }[] | undefined {
  return tags.length === 0 ? undefined : tags.map((t) => ({ Key: t.Key, Value: t.Value }));
}

export function vpcView(vpc: VpcEntity): ValueOf<typeof Vpc> {
  const attrs = vpcAttributes(vpc);
  return {
    VpcId: vpc.id,
    OwnerId: vpc.account,
    State: attrs.state,
    CidrBlock: vpc.cidrBlock,
    CidrBlockAssociationSet: [
      { AssociationId: attrs.cidrAssociationId, CidrBlock: vpc.cidrBlock, CidrBlockState: { State: attrs.cidrAssociationState } },
    ],
    DhcpOptionsId: attrs.dhcpOptionsId,
    InstanceTenancy: attrs.instanceTenancy,
    IsDefault: vpc.isDefault,
    BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
    Tags: tagsView(vpc.tags),
  };
}

export function subnetView(view: SubnetView): ValueOf<typeof Subnet> {
  const s = view.subnet;
  return {
    SubnetId: s.id,
    SubnetArn: view.arn,
    OwnerId: s.account,
    State: "available",
    VpcId: s.vpcId,
    CidrBlock: s.cidrBlock,
    AvailableIpAddressCount: view.availableIpAddressCount,
    AvailabilityZone: s.availabilityZone,
    AvailabilityZoneId: view.zone?.zoneId,
    DefaultForAz: s.defaultForAz,
    MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
    MapCustomerOwnedIpOnLaunch: SUBNET_OPTIONS.mapCustomerOwnedIpOnLaunch,
    AssignIpv6AddressOnCreation: SUBNET_OPTIONS.assignIpv6AddressOnCreation,
    Ipv6CidrBlockAssociationSet: [],
    EnableDns64: SUBNET_OPTIONS.enableDns64,
    Ipv6Native: SUBNET_OPTIONS.ipv6Native,
    PrivateDnsNameOptionsOnLaunch: {
      HostnameType: SUBNET_OPTIONS.hostnameType,
      EnableResourceNameDnsARecord: SUBNET_OPTIONS.enableResourceNameDnsARecord,
      EnableResourceNameDnsAAAARecord: SUBNET_OPTIONS.enableResourceNameDnsAAAARecord,
    },
    BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
    Tags: tagsView(s.tags),
  };
}

function ruleView(rule: SecurityGroupRule) {
  return {
    IpProtocol: rule.protocol,
    UserIdGroupPairs: rule.groupPairs.map((p) => ({ UserId: p.userId, GroupId: p.groupId })),
    IpRanges: rule.cidrs.map((c) => ({ CidrIp: c })),
    Ipv6Ranges: [],
    PrefixListIds: [],
  };
}

export function securityGroupView(view: SecurityGroupView): ValueOf<typeof SecurityGroup> {
  const g = view.group;
  return {
    GroupId: g.id,
    GroupName: g.groupName,
    Description: g.description,
    VpcId: g.vpcId,
    OwnerId: g.account,
    SecurityGroupArn: view.arn,
    IpPermissions: view.ingress.map(ruleView),
    IpPermissionsEgress: view.egress.map(ruleView),
    Tags: tagsView(g.tags),
  };
}

export function zoneView(z: AvailabilityZoneInfo): ValueOf<typeof AvailabilityZone> {
  return {
    ZoneName: z.zoneName,
    ZoneId: z.zoneId,
    State: z.state,
    RegionName: z.regionName,
    ZoneType: z.zoneType,
    OptInStatus: z.optInStatus,
    GroupName: z.groupName,
    NetworkBorderGroup: z.networkBorderGroup,
    Messages: [],
  };
}
