/**
 * What happens when an endpoint is finally gone: it is removed, the grant it was created under
 * (cross-account endpoints only) counts one endpoint less, and a grant that is `Revoking` disappears
 * with its last endpoint (docs/differences-from-aws.md: "with `Force` … the grant stays listed as
 * `Revoking` until the last one is gone").
 *
 * The grant is matched by its `uid`, not only by its key: when a cluster is deleted its grants go at
 * once while its endpoints are still `deleting`, and a grant re-created for a re-created cluster of
 * the same name must not lose count for endpoints it never had.
 */
import type { DomainContext } from "../context.js";
import type { Endpoint } from "../entities.js";
import { authorizationId } from "../authorizations/keys.js";

export async function endpointGone(ctx: DomainContext, endpoint: Endpoint): Promise<void> {
  // Only the transaction that removed the endpoint counts it off its grant: never twice.
  if (!(await ctx.tx.endpoints.remove(endpoint, endpoint.id))) return;
  if (endpoint.clusterOwner === endpoint.account) return;
  const grantScope = { account: endpoint.clusterOwner, region: endpoint.region };
  const grant = await ctx.tx.authorizations.getForUpdate(grantScope, authorizationId(endpoint.clusterId, endpoint.account));
  if (!grant) return;
  if (endpoint.authorizationUid !== undefined && endpoint.authorizationUid !== grant.uid) return;
  grant.endpointCount = Math.max(0, grant.endpointCount - 1);
  if (grant.status === "Revoking" && grant.endpointCount === 0) await ctx.tx.authorizations.remove(grantScope, grant.id);
  else await ctx.tx.authorizations.update(grant);
}
