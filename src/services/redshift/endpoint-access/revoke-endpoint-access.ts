/** RevokeEndpointAccess: the cluster owner removes VPCs from a grant or the whole grant (domain/authorizations/revoke.ts). */
import { revokeEndpointAccess } from "../../../domain/authorizations/revoke.js";
import { operation } from "../../operation.js";
import { authorizationOutput } from "./mappers.js";
import { EndpointAuthorization, RevokeEndpointAccessMessage } from "./shapes.js";

export const RevokeEndpointAccess = operation({
  input: RevokeEndpointAccessMessage,
  output: EndpointAuthorization,
  handler: async (ctx, input) =>
    authorizationOutput(
      await revokeEndpointAccess(ctx, {
        clusterIdentifier: input.ClusterIdentifier,
        account: input.Account,
        vpcIds: input.VpcIds,
        force: input.Force,
      }),
    ),
});
