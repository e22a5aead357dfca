/** DescribeClusters: one cluster by identifier, or the caller's clusters a page at a time. */
import { describeClusters } from "../../../domain/clusters/describe.js";
import { integer, list, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterShape, TagKeyList, TagValueList } from "./shapes.js";
import { clustersToWire } from "./wire.js";

export const DescribeClustersInput = structure({
  ClusterIdentifier: string(),
  MaxRecords: integer(),
  Marker: string(),
  TagKeys: TagKeyList,
  TagValues: TagValueList,
});

/** `ClustersMessage`: `<Marker>` and `<Clusters><Cluster>…`. */
export const DescribeClustersOutput = structure({
  Marker: string(),
  Clusters: list(ClusterShape, "Cluster"),
});

export const DescribeClusters = operation({
  readOnly: true,
  input: DescribeClustersInput,
  output: DescribeClustersOutput,
  handler: async (ctx, input) => {
    const page = await describeClusters(ctx, input);
    return { Marker: page.marker, Clusters: await clustersToWire(ctx, page.items) };
  },
});
