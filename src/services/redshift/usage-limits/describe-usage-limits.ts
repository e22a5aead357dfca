/** DescribeUsageLimits: filtered by id, cluster, feature and tags, a page at a time. */
import type { UsageLimitFeatureType } from "../../../domain/entities.js";
import { describeUsageLimits } from "../../../domain/usage-limits/operations.js";
import { integer, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagKeyList, TagValueList } from "../clusters/shapes.js";
import { FeatureType, UsageLimitList, usageLimitToWire } from "./shapes.js";

export const DescribeUsageLimits = operation({
  readOnly: true,
  input: structure({
    UsageLimitId: string(),
    ClusterIdentifier: string(),
    FeatureType,
    MaxRecords: integer(),
    Marker: string(),
    TagKeys: TagKeyList,
    TagValues: TagValueList,
  }),
  output: structure({ UsageLimits: UsageLimitList, Marker: string() }),
  handler: async (ctx, input) => {
    const page = await describeUsageLimits(ctx, { ...input, FeatureType: input.FeatureType as UsageLimitFeatureType | undefined });
    return { UsageLimits: page.items.map(usageLimitToWire), Marker: page.marker };
  },
});
