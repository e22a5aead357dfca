/**
 * DescribeNetworkInterfaces: the interfaces of the caller's Redshift-managed VPC endpoints
 * (domain/network/network-interfaces.ts), by id or filter, paginated with MaxResults / NextToken.
 * Terraform lists them before deleting a subnet or a security group.
 */
import { describeNetworkInterfaces, type NetworkInterfaceView } from "../../domain/network/network-interfaces.js";
import { boolean, list, named, string, structure, type ValueOf } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, Filters, MaxResults, TagSet } from "./shapes.js";

const GroupIdentifier = structure({
  GroupId: named("groupId", string()),
  GroupName: named("groupName", string()),
});

/** The model's `NetworkInterface`, limited to what an endpoint interface has (no attachment, association, IPv6 or prefixes). */
export const NetworkInterface = structure({
  AvailabilityZone: named("availabilityZone", string()),
  AvailabilityZoneId: named("availabilityZoneId", string()),
  Description: named("description", string()),
  Groups: named("groupSet", list(GroupIdentifier, "item")),
  InterfaceType: named("interfaceType", string()),
  Ipv6Addresses: named("ipv6AddressesSet", list(structure({ Ipv6Address: named("ipv6Address", string()) }), "item")),
  MacAddress: named("macAddress", string()),
  NetworkInterfaceId: named("networkInterfaceId", string()),
  OwnerId: named("ownerId", string()),
  PrivateDnsName: named("privateDnsName", string()),
  PrivateIpAddress: named("privateIpAddress", string()),
  PrivateIpAddresses: named(
    "privateIpAddressesSet",
    list(
      structure({
        Primary: named("primary", boolean),
        PrivateDnsName: named("privateDnsName", string()),
        PrivateIpAddress: named("privateIpAddress", string()),
      }),
      "item",
    ),
  ),
  RequesterManaged: named("requesterManaged", boolean),
  SourceDestCheck: named("sourceDestCheck", boolean),
  Status: named("status", string()),
  SubnetId: named("subnetId", string()),
  TagSet,
  VpcId: named("vpcId", string()),
  Ipv6Native: named("ipv6Native", boolean),
});

export function networkInterfaceView(v: NetworkInterfaceView): ValueOf<typeof NetworkInterface> {
  return {
    AvailabilityZone: v.availabilityZone,
    AvailabilityZoneId: v.availabilityZoneId,
    Description: v.description,
    Groups: v.groups.map((g) => ({ GroupId: g.groupId, GroupName: g.groupName })),
    InterfaceType: v.interfaceType,
    Ipv6Addresses: [],
    MacAddress: v.macAddress,
    NetworkInterfaceId: v.id,
    OwnerId: v.ownerId,
    PrivateDnsName: v.privateDnsName,
    PrivateIpAddress: v.privateIpAddress,
    PrivateIpAddresses: [{ Primary: true, PrivateDnsName: v.privateDnsName, PrivateIpAddress: v.privateIpAddress }],
    RequesterManaged: v.requesterManaged,
    SourceDestCheck: v.sourceDestCheck,
    Status: v.status,
    SubnetId: v.subnetId,
    TagSet: undefined, // like every untagged resource here: no tagSet element
    VpcId: v.vpcId,
    Ipv6Native: false,
  };
}

export const DescribeNetworkInterfaces = ec2Operation({
  readOnly: true,
  input: structure({
    NextToken: string(),
    MaxResults,
    DryRun,
    NetworkInterfaceIds: named("NetworkInterfaceId", list(string(), "item")),
    Filters,
    // Only operator-managed interfaces depend on it, and these have `operator.managed` false: typed, then ignored.
    IncludeManagedResources: boolean,
  }),
  output: structure({
    NetworkInterfaces: named("networkInterfaceSet", list(NetworkInterface, "item")),
    NextToken: named("nextToken", string()),
  }),
  handler: async (ctx, input) => {
    const page = await describeNetworkInterfaces(ctx, {
      ids: input.NetworkInterfaceIds,
      filters: input.Filters,
      maxResults: input.MaxResults,
      nextToken: input.NextToken,
    });
    return { NetworkInterfaces: page.items.map(networkInterfaceView), NextToken: page.nextToken };
  },
});
