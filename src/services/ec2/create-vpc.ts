/** CreateVpc: an IPv4 block /16–/28, optional tenancy and tags; the new VPC gets its `default` security group. */
import { tagsFromSpecifications } from "../../domain/network/tags.js";
import { createVpc } from "../../domain/network/vpcs.js";
import { named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, TagSpecifications, Vpc } from "./shapes.js";
import { vpcView } from "./views.js";

export const CreateVpc = ec2Operation({
  input: structure({
    CidrBlock: string(),
    InstanceTenancy: named("instanceTenancy", string({ enum: ["default", "dedicated", "host"] }), { queryName: "InstanceTenancy" }),
    TagSpecifications,
    DryRun,
  }),
  output: structure({ Vpc: named("vpc", Vpc) }),
  handler: async (ctx, input) => {
    const vpc = await createVpc(ctx, {
      cidrBlock: input.CidrBlock,
      instanceTenancy: input.InstanceTenancy,
      tags: tagsFromSpecifications("vpc", input.TagSpecifications),
    });
    return { Vpc: vpcView(vpc) };
  },
});
