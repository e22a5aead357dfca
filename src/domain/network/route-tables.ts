/**
 * Route tables: every VPC has its main route table (`rtb-…`), made with the VPC and removed with it
 * (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html): one `local` route for the
 * VPC's IPv4 block (origin `CreateRouteTable`, state `active`) and the main association
 * (`Main: true`, `rtbassoc-…`, `associated`). Subnets without an explicit association use the main
 * table implicitly, and DescribeRouteTables does not name a subnet for an implicit association.
 *
 * Known gaps (docs/differences-from-aws.md, EC2): CreateRouteTable, CreateRoute, explicit
 * associations, gateways and route propagation are not emulated; the default VPC's main table has
 * only its local route (AWS adds a 0.0.0.0/0 route to the default VPC's internet gateway, which does
 * not exist here).
 */
import type { DomainContext } from "../context.js";
import type { Vpc } from "../entities.js";
import { type AwsError, InvalidRouteTableIDNotFound } from "../errors.js";
import { describe, type DescribeRequest, type Described } from "./describe.js";
import { NONE, compileFilters, flag, type FilterInput, type FilterTable } from "./filters.js";
import { mainRouteTableAssociationId, mainRouteTableId } from "./ids.js";
import { vpcOwnedRepo } from "./vpc-owned.js";

export interface RouteView {
  readonly destinationCidrBlock: string;
  readonly gatewayId: string;
  readonly origin: "CreateRouteTable";
  readonly state: "active";
}

export interface RouteTableAssociationView {
  readonly id: string;
  readonly routeTableId: string;
  readonly main: boolean;
  readonly subnetId?: string | undefined;
  readonly state: "associated";
}

export interface RouteTableView {
  readonly id: string;
  readonly vpcId: string;
  readonly ownerId: string;
  readonly routes: readonly RouteView[];
  readonly associations: readonly RouteTableAssociationView[];
}

/** The main route table of a VPC. */
export function mainRouteTable(vpc: Vpc): RouteTableView {
  const id = mainRouteTableId(vpc.id);
  return {
    id,
    vpcId: vpc.id,
    ownerId: vpc.account,
    routes: [{ destinationCidrBlock: vpc.cidrBlock, gatewayId: "local", origin: "CreateRouteTable", state: "active" }],
    associations: [{ id: mainRouteTableAssociationId(vpc.id), routeTableId: id, main: true, state: "associated" }],
  };
}

export function routeTableNotFound(ids: readonly string[]): AwsError {
  return ids.length === 1
    ? new InvalidRouteTableIDNotFound(`The routeTable ID '${ids[0]}' does not exist`)
    : new InvalidRouteTableIDNotFound(`The routeTable IDs '${ids.join(", ")}' do not exist`);
}

const routes = (v: RouteTableView) => v.routes;
const associations = (v: RouteTableView) => v.associations;

/** DescribeRouteTables filters (EC2 API Reference, DescribeRouteTables "Filters"). */
export const ROUTE_TABLE_FILTERS: FilterTable<RouteTableView> = {
  "route-table-id": { values: (v) => [v.id] },
  "vpc-id": { values: (v) => [v.vpcId], column: "id" },
  "owner-id": { values: (v) => [v.ownerId] },
  "association.main": { values: (v) => associations(v).flatMap((a) => flag(a.main)) },
  "association.route-table-association-id": { values: (v) => associations(v).map((a) => a.id) },
  "association.route-table-id": { values: (v) => associations(v).map((a) => a.routeTableId) },
  "association.subnet-id": { values: (v) => associations(v).flatMap((a) => (a.subnetId ? [a.subnetId] : [])) },
  "association.gateway-id": { values: NONE },
  "route.destination-cidr-block": { values: (v) => routes(v).map((r) => r.destinationCidrBlock) },
  "route.gateway-id": { values: (v) => routes(v).map((r) => r.gatewayId) },
  "route.origin": { values: (v) => routes(v).map((r) => r.origin) },
  "route.state": { values: (v) => routes(v).map((r) => r.state) },
  "route.destination-ipv6-cidr-block": { values: NONE },
  "route.destination-prefix-list-id": { values: NONE },
  "route.egress-only-internet-gateway-id": { values: NONE },
  "route.instance-id": { values: NONE },
  "route.nat-gateway-id": { values: NONE },
  "route.transit-gateway-id": { values: NONE },
  "route.vpc-peering-connection-id": { values: NONE },
};

export async function describeRouteTables(
  ctx: DomainContext,
  req: DescribeRequest & { readonly filters?: readonly FilterInput[] | undefined },
): Promise<Described<RouteTableView>> {
  return describe(
    ctx,
    {
      tokenKind: "route-table",
      repo: vpcOwnedRepo(ctx, (vpc) => mainRouteTableId(vpc.id)),
      // Route tables carry no tags here (CreateTags does not reach them): `tag:` filters match nothing.
      filters: compileFilters(ROUTE_TABLE_FILTERS, req.filters, () => []),
      notFound: routeTableNotFound,
      view: async (batch) => batch.map(mainRouteTable),
    },
    req,
  );
}
