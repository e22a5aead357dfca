/** DeleteSubnet: refused while a cluster subnet group or an endpoint's network interface uses the subnet. */
import { deleteSubnet } from "../../domain/network/subnets.js";
import { required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun } from "./shapes.js";

export const DeleteSubnet = ec2Operation({
  input: structure({ SubnetId: required(string()), DryRun }),
  output: undefined,
  handler: async (ctx, input) => {
    await deleteSubnet(ctx, input.SubnetId);
  },
});
