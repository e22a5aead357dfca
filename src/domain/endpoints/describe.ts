/**
 * DescribeEndpointAccess
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeEndpointAccess.html): the
 * caller's own endpoints, AND-filtered by ClusterIdentifier,
 * ResourceOwner (the cluster's account), EndpointName and VpcId, in stable order, one page at a time.
 * A grantor never sees a grantee's endpoints here, only the grant's EndpointCount (INFERRED,
 * docs/differences-from-aws.md, Endpoints).
 *
 * A given `EndpointName` that matches nothing is `EndpointNotFound` (404) — Terraform's and
 * CloudFormation's delete waiters poll for exactly that — even when it is the other filters that
 * exclude it (docs/differences-from-aws.md); other filters that match nothing give an empty list.
 * `deleting` endpoints are listed until they are gone.
 */
import type { DomainContext } from "../context.js";
import type { Endpoint } from "../entities.js";
import { EndpointNotFound } from "../errors.js";
import { paginate, type Page } from "../pagination.js";
import { endpointKey } from "./names.js";

export interface DescribeEndpointsRequest {
  readonly clusterIdentifier?: string | undefined;
  readonly resourceOwner?: string | undefined;
  readonly endpointName?: string | undefined;
  readonly vpcId?: string | undefined;
  readonly maxRecords?: number | undefined;
  readonly marker?: string | undefined;
}

export async function describeEndpointAccess(ctx: DomainContext, req: DescribeEndpointsRequest): Promise<Page<Endpoint>> {
  const filter = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id: req.endpointName === undefined ? undefined : endpointKey(req.endpointName),
    clusterId: req.clusterIdentifier?.toLowerCase(),
    clusterOwner: req.resourceOwner,
    vpcId: req.vpcId,
  };
  const page = await paginate((p) => ctx.tx.endpoints.find(filter, p), { MaxRecords: req.maxRecords, Marker: req.marker });
  if (req.endpointName !== undefined && page.items.length === 0) throw new EndpointNotFound(`Endpoint ${req.endpointName} not found.`);
  return page;
}
