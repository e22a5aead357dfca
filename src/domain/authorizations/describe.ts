/**
 * DescribeEndpointAuthorization
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeEndpointAuthorization.html):
 * grants seen from either side.
 *
 * - Grantor view (`Grantee` false/absent): grants on the caller's clusters; `Account` filters by
 *   grantee, `ClusterIdentifier` by the caller's cluster, which must exist (`ClusterNotFound`;
 *   Terraform reads a grant this way and treats ClusterNotFound as "gone").
 * - Grantee view (`Grantee=true`): grants to the caller, in any grantor account of the region;
 *   `Account` filters by grantor; an unknown cluster id simply matches nothing (INFERRED: the grantee
 *   must not learn whether a foreign cluster exists).
 *
 * `Revoking` grants are listed. One page reads O(page) rows: the filters are index columns and the
 * store resumes after the marker's position.
 */
import type { DomainContext } from "../context.js";
import { decodeMarker, pageSize, paginate } from "../pagination.js";
import { findCluster } from "./cluster-checks.js";
import { authorizationId } from "./keys.js";
import { viewsOf, type AuthorizationView } from "./view.js";

export interface DescribeAuthorizationsRequest {
  readonly clusterIdentifier?: string | undefined;
  readonly account?: string | undefined;
  readonly grantee?: boolean | undefined;
  readonly maxRecords?: number | undefined;
  readonly marker?: string | undefined;
}

export interface AuthorizationPage {
  readonly items: AuthorizationView[];
  readonly marker?: string;
}

export async function describeEndpointAuthorization(ctx: DomainContext, req: DescribeAuthorizationsRequest): Promise<AuthorizationPage> {
  // Malformed paging parameters are reported before any lookup.
  pageSize(req.maxRecords);
  decodeMarker(req.marker);
  const clusterId = req.clusterIdentifier?.toLowerCase();
  const { region } = ctx.scope;
  // With both the cluster and the other party known, the grant's key is known: a primary-key lookup
  // (Terraform's read), whatever the number of grants on the cluster.
  let filter;
  let cluster;
  if (req.grantee === true) {
    const id = clusterId !== undefined && req.account !== undefined ? authorizationId(clusterId, ctx.scope.account) : undefined;
    filter = { region, grantee: ctx.scope.account, account: req.account, clusterId, id };
  } else {
    if (req.clusterIdentifier !== undefined) cluster = await findCluster(ctx, ctx.scope, req.clusterIdentifier);
    const id = clusterId !== undefined && req.account !== undefined ? authorizationId(clusterId, req.account) : undefined;
    filter = { account: ctx.scope.account, region, clusterId, grantee: req.account, id };
  }
  const page = await paginate((p) => ctx.tx.authorizations.find(filter, p), { MaxRecords: req.maxRecords, Marker: req.marker });
  const items = await viewsOf(ctx, page.items, cluster);
  return page.marker === undefined ? { items } : { items, marker: page.marker };
}
