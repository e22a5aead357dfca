/**
 * EC2 shapes shared by several operations, with the wire names of the EC2 model
 * (@aws-sdk/client-ec2 3.1169 schemas: `ec2QueryName` for requests, lowerCamel `xmlName` for
 * responses; list items `<item>`). Requests: `named(locationName, …, { queryName })` gives the
 * parameter name (queryName ?? capitalised locationName); responses: the locationName is the element.
 * test/protocol/ec2-roundtrip.test.ts proves every name against the SDK.
 */
import { boolean, integer, list, named, string, structure, type IntegerShape } from "../../protocol/shapes.js";

// ---- request members -------------------------------------------------------------------------------

/** `DryRun=true` → 412 DryRunOperation. */
export const DryRun = named("dryRun", boolean, { queryName: "DryRun" });

/** `Filter.N.Name`, `Filter.N.Value.M`. */
export const Filters = named(
  "Filter",
  list(
    structure({
      Name: string(),
      Values: named("Value", list(string(), "item")),
    }),
    "Filter",
  ),
);

/** Key/Value pair: `Tag.N.Key` in requests, `<item><key>…</key><value>…</value></item>` in responses. */
export const Tag = structure({
  Key: named("key", string(), { queryName: "Key" }),
  Value: named("value", string(), { queryName: "Value" }),
});

/** `TagSpecification.N.ResourceType`, `TagSpecification.N.Tag.M.Key/Value`. */
export const TagSpecifications = named(
  "TagSpecification",
  list(
    structure({
      ResourceType: named("resourceType", string(), { queryName: "ResourceType" }),
      Tags: named("Tag", list(Tag, "item")),
    }),
    "item",
  ),
);

/** MaxResults of the paginated Describe* calls: 5–1000 (EC2 API Reference). */
export const MaxResults = integer({
  min: 5,
  max: 1000,
  message: "Value ( {value} ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.",
});

/**
 * `Ipv4NetmaskLength` / `Ipv6NetmaskLength` of CreateVpc and CreateSubnet: the prefix length to take
 * from an IPAM pool. IPAM is not emulated (a block needs `CidrBlock`), but the value is still checked
 * as an integer and as a prefix length of its family (the model only says integer), then ignored.
 */
export const netmaskLength = (bits: 32 | 128): IntegerShape =>
  integer({ min: 0, max: bits, message: `Invalid value '{value}' for parameter {name}: a netmask length is between 0 and ${bits}.` });

// ---- response structures ---------------------------------------------------------------------------

export const TagSet = named("tagSet", list(Tag, "item"));

const BlockPublicAccessStates = named(
  "blockPublicAccessStates",
  structure({ InternetGatewayBlockMode: named("internetGatewayBlockMode", string()) }),
);

const CidrBlockState = structure({
  State: named("state", string()),
  StatusMessage: named("statusMessage", string()),
});

export const Vpc = structure({
  VpcId: named("vpcId", string()),
  OwnerId: named("ownerId", string()),
  State: named("state", string()),
  CidrBlock: named("cidrBlock", string()),
  CidrBlockAssociationSet: named(
    "cidrBlockAssociationSet",
    list(
      structure({
        AssociationId: named("associationId", string()),
        CidrBlock: named("cidrBlock", string()),
        CidrBlockState: named("cidrBlockState", CidrBlockState),
      }),
      "item",
    ),
  ),
  DhcpOptionsId: named("dhcpOptionsId", string()),
  InstanceTenancy: named("instanceTenancy", string()),
  IsDefault: named("isDefault", boolean),
  BlockPublicAccessStates,
  Tags: TagSet,
});

export const Subnet = structure({
  SubnetId: named("subnetId", string()),
  SubnetArn: named("subnetArn", string()),
  OwnerId: named("ownerId", string()),
  State: named("state", string()),
  VpcId: named("vpcId", string()),
  CidrBlock: named("cidrBlock", string()),
  AvailableIpAddressCount: named("availableIpAddressCount", integer()),
  AvailabilityZone: named("availabilityZone", string()),
  AvailabilityZoneId: named("availabilityZoneId", string()),
  DefaultForAz: named("defaultForAz", boolean),
  MapPublicIpOnLaunch: named("mapPublicIpOnLaunch", boolean),
  MapCustomerOwnedIpOnLaunch: named("mapCustomerOwnedIpOnLaunch", boolean),
  AssignIpv6AddressOnCreation: named("assignIpv6AddressOnCreation", boolean),
  Ipv6CidrBlockAssociationSet: named(
    "ipv6CidrBlockAssociationSet",
    list(
      structure({
        AssociationId: named("associationId", string()),
        Ipv6CidrBlock: named("ipv6CidrBlock", string()),
        Ipv6CidrBlockState: named("ipv6CidrBlockState", CidrBlockState),
      }),
      "item",
    ),
  ),
  EnableDns64: named("enableDns64", boolean),
  Ipv6Native: named("ipv6Native", boolean),
  PrivateDnsNameOptionsOnLaunch: named(
    "privateDnsNameOptionsOnLaunch",
    structure({
      HostnameType: named("hostnameType", string()),
      EnableResourceNameDnsARecord: named("enableResourceNameDnsARecord", boolean),
      EnableResourceNameDnsAAAARecord: named("enableResourceNameDnsAAAARecord", boolean),
    }),
  ),
  BlockPublicAccessStates,
  Tags: TagSet,
});

const RuleDescription = named("description", string());

/** Responses: `<ipPermissions><item>`; requests: `IpPermissions.N.IpProtocol`, `.Groups.M.GroupId`, `.IpRanges.M.CidrIp`. */
export const IpPermission = structure({
  IpProtocol: named("ipProtocol", string()),
  FromPort: named("fromPort", integer()),
  ToPort: named("toPort", integer()),
  UserIdGroupPairs: named(
    "groups",
    list(
      structure({
        Description: RuleDescription,
        UserId: named("userId", string()),
        GroupName: named("groupName", string()),
        GroupId: named("groupId", string()),
        VpcId: named("vpcId", string()),
      }),
      "item",
    ),
  ),
  IpRanges: named("ipRanges", list(structure({ CidrIp: named("cidrIp", string()), Description: RuleDescription }), "item")),
  Ipv6Ranges: named("ipv6Ranges", list(structure({ CidrIpv6: named("cidrIpv6", string()), Description: RuleDescription }), "item")),
  PrefixListIds: named("prefixListIds", list(structure({ PrefixListId: named("prefixListId", string()), Description: RuleDescription }), "item")),
});

export const SecurityGroup = structure({
  GroupId: named("groupId", string()),
  GroupName: named("groupName", string()),
  Description: named("groupDescription", string()),
  VpcId: named("vpcId", string()),
  OwnerId: named("ownerId", string()),
  SecurityGroupArn: named("securityGroupArn", string()),
  IpPermissions: named("ipPermissions", list(IpPermission, "item")),
  IpPermissionsEgress: named("ipPermissionsEgress", list(IpPermission, "item")),
  Tags: TagSet,
});

export const AvailabilityZone = structure({
  ZoneName: named("zoneName", string()),
  ZoneId: named("zoneId", string()),
  State: named("zoneState", string()),
  RegionName: named("regionName", string()),
  ZoneType: named("zoneType", string()),
  OptInStatus: named("optInStatus", string()),
  GroupName: named("groupName", string()),
  NetworkBorderGroup: named("networkBorderGroup", string()),
  Messages: named("messageSet", list(structure({ Message: named("message", string()) }), "item")),
});

/** The model's `SecurityGroupRule` (AuthorizeSecurityGroupIngress/Egress answers). */
export const SecurityGroupRule = structure({
  SecurityGroupRuleId: named("securityGroupRuleId", string()),
  GroupId: named("groupId", string()),
  GroupOwnerId: named("groupOwnerId", string()),
  IsEgress: named("isEgress", boolean),
  IpProtocol: named("ipProtocol", string()),
  FromPort: named("fromPort", integer()),
  ToPort: named("toPort", integer()),
  CidrIpv4: named("cidrIpv4", string()),
  CidrIpv6: named("cidrIpv6", string()),
  PrefixListId: named("prefixListId", string()),
  ReferencedGroupInfo: named(
    "referencedGroupInfo",
    structure({
      GroupId: named("groupId", string()),
      UserId: named("userId", string()),
    }),
  ),
  Description: named("description", string()),
  Tags: TagSet,
  SecurityGroupRuleArn: named("securityGroupRuleArn", string()),
});

/** The model's `RevokedSecurityGroupRule` (RevokeSecurityGroupIngress/Egress answers). */
export const RevokedSecurityGroupRule = structure({
  SecurityGroupRuleId: named("securityGroupRuleId", string()),
  GroupId: named("groupId", string()),
  IsEgress: named("isEgress", boolean),
  IpProtocol: named("ipProtocol", string()),
  FromPort: named("fromPort", integer()),
  ToPort: named("toPort", integer()),
  CidrIpv4: named("cidrIpv4", string()),
  CidrIpv6: named("cidrIpv6", string()),
  PrefixListId: named("prefixListId", string()),
  ReferencedGroupId: named("referencedGroupId", string()),
  Description: named("description", string()),
});

/**
 * What the four security-group rule operations share: rules as IpPermissions or as one rule's
 * parameters (EC2's older single-rule form), DryRun, and the two result forms.
 */
export const RuleRequestMembers = {
  IpPermissions: list(IpPermission, "item"),
  SourceSecurityGroupName: string(),
  SourceSecurityGroupOwnerId: string(),
  IpProtocol: string(),
  FromPort: integer(),
  ToPort: integer(),
  CidrIp: string(),
  DryRun,
};

export const AuthorizeRulesOutput = structure({
  Return: named("return", boolean),
  SecurityGroupRules: named("securityGroupRuleSet", list(SecurityGroupRule, "item")),
});

export const RevokeRulesOutput = structure({
  Return: named("return", boolean),
  UnknownIpPermissions: named("unknownIpPermissionSet", list(IpPermission, "item")),
  RevokedSecurityGroupRules: named("revokedSecurityGroupRuleSet", list(RevokedSecurityGroupRule, "item")),
});
