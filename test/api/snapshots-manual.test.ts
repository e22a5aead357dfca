import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterSnapshotCommand,
  DeleteClusterCommand,
  DeleteClusterSnapshotCommand,
  DescribeClusterSnapshotsCommand,
  ModifyClusterCommand,
  PauseClusterCommand,
  type CreateClusterSnapshotCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, type Clients } from "../helpers.js";
import { clockedServer, createCluster, START } from "../fixtures/clusters-world.js";

const snap = (c: Clients, input: Partial<CreateClusterSnapshotCommandInput> = {}) =>
  c.redshift.send(new CreateClusterSnapshotCommand({ SnapshotIdentifier: "snap-1", ClusterIdentifier: "src", ...input }));
const describeAll = async (c: Clients, input: ConstructorParameters<typeof DescribeClusterSnapshotsCommand>[0] = {}) =>
  (await c.redshift.send(new DescribeClusterSnapshotsCommand(input))).Snapshots ?? [];
const DAY = 86_400_000;

describe("CreateClusterSnapshot", () => {
  it("CreateClusterSnapshot: answers a creating manual snapshot with the cluster's configuration; with a delay it becomes available on the clock", async () => {
    const { rs, clock } = await clockedServer({ delays: { "snapshot-create": 60_000 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    const cluster = await createCluster(c, "Src", { DBName: "sales", Port: 5440, Tags: [{ Key: "c", Value: "1" }] });
    clock.advance(1000);
    const out = (await snap(c, { SnapshotIdentifier: "Snap-1", Tags: [{ Key: "env", Value: "prod" }] })).Snapshot!;
    assert.equal(out.SnapshotIdentifier, "snap-1");
    assert.equal(out.ClusterIdentifier, "src");
    assert.equal(out.Status, "creating");
    assert.equal(out.SnapshotType, "manual");
    assert.equal(out.SnapshotCreateTime!.getTime(), START + 1000);
    assert.equal(out.ClusterCreateTime!.getTime(), cluster.ClusterCreateTime!.getTime());
    assert.equal(out.Port, 5440);
    assert.equal(out.DBName, "sales");
    assert.equal(out.MasterUsername, "admin");
    assert.equal(out.NodeType, "ra3.xlplus");
    assert.equal(out.NumberOfNodes, 1);
    assert.equal(out.AvailabilityZone, cluster.AvailabilityZone);
    assert.equal(out.VpcId, cluster.VpcId);
    assert.equal(out.Encrypted, true);
    assert.equal(out.OwnerAccount, GRANTOR);
    assert.equal(out.ClusterVersion, "1.0");
    assert.match(out.EngineFullVersion!, /^1\.0\.\d+$/);
    assert.equal(out.MaintenanceTrackName, "current");
    assert.equal(out.EnhancedVpcRouting, false);
    assert.equal(out.ManualSnapshotRetentionPeriod, -1);
    assert.equal(out.ManualSnapshotRemainingDays, -1);
    assert.deepEqual(out.AccountsWithRestoreAccess ?? [], []);
    assert.deepEqual(out.Tags, [{ Key: "env", Value: "prod" }]);
    assert.equal(out.SnapshotArn, `arn:aws:redshift:us-east-1:${GRANTOR}:snapshot:src/snap-1`);
    assert.equal(out.SourceRegion, "us-east-1");
    assert.ok(out.RestorableNodeTypes!.includes("ra3.xlplus"));
    assert.equal(out.EstimatedSecondsToCompletion, 60);
    assert.equal(out.TotalBackupSizeInMegaBytes, 32);

    clock.advance(59_999);
    assert.equal((await describeAll(c, { SnapshotIdentifier: "snap-1" }))[0]!.Status, "creating");
    clock.advance(1);
    const done = (await describeAll(c, { SnapshotIdentifier: "SNAP-1" }))[0]!;
    assert.equal(done.Status, "available");
    assert.equal(done.SnapshotRetentionStartTime!.getTime(), START + 61_000);
    assert.equal(done.BackupProgressInMegaBytes, 32);
    assert.equal(done.ElapsedTimeInSeconds, 60);
  });

  it("CreateClusterSnapshot: without a period the cluster's ManualSnapshotRetentionPeriod applies; the snapshot is deleted when it runs out", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src", { ManualSnapshotRetentionPeriod: 3 });
    await snap(c);
    await snap(c, { SnapshotIdentifier: "kept", ManualSnapshotRetentionPeriod: -1 });
    const s = (await describeAll(c, { SnapshotIdentifier: "snap-1" }))[0]!;
    assert.equal(s.ManualSnapshotRetentionPeriod, 3);
    assert.equal(s.ManualSnapshotRemainingDays, 3);
    clock.advance(DAY + 1);
    assert.equal((await describeAll(c, { SnapshotIdentifier: "snap-1" }))[0]!.ManualSnapshotRemainingDays, 2);
    clock.advance(2 * DAY);
    assert.deepEqual((await describeAll(c, { SnapshotType: "manual" })).map((x) => x.SnapshotIdentifier), ["kept"]);
  });

  it("CreateClusterSnapshot: errors in order — identifier, retention, tags, ClusterNotFound, InvalidClusterState, ClusterSnapshotAlreadyExists", async () => {
    const { rs } = await clockedServer({ delays: { "cluster-pause": 60_000 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(snap(c, { ClusterIdentifier: "nope", SnapshotIdentifier: "1bad", ManualSnapshotRetentionPeriod: 0 }), "InvalidParameterValue", 400);
    await expectAwsError(snap(c, { ClusterIdentifier: "nope", SnapshotIdentifier: "bad-", ManualSnapshotRetentionPeriod: 0 }), "InvalidParameterValue", 400);
    await expectAwsError(snap(c, { ClusterIdentifier: "nope", SnapshotIdentifier: "a--b" }), "InvalidParameterValue", 400);
    await expectAwsError(snap(c, { ClusterIdentifier: "nope", ManualSnapshotRetentionPeriod: 0 }), "InvalidRetentionPeriodFault", 400);
    await expectAwsError(snap(c, { ClusterIdentifier: "nope", ManualSnapshotRetentionPeriod: 3654 }), "InvalidRetentionPeriodFault", 400);
    await expectAwsError(snap(c, { ClusterIdentifier: "nope", Tags: [{ Key: "aws:x", Value: "1" }] }), "InvalidTagFault", 400);
    await expectAwsError(snap(c, { ClusterIdentifier: "nope" }), "ClusterNotFoundFault", 404);
    await createCluster(c, "src");
    await createCluster(c, "other");
    await snap(c);
    await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "other" }));
    await expectAwsError(snap(c, { ClusterIdentifier: "other", SnapshotIdentifier: "snap-1" }), "InvalidClusterStateFault", 400);
    await expectAwsError(snap(c, { SnapshotIdentifier: "SNAP-1" }), "ClusterSnapshotAlreadyExistsFault", 400);
    // Identifiers are unique per account, not per cluster.
    await createCluster(c, "third");
    await expectAwsError(snap(c, { ClusterIdentifier: "third" }), "ClusterSnapshotAlreadyExistsFault", 400);
  });

  it("CreateClusterSnapshot: manual snapshots per account are a quota (ClusterSnapshotQuotaExceeded); automated ones do not count", async () => {
    const { rs } = await clockedServer({ quotas: { "manual-snapshots-per-account": 2 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c, { SnapshotIdentifier: "a" });
    await snap(c, { SnapshotIdentifier: "b" });
    await expectAwsError(snap(c, { SnapshotIdentifier: "c" }), "ClusterSnapshotQuotaExceededFault", 400);
    await c.redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "a" }));
    await snap(c, { SnapshotIdentifier: "c" });
    // Another account has its own quota.
    const other = clientsFor(rs.url, GRANTEE);
    await createCluster(other, "src");
    await snap(other, { SnapshotIdentifier: "a" });
  });
});

describe("DeleteClusterSnapshot", () => {
  it("DeleteClusterSnapshot: answers the snapshot as deleted and it is gone; SnapshotClusterIdentifier must match", async () => {
    const { rs } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c);
    await expectAwsError(c.redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "snap-1", SnapshotClusterIdentifier: "other" })), "ClusterSnapshotNotFoundFault", 404);
    const out = (await c.redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "Snap-1", SnapshotClusterIdentifier: "SRC" }))).Snapshot!;
    assert.equal(out.SnapshotIdentifier, "snap-1");
    assert.equal(out.Status, "deleted");
    assert.deepEqual(await describeAll(c), []);
    await expectAwsError(c.redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "snap-1" })), "ClusterSnapshotNotFoundFault", 404);
  });

  it("DeleteClusterSnapshot: a creating snapshot is InvalidClusterSnapshotState; another account's snapshot is not found", async () => {
    const { rs, clock } = await clockedServer({ delays: { "snapshot-create": 60_000 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c);
    await expectAwsError(c.redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "snap-1" })), "InvalidClusterSnapshotStateFault", 400);
    await expectAwsError(clientsFor(rs.url, GRANTEE).redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "snap-1" })), "ClusterSnapshotNotFoundFault", 404);
    clock.advance(60_000);
    await c.redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "snap-1" }));
  });
});

describe("DescribeClusterSnapshots (basics)", () => {
  it("DescribeClusterSnapshots: lists the caller's snapshots only, filtered by identifier, cluster and type; a named missing snapshot is ClusterSnapshotNotFound", async () => {
    const { rs } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await createCluster(c, "two");
    await snap(c, { SnapshotIdentifier: "a" });
    await snap(c, { SnapshotIdentifier: "b", ClusterIdentifier: "two" });
    assert.deepEqual((await describeAll(c)).map((s) => s.SnapshotIdentifier), ["a", "b"]);
    assert.deepEqual((await describeAll(c, { ClusterIdentifier: "TWO" })).map((s) => s.SnapshotIdentifier), ["b"]);
    assert.deepEqual((await describeAll(c, { SnapshotType: "automated" })).map((s) => s.SnapshotIdentifier), []);
    assert.deepEqual(await describeAll(clientsFor(rs.url, GRANTEE)), []);
    await expectAwsError(describeAll(c, { SnapshotIdentifier: "zzz" }), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(describeAll(c, { SnapshotIdentifier: "a", ClusterIdentifier: "two" }), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(describeAll(clientsFor(rs.url, GRANTEE), { SnapshotIdentifier: "a" }), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(describeAll(c, { ClusterIdentifier: "nope" }), "ClusterNotFoundFault", 404);
  });

  it("DescribeClusterSnapshots: manual snapshots outlive their cluster and stay listed under its identifier", async () => {
    const { rs } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c);
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "src", AutomatedSnapshotRetentionPeriod: 2 }));
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "src", SkipFinalClusterSnapshot: true }));
    assert.deepEqual((await describeAll(c, { ClusterIdentifier: "src" })).map((s) => s.SnapshotIdentifier), ["snap-1"]);
  });
});
