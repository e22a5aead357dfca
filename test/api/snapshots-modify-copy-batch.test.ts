import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BatchDeleteClusterSnapshotsCommand,
  BatchModifyClusterSnapshotsCommand,
  CopyClusterSnapshotCommand,
  CreateClusterSnapshotCommand,
  DescribeClusterSnapshotsCommand,
  ModifyClusterSnapshotCommand,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, type Clients } from "../helpers.js";
import { clockedServer, createCluster } from "../fixtures/clusters-world.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const snap = (c: Clients, id: string, extra: { ManualSnapshotRetentionPeriod?: number } = {}) =>
  c.redshift.send(new CreateClusterSnapshotCommand({ SnapshotIdentifier: id, ClusterIdentifier: "src", ...extra }));
/** Manual snapshots unless the filter says otherwise (automated ones appear as the clock runs). */
const names = async (c: Clients, input: ConstructorParameters<typeof DescribeClusterSnapshotsCommand>[0] = { SnapshotType: "manual" }) =>
  ((await c.redshift.send(new DescribeClusterSnapshotsCommand(input))).Snapshots ?? []).map((s) => s.SnapshotIdentifier);
const modify = (c: Clients, input: { SnapshotIdentifier: string; ManualSnapshotRetentionPeriod?: number; Force?: boolean }) =>
  c.redshift.send(new ModifyClusterSnapshotCommand(input));

describe("ModifyClusterSnapshot", () => {
  it("ModifyClusterSnapshot: sets the retention, counted from SnapshotRetentionStartTime; the snapshot goes when it runs out", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c, "a");
    clock.advance(DAY);
    const out = (await modify(c, { SnapshotIdentifier: "A", ManualSnapshotRetentionPeriod: 3 })).Snapshot!;
    assert.equal(out.ManualSnapshotRetentionPeriod, 3);
    assert.equal(out.ManualSnapshotRemainingDays, 2);
    assert.equal((await modify(c, { SnapshotIdentifier: "a" })).Snapshot!.ManualSnapshotRetentionPeriod, 3, "no period: unchanged");
    clock.advance(2 * DAY);
    assert.deepEqual(await names(c), []);
  });

  it("ModifyClusterSnapshot: a period already run out is InvalidRetentionPeriodFault unless Force, which deletes the snapshot", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c, "a");
    clock.advance(2 * DAY);
    await expectAwsError(modify(c, { SnapshotIdentifier: "a", ManualSnapshotRetentionPeriod: 1 }), "InvalidRetentionPeriodFault", 400);
    assert.deepEqual(await names(c), ["a"]);
    await modify(c, { SnapshotIdentifier: "a", ManualSnapshotRetentionPeriod: 1, Force: true });
    assert.deepEqual(await names(c), []);
  });

  it("ModifyClusterSnapshot: errors in order — retention, ClusterSnapshotNotFound, InvalidClusterSnapshotState (automated or creating)", async () => {
    const { rs, clock } = await clockedServer({ delays: { "snapshot-create": 60_000 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(modify(c, { SnapshotIdentifier: "nope", ManualSnapshotRetentionPeriod: 0 }), "InvalidRetentionPeriodFault", 400);
    await expectAwsError(modify(c, { SnapshotIdentifier: "nope", ManualSnapshotRetentionPeriod: 5 }), "ClusterSnapshotNotFoundFault", 404);
    await createCluster(c, "src");
    await snap(c, "creating");
    await expectAwsError(modify(c, { SnapshotIdentifier: "creating", ManualSnapshotRetentionPeriod: 5 }), "InvalidClusterSnapshotStateFault", 400);
    clock.advance(8 * HOUR);
    const [auto] = await names(c, { SnapshotType: "automated" });
    await expectAwsError(modify(c, { SnapshotIdentifier: auto!, ManualSnapshotRetentionPeriod: 5 }), "InvalidClusterSnapshotStateFault", 400);
    await expectAwsError(modify(clientsFor(rs.url, GRANTEE), { SnapshotIdentifier: "creating", ManualSnapshotRetentionPeriod: 5 }), "ClusterSnapshotNotFoundFault", 404);
  });
});

describe("CopyClusterSnapshot", () => {
  it("CopyClusterSnapshot: the copy is manual, with the source's configuration, and takes the given period", async () => {
    const { rs } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src", { DBName: "sales", ManualSnapshotRetentionPeriod: 9 });
    await snap(c, "a");
    const copy = (await c.redshift.send(new CopyClusterSnapshotCommand({ SourceSnapshotIdentifier: "A", SourceSnapshotClusterIdentifier: "src", TargetSnapshotIdentifier: "B" })))
      .Snapshot!;
    assert.equal(copy.SnapshotIdentifier, "b");
    assert.equal(copy.SnapshotType, "manual");
    assert.equal(copy.DBName, "sales");
    assert.equal(copy.ClusterIdentifier, "src");
    assert.equal(copy.ManualSnapshotRetentionPeriod, 9);
    const other = (await c.redshift.send(new CopyClusterSnapshotCommand({ SourceSnapshotIdentifier: "a", TargetSnapshotIdentifier: "c", ManualSnapshotRetentionPeriod: 2 }))).Snapshot!;
    assert.equal(other.ManualSnapshotRetentionPeriod, 2);
    assert.deepEqual(await names(c), ["a", "b", "c"]);
  });

  it("CopyClusterSnapshot: errors in order — target identifier, retention, ClusterSnapshotNotFound, InvalidClusterSnapshotState, ClusterSnapshotAlreadyExists, quota", async () => {
    const { rs, clock } = await clockedServer({ delays: { "snapshot-create": 60_000 }, quotas: { "manual-snapshots-per-account": 3 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    const copy = (input: { SourceSnapshotIdentifier: string; TargetSnapshotIdentifier: string; ManualSnapshotRetentionPeriod?: number; SourceSnapshotClusterIdentifier?: string }) =>
      c.redshift.send(new CopyClusterSnapshotCommand(input));
    await expectAwsError(copy({ SourceSnapshotIdentifier: "nope", TargetSnapshotIdentifier: "1x", ManualSnapshotRetentionPeriod: 0 }), "InvalidParameterValue", 400);
    await expectAwsError(copy({ SourceSnapshotIdentifier: "nope", TargetSnapshotIdentifier: "x", ManualSnapshotRetentionPeriod: 0 }), "InvalidRetentionPeriodFault", 400);
    await expectAwsError(copy({ SourceSnapshotIdentifier: "nope", TargetSnapshotIdentifier: "x" }), "ClusterSnapshotNotFoundFault", 404);
    await createCluster(c, "src");
    await snap(c, "a");
    await expectAwsError(copy({ SourceSnapshotIdentifier: "a", TargetSnapshotIdentifier: "x" }), "InvalidClusterSnapshotStateFault", 400);
    clock.advance(60_000);
    await expectAwsError(copy({ SourceSnapshotIdentifier: "a", SourceSnapshotClusterIdentifier: "other", TargetSnapshotIdentifier: "x" }), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(copy({ SourceSnapshotIdentifier: "a", TargetSnapshotIdentifier: "A" }), "ClusterSnapshotAlreadyExistsFault", 400);
    await copy({ SourceSnapshotIdentifier: "a", TargetSnapshotIdentifier: "b" });
    await copy({ SourceSnapshotIdentifier: "a", TargetSnapshotIdentifier: "c" });
    await expectAwsError(copy({ SourceSnapshotIdentifier: "a", TargetSnapshotIdentifier: "d" }), "ClusterSnapshotQuotaExceededFault", 400);
    await expectAwsError(
      clientsFor(rs.url, GRANTEE).redshift.send(new CopyClusterSnapshotCommand({ SourceSnapshotIdentifier: "a", TargetSnapshotIdentifier: "mine" })),
      "ClusterSnapshotNotFoundFault",
      404,
    );
  });
});

describe("BatchDeleteClusterSnapshots and BatchModifyClusterSnapshots", () => {
  it("BatchDeleteClusterSnapshots: deletes what it can and reports each failure with its code", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c, "a");
    await snap(c, "b");
    clock.advance(8 * HOUR);
    const [auto] = await names(c, { SnapshotType: "automated" });
    const out = await c.redshift.send(
      new BatchDeleteClusterSnapshotsCommand({
        Identifiers: [{ SnapshotIdentifier: "a" }, { SnapshotIdentifier: "zzz" }, { SnapshotIdentifier: "b", SnapshotClusterIdentifier: "other" }, { SnapshotIdentifier: auto! }],
      }),
    );
    assert.deepEqual(out.Resources, ["a"]);
    assert.deepEqual(
      out.Errors!.map((e) => [e.SnapshotIdentifier, e.SnapshotClusterIdentifier, e.FailureCode]),
      [
        ["zzz", undefined, "ClusterSnapshotNotFound"],
        ["b", "other", "ClusterSnapshotNotFound"],
        [auto, undefined, "InvalidClusterSnapshotState"],
      ],
    );
    assert.deepEqual(await names(c, { SnapshotType: "manual" }), ["b"]);
  });

  it("BatchDeleteClusterSnapshots: more than 100 identifiers is BatchDeleteRequestSizeExceeded and nothing is deleted", async () => {
    const { rs } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c, "a");
    const Identifiers = [{ SnapshotIdentifier: "a" }, ...Array.from({ length: 100 }, (_, i) => ({ SnapshotIdentifier: `x${i}` }))];
    await expectAwsError(c.redshift.send(new BatchDeleteClusterSnapshotsCommand({ Identifiers })), "BatchDeleteRequestSizeExceededFault", 400);
    assert.deepEqual(await names(c), ["a"]);
  });

  it("BatchModifyClusterSnapshots: sets the retention of each, reporting failures; a bad period or more than 100 identifiers refuses the call", async () => {
    const { rs, clock } = await clockedServer();
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    await snap(c, "a");
    await snap(c, "b");
    clock.advance(2 * DAY);
    const out = await c.redshift.send(new BatchModifyClusterSnapshotsCommand({ SnapshotIdentifierList: ["a", "nope", "b"], ManualSnapshotRetentionPeriod: 5 }));
    assert.deepEqual(out.Resources, ["a", "b"]);
    assert.deepEqual(out.Errors!.map((e) => [e.SnapshotIdentifier, e.FailureCode]), [["nope", "ClusterSnapshotNotFound"]]);
    const described = (await c.redshift.send(new DescribeClusterSnapshotsCommand({ SnapshotIdentifier: "a" }))).Snapshots![0]!;
    assert.equal(described.ManualSnapshotRetentionPeriod, 5);
    assert.equal(described.ManualSnapshotRemainingDays, 3);
    const expired = await c.redshift.send(new BatchModifyClusterSnapshotsCommand({ SnapshotIdentifierList: ["a", "b"], ManualSnapshotRetentionPeriod: 1 }));
    assert.deepEqual(expired.Errors!.map((e) => e.FailureCode), ["InvalidRetentionPeriodFault", "InvalidRetentionPeriodFault"]);
    const forced = await c.redshift.send(new BatchModifyClusterSnapshotsCommand({ SnapshotIdentifierList: ["a"], ManualSnapshotRetentionPeriod: 1, Force: true }));
    assert.deepEqual(forced.Resources, ["a"]);
    assert.deepEqual(await names(c), ["b"]);
    await expectAwsError(
      c.redshift.send(new BatchModifyClusterSnapshotsCommand({ SnapshotIdentifierList: ["b"], ManualSnapshotRetentionPeriod: -2 })),
      "InvalidRetentionPeriodFault",
      400,
    );
    await expectAwsError(
      c.redshift.send(new BatchModifyClusterSnapshotsCommand({ SnapshotIdentifierList: Array.from({ length: 101 }, (_, i) => `s${i}`), ManualSnapshotRetentionPeriod: -2 })),
      "BatchModifyClusterSnapshotsLimitExceededFault",
      400,
    );
  });
});
