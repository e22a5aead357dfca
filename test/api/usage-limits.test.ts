import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateTagsCommand,
  CreateUsageLimitCommand,
  DeleteClusterCommand,
  DeleteUsageLimitCommand,
  DescribeTagsCommand,
  DescribeUsageLimitsCommand,
  ModifyClusterCommand,
  ModifyUsageLimitCommand,
  type CreateUsageLimitCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster } from "../fixtures/clusters-world.js";

const create = (c: Clients, input: Partial<CreateUsageLimitCommandInput> = {}) =>
  c.redshift.send(
    new CreateUsageLimitCommand({ ClusterIdentifier: "lim", FeatureType: "concurrency-scaling", LimitType: "time", Amount: 60, ...input }),
  );
const describeAll = async (c: Clients, input: ConstructorParameters<typeof DescribeUsageLimitsCommand>[0] = {}) =>
  (await c.redshift.send(new DescribeUsageLimitsCommand(input))).UsageLimits ?? [];

describe("CreateUsageLimit", () => {
  it("CreateUsageLimit: answers the limit with a rul- id, Period monthly and BreachAction log by default", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "Lim");
    const out = await create(c, { ClusterIdentifier: "LIM", Tags: [{ Key: "env", Value: "prod" }] });
    assert.match(out.UsageLimitId!, /^rul-[a-z0-9]{12}$/);
    assert.deepEqual({ ...out, $metadata: undefined }, {
      $metadata: undefined,
      UsageLimitId: out.UsageLimitId,
      ClusterIdentifier: "lim",
      FeatureType: "concurrency-scaling",
      LimitType: "time",
      Amount: 60,
      Period: "monthly",
      BreachAction: "log",
      Tags: [{ Key: "env", Value: "prod" }],
    });
    const spectrum = await create(c, { FeatureType: "spectrum", LimitType: "data-scanned", Amount: 2, Period: "daily", BreachAction: "disable" });
    assert.equal(spectrum.Period, "daily");
    assert.equal(spectrum.BreachAction, "disable");
    await create(c, { FeatureType: "cross-region-datasharing", LimitType: "data-scanned", Amount: 1, Period: "weekly", BreachAction: "emit-metric" });
    await create(c, { FeatureType: "extra-compute-for-automatic-optimization", LimitType: "time", Amount: 10 });
    assert.equal((await describeAll(c)).length, 4);
  });

  it("CreateUsageLimit: a limit type the feature does not take is InvalidUsageLimit", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    await expectAwsError(create(c, { FeatureType: "spectrum", LimitType: "time" }), "InvalidUsageLimitFault", 400);
    await expectAwsError(create(c, { FeatureType: "concurrency-scaling", LimitType: "data-scanned" }), "InvalidUsageLimitFault", 400);
    await expectAwsError(create(c, { FeatureType: "cross-region-datasharing", LimitType: "time" }), "InvalidUsageLimitFault", 400);
    assert.equal((await describeAll(c)).length, 0);
  });

  it("CreateUsageLimit: an amount of zero or less is InvalidUsageLimit; an unknown enum value is InvalidParameterValue", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    await expectAwsError(create(c, { Amount: 0 }), "InvalidUsageLimitFault", 400);
    await expectAwsError(create(c, { Amount: -5 }), "InvalidUsageLimitFault", 400);
    await expectAwsError(create(c, { Period: "hourly" as never }), "InvalidParameterValue", 400);
    await expectAwsError(create(c, { BreachAction: "stop" as never }), "InvalidParameterValue", 400);
  });

  it("CreateUsageLimit: errors in order — combination, amount, tags, then ClusterNotFound", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(create(c, { ClusterIdentifier: "nope", LimitType: "data-scanned", Amount: 0 }), "InvalidUsageLimitFault", 400);
    await expectAwsError(create(c, { ClusterIdentifier: "nope", Amount: 0 }), "InvalidUsageLimitFault", 400);
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    await expectAwsError(create(c, { ClusterIdentifier: "nope", Tags: many }), "TagLimitExceededFault", 400);
    await expectAwsError(create(c, { ClusterIdentifier: "nope" }), "ClusterNotFoundFault", 404);
  });

  it("CreateUsageLimit: 4 limits per feature per cluster; the fifth is LimitExceededFault, another feature or cluster still fits", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    await createCluster(c, "other");
    for (let i = 1; i <= 4; i++) await create(c, { Amount: i });
    await expectAwsError(create(c, { Amount: 5 }), "LimitExceededFault", 400);
    await create(c, { FeatureType: "spectrum", LimitType: "data-scanned", Amount: 1 });
    await create(c, { ClusterIdentifier: "other" });
  });

  it("CreateUsageLimit: the quota is overridable", async () => {
    await using rs = await startServer({ quotas: { "usage-limits-per-feature-per-cluster": 1 } });
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    await create(c);
    await expectAwsError(create(c), "LimitExceededFault", 400);
  });

  it("CreateUsageLimit: another account's cluster is ClusterNotFound", async () => {
    await using rs = await startServer();
    await createCluster(clientsFor(rs.url, GRANTOR), "lim");
    await expectAwsError(create(clientsFor(rs.url, GRANTEE)), "ClusterNotFoundFault", 404);
  });
});

describe("DescribeUsageLimits", () => {
  it("DescribeUsageLimits: filters by id, cluster, feature and tags, in creation order", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    await createCluster(c, "other");
    const a = await create(c, { Tags: [{ Key: "env", Value: "prod" }] });
    const b = await create(c, { FeatureType: "spectrum", LimitType: "data-scanned", Amount: 3, Tags: [{ Key: "env", Value: "dev" }] });
    const d = await create(c, { ClusterIdentifier: "other" });
    const ids = (list: { UsageLimitId?: string | undefined }[]) => list.map((l) => l.UsageLimitId);
    assert.deepEqual(ids(await describeAll(c)), [a.UsageLimitId, b.UsageLimitId, d.UsageLimitId]);
    assert.deepEqual(ids(await describeAll(c, { UsageLimitId: b.UsageLimitId })), [b.UsageLimitId]);
    assert.deepEqual(ids(await describeAll(c, { ClusterIdentifier: "LIM" })), [a.UsageLimitId, b.UsageLimitId]);
    assert.deepEqual(ids(await describeAll(c, { FeatureType: "concurrency-scaling" })), [a.UsageLimitId, d.UsageLimitId]);
    assert.deepEqual(ids(await describeAll(c, { ClusterIdentifier: "lim", FeatureType: "spectrum" })), [b.UsageLimitId]);
    assert.deepEqual(ids(await describeAll(c, { TagKeys: ["env"] })), [a.UsageLimitId, b.UsageLimitId]);
    assert.deepEqual(ids(await describeAll(c, { TagValues: ["dev"] })), [b.UsageLimitId]);
    assert.deepEqual(ids(await describeAll(c, { UsageLimitId: "rul-unknown00000" })), []);
  });

  it("DescribeUsageLimits: an unknown cluster is ClusterNotFound; a bad MaxRecords or Marker is InvalidParameterValue", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(new DescribeUsageLimitsCommand({ ClusterIdentifier: "nope" })), "ClusterNotFoundFault", 404);
    await expectAwsError(c.redshift.send(new DescribeUsageLimitsCommand({ MaxRecords: 19 })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new DescribeUsageLimitsCommand({ Marker: "bogus" })), "InvalidParameterValue", 400);
  });

  it("DescribeUsageLimits: pages of MaxRecords with a Marker until the last page", async () => {
    await using rs = await startServer({ quotas: { "usage-limits-per-feature-per-cluster": 30 } });
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    const created: string[] = [];
    for (let i = 1; i <= 25; i++) created.push((await create(c, { Amount: i })).UsageLimitId!);
    const first = await c.redshift.send(new DescribeUsageLimitsCommand({ MaxRecords: 20 }));
    assert.equal(first.UsageLimits!.length, 20);
    assert.ok(first.Marker);
    const second = await c.redshift.send(new DescribeUsageLimitsCommand({ MaxRecords: 20, Marker: first.Marker }));
    assert.equal(second.Marker, undefined);
    assert.deepEqual([...first.UsageLimits!, ...second.UsageLimits!].map((l) => l.UsageLimitId), created);
  });

  it("DescribeUsageLimits: a caller never sees another account's limits", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    const a = await create(c);
    const other = clientsFor(rs.url, GRANTEE);
    assert.deepEqual(await describeAll(other), []);
    assert.deepEqual(await describeAll(other, { UsageLimitId: a.UsageLimitId }), []);
    await expectAwsError(other.redshift.send(new DeleteUsageLimitCommand({ UsageLimitId: a.UsageLimitId })), "UsageLimitNotFoundFault", 404);
  });
});

describe("ModifyUsageLimit and DeleteUsageLimit", () => {
  it("ModifyUsageLimit: changes Amount and BreachAction, keeps the rest", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    const a = await create(c, { Period: "weekly" });
    const out = await c.redshift.send(new ModifyUsageLimitCommand({ UsageLimitId: a.UsageLimitId, Amount: 120 }));
    assert.equal(out.Amount, 120);
    assert.equal(out.BreachAction, "log");
    assert.equal(out.Period, "weekly");
    await c.redshift.send(new ModifyUsageLimitCommand({ UsageLimitId: a.UsageLimitId, BreachAction: "disable" }));
    const [stored] = await describeAll(c, { UsageLimitId: a.UsageLimitId });
    assert.equal(stored!.Amount, 120);
    assert.equal(stored!.BreachAction, "disable");
  });

  it("ModifyUsageLimit: an unknown id is UsageLimitNotFound (before the amount); a non-positive amount is InvalidUsageLimit", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    const a = await create(c);
    await expectAwsError(c.redshift.send(new ModifyUsageLimitCommand({ UsageLimitId: "rul-nothere0000", Amount: 0 })), "UsageLimitNotFoundFault", 404);
    await expectAwsError(c.redshift.send(new ModifyUsageLimitCommand({ UsageLimitId: a.UsageLimitId, Amount: 0 })), "InvalidUsageLimitFault", 400);
    assert.equal((await describeAll(c))[0]!.Amount, 60);
  });

  it("DeleteUsageLimit: removes the limit; deleting it again is UsageLimitNotFound", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    const a = await create(c);
    await c.redshift.send(new DeleteUsageLimitCommand({ UsageLimitId: a.UsageLimitId }));
    assert.deepEqual(await describeAll(c), []);
    await expectAwsError(c.redshift.send(new DeleteUsageLimitCommand({ UsageLimitId: a.UsageLimitId })), "UsageLimitNotFoundFault", 404);
  });
});

describe("Usage limits and their cluster", () => {
  it("a deleted cluster's usage limits go with it when the deletion completes", async () => {
    const { rs, clock } = await clockedServer({ delays: { "cluster-delete": 10_000 } });
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    await createCluster(c, "keep");
    await create(c);
    const kept = await create(c, { ClusterIdentifier: "keep" });
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "lim", SkipFinalClusterSnapshot: true }));
    await expectAwsError(create(c), "InvalidClusterStateFault", 400);
    clock.advance(10_000);
    assert.deepEqual((await describeAll(c)).map((l) => l.UsageLimitId), [kept.UsageLimitId]);
  });

  it("a renamed cluster's usage limits follow it", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    clock.advance(3_600_000);
    const a = await create(c);
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "lim", NewClusterIdentifier: "renamed" }));
    assert.equal((await describeAll(c, { ClusterIdentifier: "renamed" }))[0]!.UsageLimitId, a.UsageLimitId);
  });

  it("usage limits are taggable by ARN (CreateTags, DescribeTags with ResourceType usagelimit)", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "lim");
    const a = await create(c);
    const arn = `arn:aws:redshift:us-east-1:${GRANTOR}:usagelimit:${a.UsageLimitId}`;
    await c.redshift.send(new CreateTagsCommand({ ResourceName: arn, Tags: [{ Key: "team", Value: "data" }] }));
    const tagged = await c.redshift.send(new DescribeTagsCommand({ ResourceType: "usagelimit" }));
    assert.deepEqual(tagged.TaggedResources!.map((t) => [t.ResourceName, t.ResourceType, t.Tag?.Key]), [[arn, "usagelimit", "team"]]);
    assert.deepEqual((await describeAll(c, { TagKeys: ["team"] })).map((l) => l.UsageLimitId), [a.UsageLimitId]);
  });
});
