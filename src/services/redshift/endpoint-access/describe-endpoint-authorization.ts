/** DescribeEndpointAuthorization: grants from the grantor's or the grantee's side, paginated (domain/authorizations/describe.ts). */
import { describeEndpointAuthorization } from "../../../domain/authorizations/describe.js";
import { operation } from "../../operation.js";
import { authorizationOutput } from "./mappers.js";
import { DescribeEndpointAuthorizationMessage, EndpointAuthorizationList } from "./shapes.js";

export const DescribeEndpointAuthorization = operation({
  readOnly: true,
  input: DescribeEndpointAuthorizationMessage,
  output: EndpointAuthorizationList,
  handler: async (ctx, input) => {
    const page = await describeEndpointAuthorization(ctx, {
      clusterIdentifier: input.ClusterIdentifier,
      account: input.Account,
      grantee: input.Grantee,
      maxRecords: input.MaxRecords,
      marker: input.Marker,
    });
    return { EndpointAuthorizationList: page.items.map(authorizationOutput), Marker: page.marker };
  },
});
