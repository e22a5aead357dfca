/**
 * The model's `ScheduledAction` and `ScheduledActionType` structures and the mapper. List items per
 * the SDK schemas: `<NextInvocations><ScheduledActionTime>`, `<ScheduledActions><ScheduledAction>`,
 * `<Filters><ScheduledActionFilter>` with `<Values><item>`.
 */
import type { ScheduledAction } from "../../../domain/entities.js";
import { nextInvocationsOf } from "../../../domain/scheduled-actions/operations.js";
import { boolean, integer, list, string, structure, timestamp, type ValueOf } from "../../../protocol/shapes.js";

const ClusterOnly = structure({ ClusterIdentifier: string() });

export const ScheduledActionTypeShape = structure({
  ResizeCluster: structure({
    ClusterIdentifier: string(),
    ClusterType: string(),
    NodeType: string(),
    NumberOfNodes: integer(),
    Classic: boolean,
    ReservedNodeId: string(),
    TargetReservedNodeOfferingId: string(),
  }),
  PauseCluster: ClusterOnly,
  ResumeCluster: ClusterOnly,
});

export const ScheduledActionShape = structure({
  ScheduledActionName: string(),
  TargetAction: ScheduledActionTypeShape,
  Schedule: string(),
  IamRole: string(),
  ScheduledActionDescription: string(),
  State: string(),
  NextInvocations: list(timestamp, "ScheduledActionTime"),
  StartTime: timestamp,
  EndTime: timestamp,
});

export const ScheduledActionFilterList = list(structure({ Name: string(), Values: list(string(), "item") }), "ScheduledActionFilter");

export function scheduledActionToWire(a: ScheduledAction, now: number): ValueOf<typeof ScheduledActionShape> {
  return {
    ScheduledActionName: a.name,
    TargetAction: { [a.targetType]: a.target },
    Schedule: a.schedule,
    IamRole: a.iamRole,
    ScheduledActionDescription: a.description,
    State: a.enabled ? "ACTIVE" : "DISABLED",
    NextInvocations: nextInvocationsOf(a, now),
    StartTime: a.startTime,
    EndTime: a.endTime,
  };
}
