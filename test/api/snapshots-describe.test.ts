import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterSnapshotCommand,
  CreateTagsCommand,
  DeleteClusterCommand,
  DeleteTagsCommand,
  DescribeClusterSnapshotsCommand,
  DescribeTagsCommand,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, STRANGER, clientsFor, expectAwsError, type Clients } from "../helpers.js";
import { clockedServer, createCluster, START } from "../fixtures/clusters-world.js";

const HOUR = 3_600_000;
type Input = NonNullable<ConstructorParameters<typeof DescribeClusterSnapshotsCommand>[0]>;
const page = (c: Clients, input: Input = {}) => c.redshift.send(new DescribeClusterSnapshotsCommand(input));
const names = async (c: Clients, input: Input = {}) => ((await page(c, input)).Snapshots ?? []).map((s) => s.SnapshotIdentifier);
const arnOf = (cluster: string, snapshot: string, account = GRANTOR) => `arn:aws:redshift:us-east-1:${account}:snapshot:${cluster}/${snapshot}`;

/** Cluster `big` (2 nodes) and `small` (1 node); manual `m1` (big, t+1h), `m2` (small, t+2h, tagged), an automated one of big at t+8h. */
async function world(): Promise<{ rs: Awaited<ReturnType<typeof clockedServer>>["rs"]; clock: Awaited<ReturnType<typeof clockedServer>>["clock"]; c: Clients; auto: string }> {
  const { rs, clock } = await clockedServer();
  const c = clientsFor(rs.url, GRANTOR);
  await createCluster(c, "big", { NumberOfNodes: 2 });
  await createCluster(c, "small", { AutomatedSnapshotRetentionPeriod: 1 });
  clock.advance(HOUR);
  await c.redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: "big", SnapshotIdentifier: "m1", Tags: [{ Key: "env", Value: "prod" }] }));
  clock.advance(HOUR);
  await c.redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: "small", SnapshotIdentifier: "m2", Tags: [{ Key: "team", Value: "data" }] }));
  clock.advance(6 * HOUR);
  const auto = (await names(c, { SnapshotType: "automated", ClusterIdentifier: "big" }))[0]!;
  return { rs, clock, c, auto };
}

describe("DescribeClusterSnapshots filters", () => {
  it("DescribeClusterSnapshots: SnapshotArn names one snapshot of the caller; a wrong cluster, another account or a malformed ARN is refused", async () => {
    const { rs, c } = await world();
    await using _ = rs;
    assert.deepEqual(await names(c, { SnapshotArn: arnOf("big", "m1") }), ["m1"]);
    await expectAwsError(page(c, { SnapshotArn: arnOf("small", "m1") }), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(page(c, { SnapshotArn: arnOf("big", "m1", GRANTEE) }), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(page(clientsFor(rs.url, GRANTEE), { SnapshotArn: arnOf("big", "m1") }), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(page(c, { SnapshotArn: "arn:aws:redshift:us-east-1:1:cluster:big" }), "InvalidParameterValue", 400);
    await expectAwsError(page(c, { SnapshotArn: arnOf("big", "m1"), SnapshotIdentifier: "m1" }), "InvalidParameterCombination", 400);
  });

  it("DescribeClusterSnapshots: StartTime and EndTime bound SnapshotCreateTime inclusively; StartTime after EndTime is InvalidParameterValue", async () => {
    const { rs, c } = await world();
    await using _ = rs;
    assert.deepEqual(await names(c, { StartTime: new Date(START + 2 * HOUR) }), ["m2", "rs:big-2026-01-05-18-00-00", "rs:small-2026-01-05-18-00-00"]);
    assert.deepEqual(await names(c, { EndTime: new Date(START + 2 * HOUR) }), ["m1", "m2"]);
    assert.deepEqual(await names(c, { StartTime: new Date(START + HOUR), EndTime: new Date(START + HOUR) }), ["m1"]);
    await expectAwsError(page(c, { StartTime: new Date(START + 2 * HOUR), EndTime: new Date(START + HOUR) }), "InvalidParameterValue", 400);
  });

  it("DescribeClusterSnapshots: SnapshotType and ClusterIdentifier combine; an unknown type is InvalidParameterValue", async () => {
    const { rs, c, auto } = await world();
    await using _ = rs;
    assert.deepEqual(await names(c, { SnapshotType: "manual" }), ["m1", "m2"]);
    assert.deepEqual(await names(c, { SnapshotType: "automated", ClusterIdentifier: "BIG" }), [auto]);
    assert.deepEqual(await names(c, { SnapshotType: "manual", ClusterIdentifier: "small" }), ["m2"]);
    await expectAwsError(page(c, { SnapshotType: "final" }), "InvalidParameterValue", 400);
  });

  it("DescribeClusterSnapshots: TagKeys and TagValues keep snapshots with a matching tag; an empty key is InvalidTagFault", async () => {
    const { rs, c } = await world();
    await using _ = rs;
    assert.deepEqual(await names(c, { TagKeys: ["env", "team"] }), ["m1", "m2"]);
    assert.deepEqual(await names(c, { TagValues: ["data"] }), ["m2"]);
    assert.deepEqual(await names(c, { TagKeys: ["env"], TagValues: ["data"] }), []);
    await expectAwsError(page(c, { TagKeys: [""] }), "InvalidTagFault", 400);
  });

  it("DescribeClusterSnapshots: ClusterExists keeps the snapshots whose cluster exists (true) or is gone (false)", async () => {
    const { rs, c } = await world();
    await using _ = rs;
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "big", SkipFinalClusterSnapshot: true }));
    assert.deepEqual(await names(c, { ClusterExists: false }), ["m1"]);
    assert.deepEqual(await names(c, { ClusterExists: true }), ["m2", "rs:small-2026-01-05-18-00-00"]);
  });

  it("DescribeClusterSnapshots: SortingEntities orders by SOURCE_TYPE, TOTAL_SIZE or CREATE_TIME, ascending unless DESC; a repeated attribute is refused", async () => {
    const { rs, c, auto } = await world();
    await using _ = rs;
    const small = "rs:small-2026-01-05-18-00-00";
    assert.deepEqual(await names(c, { SortingEntities: [{ Attribute: "CREATE_TIME", SortOrder: "DESC" }] }), [auto, small, "m2", "m1"]);
    assert.deepEqual(await names(c, { SortingEntities: [{ Attribute: "SOURCE_TYPE" }] }), [auto, small, "m1", "m2"]);
    assert.deepEqual(await names(c, { SortingEntities: [{ Attribute: "TOTAL_SIZE", SortOrder: "DESC" }, { Attribute: "CREATE_TIME" }] }), ["m1", auto, "m2", small]);
    await expectAwsError(page(c, { SortingEntities: [{ Attribute: "TOTAL_SIZE" }, { Attribute: "TOTAL_SIZE" }] }), "InvalidParameterValue", 400);
  });

  it("DescribeClusterSnapshots: MaxRecords pages with a Marker, sorted or not; MaxRecords outside 20–100 is InvalidParameterValue", async () => {
    // 25 manual snapshots: above the default quota of 20.
    const { rs, clock } = await clockedServer({ quotas: { "manual-snapshots-per-account": 25 } });
    await using _ = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "src");
    for (let i = 0; i < 25; i++) {
      clock.advance(1000);
      await c.redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: "src", SnapshotIdentifier: `s${String(i).padStart(2, "0")}` }));
    }
    for (const SortingEntities of [undefined, [{ Attribute: "CREATE_TIME" as const, SortOrder: "DESC" as const }]]) {
      const first = await page(c, { MaxRecords: 20, SortingEntities });
      assert.equal(first.Snapshots!.length, 20);
      assert.ok(first.Marker);
      const second = await page(c, { MaxRecords: 20, Marker: first.Marker, SortingEntities });
      assert.equal(second.Snapshots!.length, 5);
      assert.equal(second.Marker, undefined);
      const all = [...first.Snapshots!, ...second.Snapshots!].map((s) => s.SnapshotIdentifier);
      const expected = Array.from({ length: 25 }, (_, i) => `s${String(i).padStart(2, "0")}`);
      assert.deepEqual(all, SortingEntities ? expected.reverse() : expected);
    }
    await expectAwsError(page(c, { MaxRecords: 19 }), "InvalidParameterValue", 400);
    await expectAwsError(page(c, { Marker: "garbage" }), "InvalidParameterValue", 400);
  });

  it("DescribeClusterSnapshots: OwnerAccount — the caller's own account lists its snapshots; another account's lists nothing it does not share", async () => {
    const { rs, c } = await world();
    await using _ = rs;
    assert.deepEqual(await names(c, { OwnerAccount: GRANTOR, SnapshotType: "manual" }), ["m1", "m2"]);
    assert.deepEqual(await names(c, { OwnerAccount: STRANGER }), []);
    assert.deepEqual(await names(clientsFor(rs.url, STRANGER), { OwnerAccount: GRANTOR }), []);
  });
});

describe("snapshot tags and state", () => {
  it("CreateTags/DescribeTags/DeleteTags: snapshots are tagged by their snapshot:CLUSTER/SNAPSHOT ARN, and Describe shows the tags", async () => {
    const { rs, c } = await world();
    await using _ = rs;
    await c.redshift.send(new CreateTagsCommand({ ResourceName: arnOf("big", "m1"), Tags: [{ Key: "owner", Value: "me" }] }));
    const [m1] = (await page(c, { SnapshotIdentifier: "m1" })).Snapshots!;
    assert.deepEqual(m1!.Tags, [{ Key: "env", Value: "prod" }, { Key: "owner", Value: "me" }]);
    const tagged = await c.redshift.send(new DescribeTagsCommand({ ResourceType: "snapshot" }));
    assert.deepEqual(
      tagged.TaggedResources!.map((t) => [t.ResourceName, t.Tag!.Key, t.ResourceType]),
      [
        [arnOf("big", "m1"), "env", "snapshot"],
        [arnOf("big", "m1"), "owner", "snapshot"],
        [arnOf("small", "m2"), "team", "snapshot"],
      ],
    );
    await c.redshift.send(new DeleteTagsCommand({ ResourceName: arnOf("big", "m1"), TagKeys: ["env"] }));
    assert.deepEqual((await page(c, { SnapshotIdentifier: "m1" })).Snapshots![0]!.Tags, [{ Key: "owner", Value: "me" }]);
    await expectAwsError(c.redshift.send(new CreateTagsCommand({ ResourceName: arnOf("small", "m1"), Tags: [{ Key: "k", Value: "v" }] })), "ResourceNotFoundFault", 404);
    await expectAwsError(
      clientsFor(rs.url, GRANTEE).redshift.send(new CreateTagsCommand({ ResourceName: arnOf("big", "m1"), Tags: [{ Key: "k", Value: "v" }] })),
      "ResourceNotFoundFault",
      404,
    );
  });

  it("GET /_redshift-local/state lists snapshots with their owner, type, status, source cluster and who may restore them", async () => {
    const { rs, c } = await world();
    await using _ = rs;
    void c;
    const state = (await (await fetch(`${rs.url}/_redshift-local/state`)).json()) as {
      snapshots: { account: string; id: string; snapshotType: string; status: string; clusterIdentifier: string; accountsWithRestoreAccess: string[] }[];
    };
    const m1 = state.snapshots.find((s) => s.id === "m1")!;
    assert.deepEqual([m1.account, m1.snapshotType, m1.status, m1.clusterIdentifier, m1.accountsWithRestoreAccess], [GRANTOR, "manual", "available", "big", []]);
    assert.equal(state.snapshots.filter((s) => s.snapshotType === "automated").length, 2);
  });
});
