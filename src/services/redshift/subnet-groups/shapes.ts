/**
 * The model's `ClusterSubnetGroup` structure and its mapper. List items per the SDK schemas:
 * `<Subnets><Subnet>`, `<SupportedPlatforms><SupportedPlatform>`, `<Tags><Tag>`,
 * `<SupportedClusterIpAddressTypes><item>`.
 */
import type { SubnetGroupView } from "../../../domain/subnet-groups/rules.js";
import { list, string, structure, type ValueOf } from "../../../protocol/shapes.js";
import { TagList } from "../clusters/shapes.js";

const SubnetShape = structure({
  SubnetIdentifier: string(),
  SubnetAvailabilityZone: structure({
    Name: string(),
    SupportedPlatforms: list(structure({ Name: string() }), "SupportedPlatform"),
  }),
  SubnetStatus: string(),
});

export const ClusterSubnetGroupShape = structure({
  ClusterSubnetGroupName: string(),
  Description: string(),
  VpcId: string(),
  SubnetGroupStatus: string(),
  Subnets: list(SubnetShape, "Subnet"),
  Tags: TagList,
  SupportedClusterIpAddressTypes: list(string(), "item"),
});

/** Output of Create/Modify: `<XResult><ClusterSubnetGroup>…`. */
export const ClusterSubnetGroupResult = structure({ ClusterSubnetGroup: ClusterSubnetGroupShape });

/**
 * Every subnet of a group exists (EC2 refuses to delete a subnet a group uses), so the group is
 * `Complete` and each subnet `Active`; a subnet that vanished anyway would make it `Incomplete`.
 */
export function subnetGroupToWire({ group, subnets }: SubnetGroupView): ValueOf<typeof ClusterSubnetGroupShape> {
  const complete = subnets.every((s) => s.availabilityZone !== undefined);
  return {
    ClusterSubnetGroupName: group.id,
    Description: group.description,
    VpcId: group.vpcId,
    SubnetGroupStatus: complete ? "Complete" : "Incomplete",
    Subnets: subnets.map((s) => ({
      SubnetIdentifier: s.id,
      SubnetAvailabilityZone: s.availabilityZone === undefined ? undefined : { Name: s.availabilityZone, SupportedPlatforms: [{ Name: "VPC" }] },
      SubnetStatus: s.availabilityZone === undefined ? "Inactive" : "Active",
    })),
    Tags: group.tags,
    SupportedClusterIpAddressTypes: ["ipv4"],
  };
}
