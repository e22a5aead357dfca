/** DescribeRouteTables: each VPC's main route table, by id (each must exist), by filter, paginated. */
import { describeRouteTables, type RouteTableView } from "../../domain/network/route-tables.js";
import { list, named, string, structure, type ValueOf } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { RouteTable, RouteTablesMaxResults } from "./route-shapes.js";
import { DryRun, Filters } from "./shapes.js";

export function routeTableView(v: RouteTableView): ValueOf<typeof RouteTable> {
  return {
    Associations: v.associations.map((a) => ({
      Main: a.main,
      RouteTableAssociationId: a.id,
      RouteTableId: a.routeTableId,
      SubnetId: a.subnetId,
      AssociationState: { State: a.state },
    })),
    PropagatingVgws: [],
    RouteTableId: v.id,
    Routes: v.routes.map((r) => ({ DestinationCidrBlock: r.destinationCidrBlock, GatewayId: r.gatewayId, Origin: r.origin, State: r.state })),
    VpcId: v.vpcId,
    OwnerId: v.ownerId,
  };
}

export const DescribeRouteTables = ec2Operation({
  readOnly: true,
  input: structure({
    Filters,
    RouteTableIds: named("RouteTableId", list(string(), "RouteTableId")),
    NextToken: string(),
    MaxResults: RouteTablesMaxResults,
    DryRun,
  }),
  output: structure({
    RouteTables: named("routeTableSet", list(RouteTable, "item")),
    NextToken: named("nextToken", string()),
  }),
  handler: async (ctx, input) => {
    const page = await describeRouteTables(ctx, { ids: input.RouteTableIds, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken });
    return { RouteTables: page.items.map(routeTableView), NextToken: page.nextToken };
  },
});
