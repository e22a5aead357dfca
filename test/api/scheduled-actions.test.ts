import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateScheduledActionCommand,
  DeleteScheduledActionCommand,
  DescribeScheduledActionsCommand,
  ModifyScheduledActionCommand,
  type CreateScheduledActionCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster, describeCluster } from "../fixtures/clusters-world.js";

const ROLE = `arn:aws:iam::${GRANTOR}:role/Scheduler`;
const HOUR = 3_600_000;
const create = (name: string, overrides: Partial<CreateScheduledActionCommandInput> = {}) =>
  new CreateScheduledActionCommand({
    ScheduledActionName: name,
    TargetAction: { PauseCluster: { ClusterIdentifier: "wh" } },
    Schedule: "at(2026-01-05T11:00:00)",
    IamRole: ROLE,
    ...overrides,
  });
const describeAll = (c: Clients, input: ConstructorParameters<typeof DescribeScheduledActionsCommand>[0] = {}) =>
  c.redshift.send(new DescribeScheduledActionsCommand(input));

describe("scheduled actions run on the server's clock (START is 2026-01-05T10:00Z)", () => {
  it("an at() PauseCluster action pauses the cluster once its time has passed, then has no next invocation", async () => {
    const { rs, clock } = await clockedServer({ delays: { "cluster-pause": 60_000 } });
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    const out = await c.redshift.send(create("Pause-Tonight", { ScheduledActionDescription: "night" }));
    assert.equal(out.ScheduledActionName, "Pause-Tonight");
    assert.deepEqual(out.TargetAction, { PauseCluster: { ClusterIdentifier: "wh" } });
    assert.equal(out.State, "ACTIVE");
    assert.deepEqual(out.NextInvocations?.map((d) => d.toISOString()), ["2026-01-05T11:00:00.000Z"]);
    clock.advance(HOUR - 1);
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "available");
    clock.advance(1);
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "pausing");
    clock.advance(60_000);
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "paused");
    assert.deepEqual((await describeAll(c)).ScheduledActions![0]!.NextInvocations ?? [], []);
  });

  it("a cron ResumeCluster action resumes a paused cluster; a PauseCluster one pauses it again the next day", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await c.redshift.send(create("pause", { Schedule: "cron(0 20 * * ? *)" }));
    await c.redshift.send(create("resume", { Schedule: "cron(0 8 * * ? *)", TargetAction: { ResumeCluster: { ClusterIdentifier: "wh" } } }));
    clock.advance(10 * HOUR + 1); // 20:00:00.001
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "paused");
    clock.advance(12 * HOUR); // 08:00 the next day
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "available");
    const pause = (await describeAll(c, { ScheduledActionName: "pause" })).ScheduledActions![0]!;
    assert.equal(pause.NextInvocations![0]!.toISOString(), "2026-01-06T20:00:00.000Z");
    clock.advance(12 * HOUR);
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "paused");
  });

  it("cron with L, W and # (the EventBridge wildcards): a pause on the last Friday of each month runs on that day", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    const out = await c.redshift.send(create("Month-End", { Schedule: "cron(0 18 ? * 6L *)" }));
    assert.deepEqual(out.NextInvocations?.map((d) => d.toISOString()), ["2026-01-30T18:00:00.000Z", "2026-02-27T18:00:00.000Z", "2026-03-27T18:00:00.000Z"]);
    clock.advance(Date.UTC(2026, 0, 30, 18) - Date.UTC(2026, 0, 5, 10) - 1);
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "available", "not on the other Fridays");
    clock.advance(1);
    assert.notEqual((await describeCluster(c, "wh")).ClusterStatus, "available");
    const second = await c.redshift.send(create("Second-Tuesday", { Schedule: "cron(0 9 ? * 3#2 *)", TargetAction: { ResumeCluster: { ClusterIdentifier: "wh" } } }));
    assert.deepEqual(second.NextInvocations?.map((d) => d.toISOString()), ["2026-02-10T09:00:00.000Z", "2026-03-10T09:00:00.000Z", "2026-04-14T09:00:00.000Z"]);
    const weekday = await c.redshift.send(create("Mid-Month", { Schedule: "cron(0 9 15W * ? 2026)", TargetAction: { ResumeCluster: { ClusterIdentifier: "wh" } } }));
    assert.equal(weekday.NextInvocations![0]!.toISOString(), "2026-02-16T09:00:00.000Z", "15 February 2026 is a Sunday: Monday the 16th");
    await expectAwsError(c.redshift.send(create("Bad", { Schedule: "cron(0 9 ? * 3#1,6#3 *)" })), "InvalidScheduleFault", 400);
  });

  it("a disabled action does nothing and lists no next invocation; enabling it again schedules it", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    const out = await c.redshift.send(create("off", { Enable: false, Schedule: "cron(0 12 * * ? *)" }));
    assert.equal(out.State, "DISABLED");
    assert.deepEqual(out.NextInvocations ?? [], []);
    clock.advance(3 * HOUR);
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "available");
    const on = await c.redshift.send(new ModifyScheduledActionCommand({ ScheduledActionName: "off", Enable: true }));
    assert.equal(on.State, "ACTIVE");
    assert.equal(on.NextInvocations![0]!.toISOString(), "2026-01-06T12:00:00.000Z");
  });

  it("a run the cluster's state does not allow is skipped (resume of an available cluster); the action carries on", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await c.redshift.send(create("resume", { Schedule: "cron(0 11 * * ? *)", TargetAction: { ResumeCluster: { ClusterIdentifier: "wh" } } }));
    clock.advance(HOUR);
    assert.equal((await describeCluster(c, "wh")).ClusterStatus, "available");
    assert.equal((await describeAll(c)).ScheduledActions![0]!.NextInvocations![0]!.toISOString(), "2026-01-06T11:00:00.000Z");
  });

  it("a ResizeCluster action changes the node count through the cluster's modify transition", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh", { NumberOfNodes: 2, ClusterType: "multi-node" });
    await c.redshift.send(create("grow", { TargetAction: { ResizeCluster: { ClusterIdentifier: "wh", NumberOfNodes: 4 } } }));
    clock.advance(HOUR);
    assert.equal((await describeCluster(c, "wh")).NumberOfNodes, 4);
  });

  it("StartTime and EndTime bound the invocations", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    const out = await c.redshift.send(
      create("window", { Schedule: "cron(0 12 * * ? *)", StartTime: new Date("2026-01-07T00:00:00Z"), EndTime: new Date("2026-01-08T23:00:00Z") }),
    );
    assert.deepEqual(out.NextInvocations?.map((d) => d.toISOString()), ["2026-01-07T12:00:00.000Z", "2026-01-08T12:00:00.000Z"]);
  });
});

describe("CreateScheduledAction errors, in order", () => {
  it("name, target, schedule, role, times, cluster, duplicate, quota", async () => {
    await using rs = await startServer({ quotas: { "scheduled-actions-per-account": 1 } });
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(create("bad_name", { Schedule: "nope" })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(create("a", { TargetAction: {}, Schedule: "nope" })), "MissingParameter", 400);
    await expectAwsError(
      c.redshift.send(create("a", { TargetAction: { PauseCluster: { ClusterIdentifier: "wh" }, ResumeCluster: { ClusterIdentifier: "wh" } } })),
      "InvalidScheduledActionFault",
      400,
    );
    for (const schedule of ["nope", "rate(1 hour)", "at(2026-02-30T00:00:00)", "cron(*/5 * * * ? *)", "cron(0 1 1 * MON *)"]) {
      await expectAwsError(c.redshift.send(create("a", { Schedule: schedule, IamRole: "bad" })), "InvalidScheduleFault", 400);
    }
    await expectAwsError(c.redshift.send(create("a", { IamRole: "arn:aws:iam::1:role/x" })), "InvalidParameterValue", 400);
    await expectAwsError(
      c.redshift.send(create("a", { StartTime: new Date("2026-02-01T00:00:00Z"), EndTime: new Date("2026-01-01T00:00:00Z") })),
      "InvalidScheduledActionFault",
      400,
    );
    await expectAwsError(c.redshift.send(create("a")), "ClusterNotFoundFault", 404);
    await createCluster(c, "wh");
    await c.redshift.send(create("a"));
    await expectAwsError(c.redshift.send(create("A")), "ScheduledActionAlreadyExistsFault", 400);
    await expectAwsError(c.redshift.send(create("b")), "ScheduledActionQuotaExceededFault", 400);
  });
});

describe("DescribeScheduledActions", () => {
  it("filters by name, target type, Active, cluster-identifier, iam-role and time window; pages; other accounts see nothing", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await createCluster(c, "etl");
    await c.redshift.send(create("p1"));
    await c.redshift.send(create("r1", { TargetAction: { ResumeCluster: { ClusterIdentifier: "ETL" } }, Enable: false }));
    const names = (out: { ScheduledActions?: { ScheduledActionName?: string }[] }) => (out.ScheduledActions ?? []).map((a) => a.ScheduledActionName);
    assert.deepEqual(names(await describeAll(c)), ["p1", "r1"]);
    assert.deepEqual(names(await describeAll(c, { ScheduledActionName: "R1" })), ["r1"]);
    assert.deepEqual(names(await describeAll(c, { TargetActionType: "ResumeCluster" })), ["r1"]);
    assert.deepEqual(names(await describeAll(c, { Active: true })), ["p1"]);
    assert.deepEqual(names(await describeAll(c, { Filters: [{ Name: "cluster-identifier", Values: ["etl"] }] })), ["r1"]);
    assert.deepEqual(names(await describeAll(c, { Filters: [{ Name: "iam-role", Values: [ROLE] }] })), ["p1", "r1"]);
    assert.deepEqual(names(await describeAll(c, { StartTime: new Date("2026-01-05T10:30:00Z"), EndTime: new Date("2026-01-05T11:30:00Z") })), ["p1"]);
    await expectAwsError(describeAll(c, { ScheduledActionName: "nope" }), "ScheduledActionNotFoundFault", 400);
    await expectAwsError(describeAll(c, { MaxRecords: 5 }), "InvalidParameterValue", 400);
    assert.deepEqual(names(await describeAll(clientsFor(rs.url, GRANTEE))), []);
  });
});

describe("DescribeScheduledActions pages", () => {
  it("MaxRecords and Marker walk the actions in creation order", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    for (let i = 0; i < 22; i++) await c.redshift.send(create(`a${String(i).padStart(2, "0")}`, { Schedule: "cron(0 3 * * ? *)" }));
    const first = await describeAll(c, { MaxRecords: 20 });
    assert.equal(first.ScheduledActions!.length, 20);
    assert.ok(first.Marker);
    const second = await describeAll(c, { MaxRecords: 20, Marker: first.Marker });
    assert.deepEqual(second.ScheduledActions!.map((a) => a.ScheduledActionName), ["a20", "a21"]);
    assert.equal(second.Marker, undefined);
  });
});

describe("ModifyScheduledAction / DeleteScheduledAction", () => {
  it("modify changes only what is given; delete removes; unknown names are ScheduledActionNotFound", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await c.redshift.send(create("a", { ScheduledActionDescription: "kept" }));
    const out = await c.redshift.send(new ModifyScheduledActionCommand({ ScheduledActionName: "a", Schedule: "cron(30 22 * * ? *)" }));
    assert.equal(out.Schedule, "cron(30 22 * * ? *)");
    assert.equal(out.ScheduledActionDescription, "kept");
    await expectAwsError(c.redshift.send(new ModifyScheduledActionCommand({ ScheduledActionName: "a", Schedule: "rate(1 day)" })), "InvalidScheduleFault", 400);
    await expectAwsError(c.redshift.send(new ModifyScheduledActionCommand({ ScheduledActionName: "nope" })), "ScheduledActionNotFoundFault", 400);
    await c.redshift.send(new DeleteScheduledActionCommand({ ScheduledActionName: "A" }));
    await expectAwsError(c.redshift.send(new DeleteScheduledActionCommand({ ScheduledActionName: "a" })), "ScheduledActionNotFoundFault", 400);
  });
});
