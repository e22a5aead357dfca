/** DeleteVpc: refused while subnets or non-default security groups remain; no output beyond `<return>true</return>`. */
import { deleteVpc } from "../../domain/network/vpcs.js";
import { required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun } from "./shapes.js";

export const DeleteVpc = ec2Operation({
  input: structure({ VpcId: required(string()), DryRun }),
  output: undefined,
  handler: async (ctx, input) => {
    await deleteVpc(ctx, input.VpcId);
  },
});
