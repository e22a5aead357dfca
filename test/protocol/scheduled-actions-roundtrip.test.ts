/**
 * The scheduled-action shape tables proved against the official SDK, both ways, without a server:
 * `TargetAction.ResizeCluster.*`, `Filters.ScheduledActionFilter.N.Values.item.N` and timestamps
 * decode; `<NextInvocations><ScheduledActionTime>` and `<ScheduledActions><ScheduledAction>` parse.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateScheduledActionCommand,
  DeleteScheduledActionCommand,
  DescribeScheduledActionsCommand,
  ModifyScheduledActionCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { redshift } from "../../src/services/redshift/index.js";
import { ScheduledActionShape } from "../../src/services/redshift/scheduled-actions/shapes.js";
import { assertPopulated, plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const T = Date.UTC(2026, 0, 5, 10, 0, 0);
const RESIZE = { ClusterIdentifier: "wh", ClusterType: "multi-node", NodeType: "ra3.4xlarge", NumberOfNodes: 4, Classic: false, ReservedNodeId: "r", TargetReservedNodeOfferingId: "o" };
const ACTION = {
  ScheduledActionName: "grow",
  TargetAction: { ResizeCluster: RESIZE, PauseCluster: { ClusterIdentifier: "wh" }, ResumeCluster: { ClusterIdentifier: "wh" } },
  Schedule: "cron(0 8 * * ? *)",
  IamRole: "arn:aws:iam::111111111111:role/Scheduler",
  ScheduledActionDescription: "grow & <shrink>",
  State: "ACTIVE",
  NextInvocations: [T + 3_600_000, T + 7_200_000],
  StartTime: T,
  EndTime: T + 86_400_000,
};

describe("Scheduled action shapes round-trip through @aws-sdk/client-redshift", () => {
  it("the fixture populates every member the ScheduledAction shape declares", () => {
    assertPopulated(ScheduledActionShape, ACTION, "ScheduledAction");
  });

  it("CreateScheduledAction / ModifyScheduledAction: every request member decodes; the action comes back whole", async () => {
    const input = {
      ScheduledActionName: "grow",
      TargetAction: { ResizeCluster: RESIZE },
      Schedule: "cron(0 8 * * ? *)",
      IamRole: ACTION.IamRole,
      ScheduledActionDescription: "d",
      StartTime: new Date(T),
      EndTime: new Date(T + 86_400_000),
      Enable: true,
    };
    assert.deepEqual(await roundTrip("CreateScheduledAction", new CreateScheduledActionCommand(input), ACTION), plain(ACTION));
    assert.deepEqual(await roundTrip("ModifyScheduledAction", new ModifyScheduledActionCommand(input), ACTION), plain(ACTION));
  });

  it("DescribeScheduledActions: filters decode; the list and Marker parse", async () => {
    const out = { Marker: "rl1.next", ScheduledActions: [ACTION] };
    const parsed = await roundTrip(
      "DescribeScheduledActions",
      new DescribeScheduledActionsCommand({
        ScheduledActionName: "grow",
        TargetActionType: "ResizeCluster",
        StartTime: new Date(T),
        EndTime: new Date(T + 1000),
        Active: true,
        Filters: [{ Name: "cluster-identifier", Values: ["wh", "etl"] }],
        Marker: "rl1.x",
        MaxRecords: 20,
      }),
      out,
    );
    assert.deepEqual(parsed, plain(out));
  });

  it("DeleteScheduledAction: the request decodes; the answer has no members", async () => {
    assert.deepEqual(await roundTrip("DeleteScheduledAction", new DeleteScheduledActionCommand({ ScheduledActionName: "grow" }), undefined), {});
  });
});
