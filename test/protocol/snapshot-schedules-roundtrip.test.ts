/**
 * The snapshot-schedule shape tables proved against the official SDK, both ways, without a server:
 * each request decodes to the command's input, and every output member we declare parses back
 * (`<ScheduleDefinitions><ScheduleDefinition>`, `<NextInvocations><SnapshotTime>`,
 * `<AssociatedClusters><ClusterAssociatedToSchedule>`, `<SnapshotSchedules><SnapshotSchedule>`).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateSnapshotScheduleCommand,
  DeleteSnapshotScheduleCommand,
  DescribeSnapshotSchedulesCommand,
  ModifyClusterSnapshotScheduleCommand,
  ModifySnapshotScheduleCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import type { Cluster } from "../../src/domain/entities.js";
import { redshift } from "../../src/services/redshift/index.js";
import { SnapshotScheduleShape, scheduleToWire } from "../../src/services/redshift/snapshot-schedules/shapes.js";
import { assertPopulated, plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const NOW = Date.UTC(2026, 0, 5, 10, 0, 0);
const SCHEDULE = scheduleToWire({
  schedule: {
    account: "111111111111",
    region: "us-east-1",
    id: "nightly",
    createdAt: NOW,
    definitions: ["rate(12 hours)", "cron(30 5 *)"],
    description: "Twice a day & <more>",
    anchor: NOW,
    tags: [{ Key: "env", Value: "prod" }],
  },
  nextInvocations: [NOW + 3_600_000, NOW + 7_200_000],
  clusters: [{ id: "wh" } as Cluster, { id: "etl" } as Cluster],
});

describe("Snapshot schedule shapes round-trip through @aws-sdk/client-redshift", () => {
  it("the fixture populates every member the SnapshotSchedule shape declares", () => {
    assertPopulated(SnapshotScheduleShape, SCHEDULE, "SnapshotSchedule");
  });

  it("CreateSnapshotSchedule: every request member decodes; the schedule comes back whole", async () => {
    const parsed = await roundTrip(
      "CreateSnapshotSchedule",
      new CreateSnapshotScheduleCommand({
        ScheduleIdentifier: "nightly",
        ScheduleDefinitions: ["rate(12 hours)", "cron(30 5 *)"],
        ScheduleDescription: "d",
        Tags: [{ Key: "env", Value: "prod" }],
        DryRun: false,
        NextInvocations: 5,
      }),
      SCHEDULE,
    );
    assert.deepEqual(parsed, plain(SCHEDULE));
  });

  it("DescribeSnapshotSchedules: filters decode; <SnapshotSchedules><SnapshotSchedule> and the Marker parse", async () => {
    const out = { SnapshotSchedules: [SCHEDULE], Marker: "rl1.next" };
    const parsed = await roundTrip(
      "DescribeSnapshotSchedules",
      new DescribeSnapshotSchedulesCommand({ ClusterIdentifier: "wh", ScheduleIdentifier: "nightly", TagKeys: ["env"], TagValues: ["prod"], Marker: "rl1.x", MaxRecords: 20 }),
      out,
    );
    assert.deepEqual(parsed, plain(out));
  });

  it("ModifySnapshotSchedule: the definitions decode; the schedule parses", async () => {
    const parsed = await roundTrip("ModifySnapshotSchedule", new ModifySnapshotScheduleCommand({ ScheduleIdentifier: "nightly", ScheduleDefinitions: ["rate(1 day)"] }), SCHEDULE);
    assert.deepEqual(parsed, plain(SCHEDULE));
  });

  it("DeleteSnapshotSchedule and ModifyClusterSnapshotSchedule: the requests decode; the answers have no members", async () => {
    assert.deepEqual(await roundTrip("DeleteSnapshotSchedule", new DeleteSnapshotScheduleCommand({ ScheduleIdentifier: "nightly" }), undefined), {});
    assert.deepEqual(
      await roundTrip("ModifyClusterSnapshotSchedule", new ModifyClusterSnapshotScheduleCommand({ ClusterIdentifier: "wh", ScheduleIdentifier: "nightly", DisassociateSchedule: false }), undefined),
      {},
    );
  });
});
