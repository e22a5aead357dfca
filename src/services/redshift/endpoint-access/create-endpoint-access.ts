/** CreateEndpointAccess: the caller creates a Redshift-managed VPC endpoint (domain/endpoints/create.ts). */
import { createEndpointAccess } from "../../../domain/endpoints/create.js";
import { operation } from "../../operation.js";
import { endpointOutput } from "./mappers.js";
import { CreateEndpointAccessMessage, EndpointAccess } from "./shapes.js";

export const CreateEndpointAccess = operation({
  input: CreateEndpointAccessMessage,
  output: EndpointAccess,
  handler: async (ctx, input) =>
    endpointOutput(
      await createEndpointAccess(ctx, {
        endpointName: input.EndpointName,
        subnetGroupName: input.SubnetGroupName,
        clusterIdentifier: input.ClusterIdentifier,
        resourceOwner: input.ResourceOwner,
        vpcSecurityGroupIds: input.VpcSecurityGroupIds,
      }),
    ),
});
