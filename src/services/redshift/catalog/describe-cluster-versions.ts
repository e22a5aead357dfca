/** DescribeClusterVersions: the cluster versions, filtered by version and parameter group family. */
import { describeClusterVersions } from "../../../domain/catalog/catalog.js";
import { integer, list, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterVersionShape, clusterVersionToWire } from "./shapes.js";

export const DescribeClusterVersionsInput = structure({
  ClusterVersion: string(),
  ClusterParameterGroupFamily: string(),
  MaxRecords: integer(),
  Marker: string(),
});

export const DescribeClusterVersionsOutput = structure({ Marker: string(), ClusterVersions: list(ClusterVersionShape, "ClusterVersion") });

export const DescribeClusterVersions = operation({
  readOnly: true,
  input: DescribeClusterVersionsInput,
  output: DescribeClusterVersionsOutput,
  handler: async (_ctx, input) => {
    const page = describeClusterVersions(input);
    return { Marker: page.marker, ClusterVersions: page.items.map(clusterVersionToWire) };
  },
});
