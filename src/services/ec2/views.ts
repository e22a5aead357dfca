/**
 * Domain entities → EC2 wire values (the explicit mappers between the two types). Like EC2, a
 * resource without tags has no `tagSet` element; lists EC2 always sends (IPv6 associations, rule
 * lists) are sent empty.
 */
import { permissionViews, type PermissionView, type RuleSpec } from "../../domain/network/rule-set.js";
import { ruleArn } from "../../domain/network/security-group-rules.js";
import type { SecurityGroupView } from "../../domain/network/security-groups.js";
import { SUBNET_OPTIONS, type SubnetView } from "../../domain/network/subnets.js";
import { vpcAttributes } from "../../domain/network/vpcs.js";
import { arnPartition, type AvailabilityZoneInfo } from "../../domain/network/zones.js";
import type { SecurityGroup as SecurityGroupEntity, SecurityGroupRule as RuleEntity, Tag, Vpc as VpcEntity } from "../../domain/entities.js";
import type { ValueOf } from "../../protocol/shapes.js";
import type { AvailabilityZone, RevokedSecurityGroupRule, SecurityGroup, SecurityGroupRule, Subnet, Vpc } from "./shapes.js";

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

/** An `IpPermission`: EC2 omits the port range of `-1` (and other port-less protocols) and empty descriptions. */
export function permissionView(p: PermissionView) {
  return {
    IpProtocol: p.protocol,
    FromPort: p.fromPort,
    ToPort: p.toPort,
    UserIdGroupPairs: p.groups.map((g) => ({ UserId: g.userId, GroupId: g.groupId, Description: g.description })),
    IpRanges: p.ipv4.map((r) => ({ CidrIp: r.cidr, Description: r.description })),
    Ipv6Ranges: p.ipv6.map((r) => ({ CidrIpv6: r.cidr, Description: r.description })),
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
    IpPermissions: view.ingress.map(permissionView),
    IpPermissionsEgress: view.egress.map(permissionView),
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

/** A rule as AuthorizeSecurityGroup* report it; an all-ports rule shows the range -1 to -1. */
export function securityGroupRuleView(group: SecurityGroupEntity, rule: RuleEntity): ValueOf<typeof SecurityGroupRule> {
  return {
    SecurityGroupRuleId: rule.id,
    GroupId: group.id,
    GroupOwnerId: group.account,
    IsEgress: rule.egress,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort ?? -1,
    ToPort: rule.toPort ?? -1,
    CidrIpv4: rule.cidrIpv4,
    CidrIpv6: rule.cidrIpv6,
    ReferencedGroupInfo: rule.groupId === undefined ? undefined : { GroupId: rule.groupId, UserId: group.account },
    Description: rule.description,
    Tags: tagsView(rule.tags ?? []),
    SecurityGroupRuleArn: ruleArn(group, rule, arnPartition(group.region)),
  };
}

export function revokedRuleView(group: SecurityGroupEntity, rule: RuleEntity): ValueOf<typeof RevokedSecurityGroupRule> {
  return {
    SecurityGroupRuleId: rule.id,
    GroupId: group.id,
    IsEgress: rule.egress,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort ?? -1,
    ToPort: rule.toPort ?? -1,
    CidrIpv4: rule.cidrIpv4,
    CidrIpv6: rule.cidrIpv6,
    ReferencedGroupId: rule.groupId,
    Description: rule.description,
  };
}

/** Rules a revoke named that the group does not have, as `IpPermission`s (absent when none). */
export function unknownPermissionsView(group: SecurityGroupEntity, rules: readonly RuleSpec[]) {
  return rules.length === 0 ? undefined : permissionViews(group.account, rules).map(permissionView);
}
