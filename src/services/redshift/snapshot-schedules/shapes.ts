/**
 * The model's `SnapshotSchedule` structure and its mapper. List items per the SDK schemas:
 * `<ScheduleDefinitions><ScheduleDefinition>`, `<NextInvocations><SnapshotTime>`,
 * `<AssociatedClusters><ClusterAssociatedToSchedule>`, `<Tags><Tag>`.
 */
import type { ScheduleView } from "../../../domain/snapshot-schedules/operations.js";
import { integer, list, string, structure, timestamp, type ValueOf } from "../../../protocol/shapes.js";
import { TagList } from "../clusters/shapes.js";

export const ScheduleDefinitionList = list(string(), "ScheduleDefinition");

export const SnapshotScheduleShape = structure({
  ScheduleDefinitions: ScheduleDefinitionList,
  ScheduleIdentifier: string(),
  ScheduleDescription: string(),
  Tags: TagList,
  NextInvocations: list(timestamp, "SnapshotTime"),
  AssociatedClusterCount: integer(),
  AssociatedClusters: list(structure({ ClusterIdentifier: string(), ScheduleAssociationState: string() }), "ClusterAssociatedToSchedule"),
});

/** Associations take effect at once: every associated cluster is ACTIVE. */
export function scheduleToWire({ schedule, nextInvocations, clusters }: ScheduleView): ValueOf<typeof SnapshotScheduleShape> {
  return {
    ScheduleDefinitions: schedule.definitions,
    ScheduleIdentifier: schedule.id,
    ScheduleDescription: schedule.description,
    Tags: schedule.tags,
    NextInvocations: nextInvocations,
    AssociatedClusterCount: clusters.length,
    AssociatedClusters: clusters.map((c) => ({ ClusterIdentifier: c.id, ScheduleAssociationState: "ACTIVE" })),
  };
}
