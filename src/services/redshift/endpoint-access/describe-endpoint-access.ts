/** DescribeEndpointAccess: the caller's endpoints, filtered and paginated (domain/endpoints/describe.ts). */
import { describeEndpointAccess } from "../../../domain/endpoints/describe.js";
import { operation } from "../../operation.js";
import { endpointOutput } from "./mappers.js";
import { DescribeEndpointAccessMessage, EndpointAccessList } from "./shapes.js";

export const DescribeEndpointAccess = operation({
  readOnly: true,
  input: DescribeEndpointAccessMessage,
  output: EndpointAccessList,
  handler: async (ctx, input) => {
    const page = await describeEndpointAccess(ctx, {
      clusterIdentifier: input.ClusterIdentifier,
      resourceOwner: input.ResourceOwner,
      endpointName: input.EndpointName,
      vpcId: input.VpcId,
      maxRecords: input.MaxRecords,
      marker: input.Marker,
    });
    return { EndpointAccessList: page.items.map(endpointOutput), Marker: page.marker };
  },
});
