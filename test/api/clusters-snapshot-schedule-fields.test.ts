/**
 * The snapshot-schedule fields of the model's `Cluster` (SnapshotScheduleIdentifier,
 * SnapshotScheduleState, ExpectedNextSnapshotScheduleTime, ExpectedNextSnapshotScheduleTimeStatus)
 * in DescribeClusters and every cluster-returning operation, and CreateCluster's
 * SnapshotScheduleIdentifier. START is 2026-01-05T10:00Z; `rate(12 hours)` then fires at 22:00, 10:00, …
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterCommand,
  CreateClusterParameterGroupCommand,
  CreateSnapshotScheduleCommand,
  DeleteClusterCommand,
  ModifyClusterCommand,
  ModifyClusterIamRolesCommand,
  ModifyClusterSnapshotScheduleCommand,
  ModifySnapshotScheduleCommand,
  PauseClusterCommand,
  RebootClusterCommand,
  ResumeClusterCommand,
  type Cluster,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, type Clients } from "../helpers.js";
import { clockedServer, clusterInput, createCluster, describeCluster } from "../fixtures/clusters-world.js";

const HOUR = 3_600_000;
const schedule = (c: Clients, id: string, definitions = ["rate(12 hours)"]) =>
  c.redshift.send(new CreateSnapshotScheduleCommand({ ScheduleIdentifier: id, ScheduleDefinitions: definitions }));
const fields = (cluster: Cluster | undefined) => ({
  id: cluster?.SnapshotScheduleIdentifier,
  state: cluster?.SnapshotScheduleState,
  next: cluster?.ExpectedNextSnapshotScheduleTime?.toISOString(),
  status: cluster?.ExpectedNextSnapshotScheduleTimeStatus,
});

describe("a cluster's snapshot-schedule fields", () => {
  it("CreateCluster with SnapshotScheduleIdentifier associates it: Pending while creating, OnTrack once available, at the schedule's next invocation", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await schedule(c, "twice-daily");
    const created = await createCluster(c, "wh", { SnapshotScheduleIdentifier: "Twice-Daily" });
    assert.deepEqual(fields(created), { id: "twice-daily", state: "ACTIVE", next: "2026-01-05T22:00:00.000Z", status: "Pending" });
    assert.deepEqual(fields(await describeCluster(c, "wh")), { id: "twice-daily", state: "ACTIVE", next: "2026-01-05T22:00:00.000Z", status: "OnTrack" });
  });

  it("the expected time follows the clock and the schedule's definitions", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await schedule(c, "s");
    await createCluster(c, "wh", { SnapshotScheduleIdentifier: "s" });
    clock.advance(12 * HOUR);
    assert.equal(fields(await describeCluster(c, "wh")).next, "2026-01-06T10:00:00.000Z");
    await c.redshift.send(new ModifySnapshotScheduleCommand({ ScheduleIdentifier: "s", ScheduleDefinitions: ["cron(30 3 *)"] }));
    assert.equal(fields(await describeCluster(c, "wh")).next, "2026-01-06T03:30:00.000Z");
  });

  it("every cluster-returning operation reports them; a paused or changing cluster is Pending", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await schedule(c, "s");
    await createCluster(c, "wh");
    await c.redshift.send(new ModifyClusterSnapshotScheduleCommand({ ClusterIdentifier: "wh", ScheduleIdentifier: "s" }));
    const expect = (cluster: Cluster | undefined, status: string, what: string) =>
      assert.deepEqual(fields(cluster), { id: "s", state: "ACTIVE", next: "2026-01-05T22:00:00.000Z", status }, what);
    expect(await describeCluster(c, "wh"), "OnTrack", "DescribeClusters");
    expect((await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", PreferredMaintenanceWindow: "sun:05:00-sun:05:30" }))).Cluster, "Pending", "ModifyCluster");
    expect(await describeCluster(c, "wh"), "OnTrack", "after the modify");
    expect((await c.redshift.send(new RebootClusterCommand({ ClusterIdentifier: "wh" }))).Cluster, "Pending", "RebootCluster");
    expect(await describeCluster(c, "wh"), "OnTrack", "after the reboot");
    const role = `arn:aws:iam::${GRANTOR}:role/Copy`;
    expect((await c.redshift.send(new ModifyClusterIamRolesCommand({ ClusterIdentifier: "wh", AddIamRoles: [role] }))).Cluster, "Pending", "ModifyClusterIamRoles");
    await describeCluster(c, "wh");
    expect((await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "wh" }))).Cluster, "Pending", "PauseCluster");
    expect(await describeCluster(c, "wh"), "Pending", "paused");
    expect((await c.redshift.send(new ResumeClusterCommand({ ClusterIdentifier: "wh" }))).Cluster, "Pending", "ResumeCluster");
    expect(await describeCluster(c, "wh"), "OnTrack", "resumed");
    expect((await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true }))).Cluster, "Pending", "DeleteCluster");
  });

  it("without backups (AutomatedSnapshotRetentionPeriod 0) there is no expected time; without a schedule no field at all", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await schedule(c, "s");
    // dc2 nodes may disable automated snapshots (RA3 ones may not).
    await createCluster(c, "nobackup", { NodeType: "dc2.large", SnapshotScheduleIdentifier: "s", AutomatedSnapshotRetentionPeriod: 0 });
    assert.deepEqual(fields(await describeCluster(c, "nobackup")), { id: "s", state: "ACTIVE", next: undefined, status: undefined });
    await createCluster(c, "plain");
    assert.deepEqual(fields(await describeCluster(c, "plain")), { id: undefined, state: undefined, next: undefined, status: undefined });
    await c.redshift.send(new ModifyClusterSnapshotScheduleCommand({ ClusterIdentifier: "nobackup", DisassociateSchedule: true }));
    assert.deepEqual(fields(await describeCluster(c, "nobackup")), { id: undefined, state: undefined, next: undefined, status: undefined });
  });

  it("CreateCluster errors in order: ClusterAlreadyExists, ClusterParameterGroupNotFound, then SnapshotScheduleNotFound (400); another account's schedule is not found", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await schedule(c, "mine");
    await createCluster(c, "wh");
    const send = (id: string, extra: Parameters<typeof clusterInput>[1]) => c.redshift.send(new CreateClusterCommand(clusterInput(id, extra)));
    await expectAwsError(send("wh", { SnapshotScheduleIdentifier: "missing", ClusterParameterGroupName: "missing" }), "ClusterAlreadyExistsFault", 400);
    await expectAwsError(send("wh2", { SnapshotScheduleIdentifier: "missing", ClusterParameterGroupName: "missing" }), "ClusterParameterGroupNotFoundFault", 404);
    await c.redshift.send(new CreateClusterParameterGroupCommand({ ParameterGroupName: "pg", ParameterGroupFamily: "redshift-1.0", Description: "d" }));
    await expectAwsError(send("wh2", { SnapshotScheduleIdentifier: "missing", ClusterParameterGroupName: "pg" }), "SnapshotScheduleNotFoundFault", 400);
    const other = clientsFor(rs.url, GRANTEE);
    await expectAwsError(other.redshift.send(new CreateClusterCommand(clusterInput("wh3", { SnapshotScheduleIdentifier: "mine" }))), "SnapshotScheduleNotFoundFault", 400);
  });
});
