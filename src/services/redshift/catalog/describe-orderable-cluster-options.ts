/** DescribeOrderableClusterOptions: node type × cluster type options per version, with the region's zones. */
import { describeOrderableClusterOptions } from "../../../domain/catalog/catalog.js";
import { integer, list, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { OrderableClusterOptionShape, orderableOptionToWire } from "./shapes.js";

export const DescribeOrderableClusterOptionsInput = structure({
  ClusterVersion: string(),
  NodeType: string(),
  MaxRecords: integer(),
  Marker: string(),
});

export const DescribeOrderableClusterOptionsOutput = structure({
  OrderableClusterOptions: list(OrderableClusterOptionShape, "OrderableClusterOption"),
  Marker: string(),
});

export const DescribeOrderableClusterOptions = operation({
  readOnly: true,
  input: DescribeOrderableClusterOptionsInput,
  output: DescribeOrderableClusterOptionsOutput,
  handler: async (ctx, input) => {
    const page = describeOrderableClusterOptions(ctx.scope.region, input);
    return { OrderableClusterOptions: page.items.map(orderableOptionToWire), Marker: page.marker };
  },
});
