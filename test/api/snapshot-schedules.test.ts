import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateSnapshotScheduleCommand,
  CreateTagsCommand,
  DeleteClusterCommand,
  DeleteSnapshotScheduleCommand,
  DescribeSnapshotSchedulesCommand,
  DescribeTagsCommand,
  ModifyClusterSnapshotScheduleCommand,
  ModifySnapshotScheduleCommand,
  type CreateSnapshotScheduleCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster, describeCluster } from "../fixtures/clusters-world.js";

const associate = (c: Clients, cluster: string, schedule: string) =>
  c.redshift.send(new ModifyClusterSnapshotScheduleCommand({ ClusterIdentifier: cluster, ScheduleIdentifier: schedule }));

const create = (id: string, overrides: Partial<CreateSnapshotScheduleCommandInput> = {}) =>
  new CreateSnapshotScheduleCommand({ ScheduleIdentifier: id, ScheduleDefinitions: ["rate(12 hours)"], ...overrides });
const describeAll = (c: Clients, input: ConstructorParameters<typeof DescribeSnapshotSchedulesCommand>[0] = {}) =>
  c.redshift.send(new DescribeSnapshotSchedulesCommand(input));

describe("CreateSnapshotSchedule", () => {
  it("answers the schedule with its next invocations on the server's clock (START is 2026-01-05T10:00Z)", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    const out = await c.redshift.send(
      create("Nightly", { ScheduleDescription: "twice a day", Tags: [{ Key: "env", Value: "prod" }], NextInvocations: 2 }),
    );
    assert.equal(out.ScheduleIdentifier, "nightly");
    assert.deepEqual(out.ScheduleDefinitions, ["rate(12 hours)"]);
    assert.equal(out.ScheduleDescription, "twice a day");
    assert.deepEqual(out.Tags, [{ Key: "env", Value: "prod" }]);
    assert.deepEqual(out.NextInvocations?.map((d) => d.toISOString()), ["2026-01-05T22:00:00.000Z", "2026-01-06T10:00:00.000Z"]);
    assert.equal(out.AssociatedClusterCount, 0);
    assert.deepEqual(out.AssociatedClusters ?? [], []);
  });

  it("takes L, W and # next to a daily definition; alone (monthly or weekly) they are InvalidSchedule", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    const out = await c.redshift.send(create("month-end", { ScheduleDefinitions: ["cron(0 0 *)", "cron(0 12 L * ? *)"], NextInvocations: 60 }));
    const times = out.NextInvocations!.map((d) => d.toISOString());
    assert.ok(times.includes("2026-01-31T12:00:00.000Z") && times.includes("2026-02-28T12:00:00.000Z"), times.join());
    assert.ok(!times.includes("2026-01-30T12:00:00.000Z"));
    for (const lone of ["cron(0 12 L * ? *)", "cron(0 12 ? * 6L *)", "cron(0 12 ? * 3#2 *)", "cron(0 12 15W * ? *)"]) {
      await expectAwsError(c.redshift.send(create("lone", { ScheduleDefinitions: [lone] })), "InvalidScheduleFault", 400);
    }
  });

  it("the wire answer is <CreateSnapshotScheduleResult><ScheduleDefinitions><ScheduleDefinition>", async () => {
    await using rs = await startServer({ defaultAccount: GRANTOR });
    const res = await rawPost(
      rs.url,
      "Action=CreateSnapshotSchedule&Version=2012-12-01&ScheduleIdentifier=raw&ScheduleDefinitions.ScheduleDefinition.1=cron(30%2012%20*)",
    );
    assert.equal(res.status, 200);
    assert.match(res.text, /<CreateSnapshotScheduleResult><ScheduleDefinitions><ScheduleDefinition>cron\(30 12 \*\)<\/ScheduleDefinition>/);
    assert.match(res.text, /<NextInvocations><SnapshotTime>/);
  });

  it("DryRun checks everything and stores nothing", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const out = await c.redshift.send(create("dry", { DryRun: true }));
    assert.equal(out.ScheduleIdentifier, "dry");
    assert.deepEqual((await describeAll(c)).SnapshotSchedules ?? [], []);
    await expectAwsError(c.redshift.send(create("dry", { DryRun: true, ScheduleDefinitions: ["rate(5 days)"] })), "InvalidScheduleFault", 400);
  });

  describe("errors, in order", () => {
    it("a missing or malformed identifier is InvalidParameterValue (before the definitions)", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const id of [undefined, "", "has_underscore", "a b", "a".repeat(256)]) {
        await expectAwsError(c.redshift.send(create(id as string, { ScheduleDefinitions: ["bad"] })), "InvalidParameterValue", 400);
      }
    });

    it("a definition of another type is ScheduleDefinitionTypeUnsupported; a bad rate or cron is InvalidSchedule", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(c.redshift.send(create("s", { ScheduleDefinitions: ["at(2026-01-01T00:00:00)"] })), "ScheduleDefinitionTypeUnsupportedFault", 400);
      for (const defs of [[], ["rate(30 minutes)"], ["rate(2 days)"], ["cron(*/5 * *)"], ["cron(0 12 *)", "cron(30 12 *)"], ["nonsense"]]) {
        const err = await expectAwsError(c.redshift.send(create("s", { ScheduleDefinitions: defs })), "InvalidScheduleFault", 400);
        assert.match(err.message, /Invalid schedule definition/);
      }
    });

    it("NextInvocations outside 1–100 is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const n of [0, 101]) await expectAwsError(c.redshift.send(create("s", { NextInvocations: n })), "InvalidParameterValue", 400);
    });

    it("an existing identifier (any case) is SnapshotScheduleAlreadyExists", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await c.redshift.send(create("dup"));
      await expectAwsError(c.redshift.send(create("DUP")), "SnapshotScheduleAlreadyExistsFault", 400);
    });

    it("past the schedules-per-account quota is SnapshotScheduleQuotaExceeded; other accounts are unaffected", async () => {
      await using rs = await startServer({ quotas: { "snapshot-schedules-per-account": 2 } });
      const c = clientsFor(rs.url, GRANTOR);
      await c.redshift.send(create("a"));
      await c.redshift.send(create("b"));
      await expectAwsError(c.redshift.send(create("c")), "SnapshotScheduleQuotaExceededFault", 400);
      await clientsFor(rs.url, GRANTEE).redshift.send(create("c"));
    });
  });
});

describe("DescribeSnapshotSchedules", () => {
  it("lists the caller's schedules in creation order; by identifier; by cluster; by tags", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("one", { Tags: [{ Key: "team", Value: "a" }] }));
    await c.redshift.send(create("two", { Tags: [{ Key: "team", Value: "b" }] }));
    await createCluster(c, "wh");
    await associate(c, "wh", "two");
    const ids = (out: { SnapshotSchedules?: { ScheduleIdentifier?: string }[] }) => (out.SnapshotSchedules ?? []).map((s) => s.ScheduleIdentifier);
    assert.deepEqual(ids(await describeAll(c)), ["one", "two"]);
    assert.deepEqual(ids(await describeAll(c, { ScheduleIdentifier: "ONE" })), ["one"]);
    assert.deepEqual(ids(await describeAll(c, { ScheduleIdentifier: "nope" })), []);
    assert.deepEqual(ids(await describeAll(c, { ClusterIdentifier: "WH" })), ["two"]);
    assert.deepEqual(ids(await describeAll(c, { ClusterIdentifier: "wh", ScheduleIdentifier: "one" })), []);
    assert.deepEqual(ids(await describeAll(c, { ClusterIdentifier: "unknown" })), []);
    assert.deepEqual(ids(await describeAll(c, { TagKeys: ["team"], TagValues: ["b"] })), ["two"]);
    const two = (await describeAll(c, { ScheduleIdentifier: "two" })).SnapshotSchedules![0]!;
    assert.equal(two.AssociatedClusterCount, 1);
    assert.deepEqual(two.AssociatedClusters, [{ ClusterIdentifier: "wh", ScheduleAssociationState: "ACTIVE" }]);
    assert.deepEqual(ids(await describeAll(clientsFor(rs.url, GRANTEE))), [], "another account sees none of them");
  });

  it("pages with MaxRecords and Marker; MaxRecords outside 20–100 is InvalidParameterValue", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    for (let i = 0; i < 25; i++) await c.redshift.send(create(`s${String(i).padStart(2, "0")}`));
    const first = await describeAll(c, { MaxRecords: 20 });
    assert.equal(first.SnapshotSchedules!.length, 20);
    assert.ok(first.Marker);
    const second = await describeAll(c, { MaxRecords: 20, Marker: first.Marker });
    assert.deepEqual(second.SnapshotSchedules!.map((s) => s.ScheduleIdentifier), ["s20", "s21", "s22", "s23", "s24"]);
    assert.equal(second.Marker, undefined);
    await expectAwsError(describeAll(c, { MaxRecords: 19 }), "InvalidParameterValue", 400);
  });

  it("NextInvocations follow the clock", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("daily", { ScheduleDefinitions: ["cron(30 12 *)"] }));
    const times = async () => (await describeAll(c)).SnapshotSchedules![0]!.NextInvocations!.map((d) => d.toISOString());
    assert.deepEqual(await times(), ["2026-01-05T12:30:00.000Z", "2026-01-06T12:30:00.000Z", "2026-01-07T12:30:00.000Z"]);
    clock.advance(3 * 3_600_000);
    assert.deepEqual(await times(), ["2026-01-06T12:30:00.000Z", "2026-01-07T12:30:00.000Z", "2026-01-08T12:30:00.000Z"]);
  });
});

describe("ModifySnapshotSchedule", () => {
  it("replaces the definitions; the rate counts from the modification", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("s", { ScheduleDescription: "kept" }));
    clock.advance(90 * 60_000);
    const out = await c.redshift.send(new ModifySnapshotScheduleCommand({ ScheduleIdentifier: "S", ScheduleDefinitions: ["rate(8 hours)"] }));
    assert.deepEqual(out.ScheduleDefinitions, ["rate(8 hours)"]);
    assert.equal(out.ScheduleDescription, "kept");
    assert.equal(out.NextInvocations![0]!.toISOString(), "2026-01-05T19:00:00.000Z");
  });

  it("errors in order: InvalidSchedule (before the lookup), then SnapshotScheduleNotFound", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(new ModifySnapshotScheduleCommand({ ScheduleIdentifier: "nope", ScheduleDefinitions: ["rate(1 minute)"] })), "InvalidScheduleFault", 400);
    await expectAwsError(c.redshift.send(new ModifySnapshotScheduleCommand({ ScheduleIdentifier: "nope", ScheduleDefinitions: ["rate(1 hour)"] })), "SnapshotScheduleNotFoundFault", 400);
  });
});

describe("DeleteSnapshotSchedule", () => {
  it("removes an unused schedule; unknown is SnapshotScheduleNotFound; one in use is InvalidClusterSnapshotScheduleState", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("free"));
    await c.redshift.send(new DeleteSnapshotScheduleCommand({ ScheduleIdentifier: "FREE" }));
    await expectAwsError(c.redshift.send(new DeleteSnapshotScheduleCommand({ ScheduleIdentifier: "free" })), "SnapshotScheduleNotFoundFault", 400);
    await c.redshift.send(create("used"));
    await createCluster(c, "wh");
    await associate(c, "wh", "used");
    await expectAwsError(c.redshift.send(new DeleteSnapshotScheduleCommand({ ScheduleIdentifier: "used" })), "InvalidClusterSnapshotScheduleStateFault", 400);
  });

  it("a deleted cluster no longer holds the schedule", async () => {
    const { rs } = await clockedServer({ delays: { "cluster-delete": 0 } });
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("s"));
    await createCluster(c, "wh");
    await associate(c, "wh", "s");
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true }));
    await c.redshift.send(new DeleteSnapshotScheduleCommand({ ScheduleIdentifier: "s" }));
  });
});

describe("snapshot schedule tags", () => {
  it("CreateTags/DescribeTags address a schedule by its snapshotschedule ARN", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("s"));
    const arn = `arn:aws:redshift:us-east-1:${GRANTOR}:snapshotschedule:s`;
    await c.redshift.send(new CreateTagsCommand({ ResourceName: arn, Tags: [{ Key: "k", Value: "v" }] }));
    const out = await c.redshift.send(new DescribeTagsCommand({ ResourceType: "snapshotschedule" }));
    assert.deepEqual(out.TaggedResources, [{ ResourceName: arn, ResourceType: "snapshotschedule", Tag: { Key: "k", Value: "v" } }]);
    assert.deepEqual((await describeAll(c)).SnapshotSchedules![0]!.Tags, [{ Key: "k", Value: "v" }]);
  });
});

describe("ModifyClusterSnapshotSchedule", () => {
  it("associates, replaces and disassociates; clusters report SnapshotScheduleIdentifier and SnapshotScheduleState", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("a"));
    await c.redshift.send(create("b"));
    const created = await createCluster(c, "wh");
    assert.equal(created.SnapshotScheduleIdentifier, undefined);
    await associate(c, "WH", "A");
    let cluster = await describeCluster(c, "wh");
    assert.equal(cluster.SnapshotScheduleIdentifier, "a");
    assert.equal(cluster.SnapshotScheduleState, "ACTIVE");
    await associate(c, "wh", "b");
    assert.equal((await describeCluster(c, "wh")).SnapshotScheduleIdentifier, "b");
    assert.equal((await describeAll(c, { ScheduleIdentifier: "a" })).SnapshotSchedules![0]!.AssociatedClusterCount, 0);
    await c.redshift.send(new ModifyClusterSnapshotScheduleCommand({ ClusterIdentifier: "wh", DisassociateSchedule: true }));
    cluster = await describeCluster(c, "wh");
    assert.equal(cluster.SnapshotScheduleIdentifier, undefined);
    assert.equal(cluster.SnapshotScheduleState, undefined);
  });

  it("errors in order: ClusterNotFound, neither identifier nor DisassociateSchedule, SnapshotScheduleNotFound, InvalidClusterSnapshotScheduleState", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const send = (input: { ClusterIdentifier: string; ScheduleIdentifier?: string; DisassociateSchedule?: boolean }) =>
      c.redshift.send(new ModifyClusterSnapshotScheduleCommand(input));
    await expectAwsError(send({ ClusterIdentifier: "nope", ScheduleIdentifier: "nope" }), "ClusterNotFoundFault", 404);
    await createCluster(c, "wh");
    await expectAwsError(send({ ClusterIdentifier: "wh" }), "InvalidParameterCombination", 400);
    await expectAwsError(send({ ClusterIdentifier: "wh", ScheduleIdentifier: "nope" }), "SnapshotScheduleNotFoundFault", 400);
    await expectAwsError(send({ ClusterIdentifier: "wh", DisassociateSchedule: true }), "InvalidClusterSnapshotScheduleStateFault", 400);
    await c.redshift.send(create("s"));
    await associate(c, "wh", "s");
    await expectAwsError(associate(c, "wh", "s"), "InvalidClusterSnapshotScheduleStateFault", 400);
  });

  it("DisassociateSchedule with the cluster's own ScheduleIdentifier removes the association; another schedule's identifier is InvalidClusterSnapshotScheduleState", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const send = (input: { ClusterIdentifier: string; ScheduleIdentifier?: string; DisassociateSchedule?: boolean }) =>
      c.redshift.send(new ModifyClusterSnapshotScheduleCommand(input));
    await createCluster(c, "wh");
    await c.redshift.send(create("s"));
    await c.redshift.send(create("other"));
    await associate(c, "wh", "s");
    await expectAwsError(send({ ClusterIdentifier: "wh", ScheduleIdentifier: "other", DisassociateSchedule: true }), "InvalidClusterSnapshotScheduleStateFault", 400);
    assert.equal((await describeCluster(c, "wh")).SnapshotScheduleIdentifier, "s");
    await send({ ClusterIdentifier: "wh", ScheduleIdentifier: "S", DisassociateSchedule: true });
    assert.equal((await describeCluster(c, "wh")).SnapshotScheduleIdentifier, undefined);
    await expectAwsError(send({ ClusterIdentifier: "wh", ScheduleIdentifier: "s", DisassociateSchedule: true }), "InvalidClusterSnapshotScheduleStateFault", 400);
  });

  it("another account's schedule or cluster is not found", async () => {
    await using rs = await startServer();
    const owner = clientsFor(rs.url, GRANTOR);
    const other = clientsFor(rs.url, GRANTEE);
    await owner.redshift.send(create("s"));
    await createCluster(owner, "wh");
    await createCluster(other, "theirs");
    await expectAwsError(associate(other, "wh", "s"), "ClusterNotFoundFault", 404);
    await expectAwsError(associate(other, "theirs", "s"), "SnapshotScheduleNotFoundFault", 400);
  });
});
