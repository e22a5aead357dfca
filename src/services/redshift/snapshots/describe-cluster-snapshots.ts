/** DescribeClusterSnapshots: every filter of the model, a page at a time (domain/snapshots/describe.ts). */
import { describeClusterSnapshots } from "../../../domain/snapshots/describe.js";
import { boolean, integer, list, required, string, structure, timestamp } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagKeyList, TagValueList } from "../clusters/shapes.js";
import { SnapshotList, snapshotToWire } from "./shapes.js";

const SnapshotSortingEntity = structure({
  Attribute: required(string({ enum: ["SOURCE_TYPE", "TOTAL_SIZE", "CREATE_TIME"] })),
  SortOrder: string({ enum: ["ASC", "DESC"] }),
});

export const DescribeClusterSnapshots = operation({
  readOnly: true,
  input: structure({
    ClusterIdentifier: string(),
    SnapshotIdentifier: string(),
    SnapshotArn: string(),
    SnapshotType: string(),
    StartTime: timestamp,
    EndTime: timestamp,
    MaxRecords: integer(),
    Marker: string(),
    OwnerAccount: string(),
    TagKeys: TagKeyList,
    TagValues: TagValueList,
    ClusterExists: boolean,
    SortingEntities: list(SnapshotSortingEntity, "SnapshotSortingEntity"),
  }),
  output: structure({ Marker: string(), Snapshots: SnapshotList }),
  handler: async (ctx, input) => {
    const page = await describeClusterSnapshots(ctx, input);
    return { Snapshots: page.items.map((s) => snapshotToWire(s, ctx.now, ctx.scope.account)), Marker: page.marker };
  },
});
