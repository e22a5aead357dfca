/** AuthorizeEndpointAccess: the cluster owner grants another account endpoint access (domain/authorizations/authorize.ts). */
import { authorizeEndpointAccess } from "../../../domain/authorizations/authorize.js";
import { operation } from "../../operation.js";
import { authorizationOutput } from "./mappers.js";
import { AuthorizeEndpointAccessMessage, EndpointAuthorization } from "./shapes.js";

export const AuthorizeEndpointAccess = operation({
  input: AuthorizeEndpointAccessMessage,
  output: EndpointAuthorization,
  handler: async (ctx, input) =>
    authorizationOutput(await authorizeEndpointAccess(ctx, { clusterIdentifier: input.ClusterIdentifier, account: input.Account, vpcIds: input.VpcIds })),
});
