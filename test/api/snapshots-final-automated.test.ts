import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CopyClusterSnapshotCommand,
  CreateClusterSnapshotCommand,
  CreateSnapshotScheduleCommand,
  DeleteClusterCommand,
  DescribeClusterSnapshotsCommand,
  DescribeClustersCommand,
  ModifyClusterCommand,
  ModifyClusterSnapshotScheduleCommand,
  PauseClusterCommand,
} from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, expectAwsError, type Clients } from "../helpers.js";
import { clockedServer, createCluster, START } from "../fixtures/clusters-world.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const describeAll = async (c: Clients, input: ConstructorParameters<typeof DescribeClusterSnapshotsCommand>[0] = {}) =>
  (await c.redshift.send(new DescribeClusterSnapshotsCommand(input))).Snapshots ?? [];
const names = async (c: Clients, input: ConstructorParameters<typeof DescribeClusterSnapshotsCommand>[0] = {}) =>
  (await describeAll(c, input)).map((s) => s.SnapshotIdentifier);
const clusterIds = async (c: Clients) => ((await c.redshift.send(new DescribeClustersCommand({}))).Clusters ?? []).map((x) => x.ClusterIdentifier);

describe("final snapshots (DeleteCluster with FinalClusterSnapshotIdentifier)", () => {
  it("DeleteCluster: the cluster is final-snapshot until its snapshot is available, then deleting, then gone; the snapshot is manual and stays", async () => {
    const { rs, clock } = await clockedServer({ delays: { "snapshot-create": 60_000, "cluster-delete": 30_000 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh", { DBName: "sales" });
    const out = await c.redshift.send(
      new DeleteClusterCommand({ ClusterIdentifier: "wh", FinalClusterSnapshotIdentifier: "Wh-Final", FinalClusterSnapshotRetentionPeriod: 7 }),
    );
    assert.equal(out.Cluster!.ClusterStatus, "final-snapshot");
    const s = (await describeAll(c, { SnapshotIdentifier: "wh-final" }))[0]!;
    assert.equal(s.Status, "creating");
    assert.equal(s.SnapshotType, "manual");
    assert.equal(s.DBName, "sales");
    assert.equal(s.ManualSnapshotRetentionPeriod, 7);
    clock.advance(60_000);
    assert.equal((await c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "wh" }))).Clusters![0]!.ClusterStatus, "deleting");
    assert.equal((await describeAll(c, { SnapshotIdentifier: "wh-final" }))[0]!.Status, "available");
    clock.advance(30_000);
    assert.deepEqual(await clusterIds(c), []);
    const kept = (await describeAll(c, { SnapshotIdentifier: "wh-final" }))[0]!;
    assert.equal(kept.ManualSnapshotRemainingDays, 7);
    assert.deepEqual(await names(c, { ClusterExists: false }), ["wh-final"]);
  });

  it("DeleteCluster: an existing snapshot identifier is ClusterSnapshotAlreadyExists and the snapshot quota applies, before anything changes", async () => {
    const { rs } = await clockedServer({ quotas: { "manual-snapshots-per-account": 1 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await c.redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: "wh", SnapshotIdentifier: "taken" }));
    await expectAwsError(
      c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", FinalClusterSnapshotIdentifier: "TAKEN" })),
      "ClusterSnapshotAlreadyExistsFault",
      400,
    );
    await expectAwsError(
      c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", FinalClusterSnapshotIdentifier: "final" })),
      "ClusterSnapshotQuotaExceededFault",
      400,
    );
    assert.equal((await c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "wh" }))).Clusters![0]!.ClusterStatus, "available");
    assert.deepEqual(await names(c), ["taken"]);
  });

  it("DeleteCluster: errors in order — retention (InvalidRetentionPeriodFault), ClusterNotFound, InvalidClusterState, then the snapshot checks", async () => {
    const { rs } = await clockedServer({ delays: { "cluster-modify": 60_000 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(
      c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "nope", FinalClusterSnapshotIdentifier: "f", FinalClusterSnapshotRetentionPeriod: 0 })),
      "InvalidRetentionPeriodFault",
      400,
    );
    await expectAwsError(c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "nope", FinalClusterSnapshotIdentifier: "f" })), "ClusterNotFoundFault", 404);
    await createCluster(c, "wh");
    await c.redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: "wh", SnapshotIdentifier: "f" }));
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", AllowVersionUpgrade: false }));
    await expectAwsError(c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", FinalClusterSnapshotIdentifier: "f" })), "InvalidClusterStateFault", 400);
  });

  it("DeleteCluster: a paused cluster can take a final snapshot", async () => {
    const { rs } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "wh" }));
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", FinalClusterSnapshotIdentifier: "last" }));
    assert.deepEqual(await clusterIds(c), []);
    assert.equal((await describeAll(c, { SnapshotIdentifier: "last" }))[0]!.Status, "available");
  });
});

describe("automated snapshots on the clock", () => {
  it("automated snapshots: one every 8 hours while available, named rs:CLUSTER-time, kept AutomatedSnapshotRetentionPeriod days", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh", { AutomatedSnapshotRetentionPeriod: 1 });
    clock.advance(8 * HOUR - 1);
    assert.deepEqual(await names(c, { SnapshotType: "automated" }), []);
    clock.advance(1);
    const [first] = await describeAll(c, { SnapshotType: "automated" });
    assert.equal(first!.SnapshotIdentifier, "rs:wh-2026-01-05-18-00-00");
    assert.equal(first!.SnapshotType, "automated");
    assert.equal(first!.Status, "available");
    assert.equal(first!.SnapshotCreateTime!.getTime(), START + 8 * HOUR);
    assert.equal(first!.ManualSnapshotRetentionPeriod, undefined);
    clock.advance(8 * HOUR);
    await names(c);
    clock.advance(8 * HOUR);
    assert.deepEqual(await names(c, { SnapshotType: "automated" }), ["rs:wh-2026-01-05-18-00-00", "rs:wh-2026-01-06-02-00-00", "rs:wh-2026-01-06-10-00-00"]);
    clock.advance(8 * HOUR); // the first one is now a day old: gone
    assert.deepEqual(await names(c, { SnapshotType: "automated" }), ["rs:wh-2026-01-06-02-00-00", "rs:wh-2026-01-06-10-00-00", "rs:wh-2026-01-06-18-00-00"]);
  });

  it("automated snapshots: runs missed while the clock jumped are not made up — the latest one due is taken", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh", { AutomatedSnapshotRetentionPeriod: 5 });
    clock.advance(3 * DAY + HOUR);
    assert.deepEqual(await names(c, { SnapshotType: "automated" }), ["rs:wh-2026-01-08-10-00-00"]);
  });

  it("automated snapshots: none while paused; a retention of 0 removes them and takes no more; ModifyCluster back to 1 resumes", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh", { NodeType: "dc2.large", AutomatedSnapshotRetentionPeriod: 3 });
    clock.advance(8 * HOUR);
    assert.equal((await names(c, { SnapshotType: "automated" })).length, 1);
    await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "wh" }));
    clock.advance(8 * HOUR);
    assert.equal((await names(c, { SnapshotType: "automated" })).length, 1);
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", AutomatedSnapshotRetentionPeriod: 0 })).catch(() => undefined);
    await createCluster(c, "dc", { NodeType: "dc2.large", AutomatedSnapshotRetentionPeriod: 3 });
    clock.advance(8 * HOUR);
    assert.equal((await names(c, { ClusterIdentifier: "dc", SnapshotType: "automated" })).length, 1);
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "dc", AutomatedSnapshotRetentionPeriod: 0 }));
    assert.deepEqual(await names(c, { ClusterIdentifier: "dc", SnapshotType: "automated" }), []);
    clock.advance(24 * HOUR);
    assert.deepEqual(await names(c, { ClusterIdentifier: "dc", SnapshotType: "automated" }), []);
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "dc", AutomatedSnapshotRetentionPeriod: 1 }));
    clock.advance(8 * HOUR);
    assert.equal((await names(c, { ClusterIdentifier: "dc", SnapshotType: "automated" })).length, 1);
  });

  it("automated snapshots: a shorter retention removes those past it at once", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh", { AutomatedSnapshotRetentionPeriod: 5 });
    for (let i = 0; i < 6; i++) {
      clock.advance(8 * HOUR);
      await names(c);
    }
    assert.equal((await names(c, { SnapshotType: "automated" })).length, 6);
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", AutomatedSnapshotRetentionPeriod: 1 }));
    // Now 2026-01-07T10:00: a day back is 01-06T10:00, whose snapshot expires now.
    assert.deepEqual(await names(c, { SnapshotType: "automated" }), ["rs:wh-2026-01-06-18-00-00", "rs:wh-2026-01-07-02-00-00", "rs:wh-2026-01-07-10-00-00"]);
  });

  it("automated snapshots go with their cluster; a copy of one is manual and survives it", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    clock.advance(8 * HOUR);
    const [auto] = await names(c, { SnapshotType: "automated" });
    const copy = (await c.redshift.send(new CopyClusterSnapshotCommand({ SourceSnapshotIdentifier: auto!, TargetSnapshotIdentifier: "keep" }))).Snapshot!;
    assert.equal(copy.SnapshotType, "manual");
    assert.equal(copy.ClusterIdentifier, "wh");
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true }));
    assert.deepEqual(await names(c), ["keep"]);
  });

  it("automated snapshots follow the cluster's snapshot schedule when one is associated", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await c.redshift.send(new CreateSnapshotScheduleCommand({ ScheduleIdentifier: "twice", ScheduleDefinitions: ["cron(30 11,23 *)"] }));
    await c.redshift.send(new ModifyClusterSnapshotScheduleCommand({ ClusterIdentifier: "wh", ScheduleIdentifier: "twice" }));
    clock.advance(HOUR + 30 * 60_000); // 11:30
    assert.deepEqual(await names(c, { SnapshotType: "automated" }), ["rs:wh-2026-01-05-11-30-00"]);
    clock.advance(12 * HOUR);
    assert.deepEqual(await names(c, { SnapshotType: "automated" }), ["rs:wh-2026-01-05-11-30-00", "rs:wh-2026-01-05-23-30-00"]);
  });
});

describe("automated snapshots and a renamed cluster", () => {
  it("ModifyCluster NewClusterIdentifier: automated snapshots follow the cluster (and go with it); manual ones keep the old identifier", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "old");
    await c.redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: "old", SnapshotIdentifier: "manual" }));
    clock.advance(8 * HOUR);
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "old", NewClusterIdentifier: "new" }));
    assert.deepEqual(
      (await describeAll(c)).map((s) => [s.SnapshotIdentifier, s.ClusterIdentifier]),
      [
        ["manual", "old"],
        ["rs:old-2026-01-05-18-00-00", "new"],
      ],
    );
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "new", SkipFinalClusterSnapshot: true }));
    assert.deepEqual(await names(c), ["manual"]);
  });
});
