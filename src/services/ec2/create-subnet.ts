/** CreateSubnet: a block inside its VPC, not overlapping its siblings, in one of the region's zones. */
import { createSubnet, subnetViews } from "../../domain/network/subnets.js";
import { tagsFromSpecifications } from "../../domain/network/tags.js";
import { boolean, named, required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, Subnet, TagSpecifications, netmaskLength } from "./shapes.js";
import { subnetView } from "./views.js";

export const CreateSubnet = ec2Operation({
  input: structure({
    VpcId: required(string()),
    CidrBlock: string(),
    AvailabilityZone: string(),
    AvailabilityZoneId: string(),
    TagSpecifications,
    DryRun,
    // Not emulated (IPAM pools, IPv6-only subnets): checked as the model types them, then ignored.
    Ipv4NetmaskLength: netmaskLength(32),
    Ipv6NetmaskLength: netmaskLength(128),
    Ipv6Native: boolean,
  }),
  output: structure({ Subnet: named("subnet", Subnet) }),
  handler: async (ctx, input) => {
    const subnet = await createSubnet(ctx, {
      vpcId: input.VpcId,
      cidrBlock: input.CidrBlock,
      availabilityZone: input.AvailabilityZone,
      availabilityZoneId: input.AvailabilityZoneId,
      tags: tagsFromSpecifications("subnet", input.TagSpecifications),
    });
    const [view] = await subnetViews(ctx, [subnet]);
    return { Subnet: subnetView(view!) };
  },
});
