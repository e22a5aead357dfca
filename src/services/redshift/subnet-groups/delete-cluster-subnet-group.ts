/** DeleteClusterSubnetGroup: removes a group no cluster or endpoint uses (no output members). */
import { deleteSubnetGroup } from "../../../domain/subnet-groups/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const DeleteClusterSubnetGroupInput = structure({ ClusterSubnetGroupName: required(string()) });

export const DeleteClusterSubnetGroup = operation({
  input: DeleteClusterSubnetGroupInput,
  output: undefined,
  handler: async (ctx, input) => {
    await deleteSubnetGroup(ctx, input.ClusterSubnetGroupName);
  },
});
