/**
 * Modelled errors of the issue-8 operations that the per-resource suites did not assert (found by
 * test/api/error-audit.test.ts, which maps every modelled error to the test that covers it), each
 * with its HTTP status and its place in the order of checks.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateScheduledActionCommand,
  CreateSnapshotScheduleCommand,
  DeleteAuthenticationProfileCommand,
  DescribeClusterParameterGroupsCommand,
  DescribeClustersCommand,
  DescribeClusterSubnetGroupsCommand,
  DescribeSnapshotSchedulesCommand,
  DescribeTagsCommand,
  ModifyScheduledActionCommand,
} from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, expectAwsError } from "../helpers.js";
import { clockedServer, createCluster } from "../fixtures/clusters-world.js";

const fiftyOne = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));

describe("modelled errors, in order", () => {
  it("CreateSnapshotSchedule: bad tags are InvalidTagFault and more than 50 TagLimitExceededFault, after the definitions and before the duplicate check", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    const create = (id: string, extra: Partial<ConstructorParameters<typeof CreateSnapshotScheduleCommand>[0]>) =>
      c.redshift.send(new CreateSnapshotScheduleCommand({ ScheduleIdentifier: id, ScheduleDefinitions: ["rate(12 hours)"], ...extra }));
    await expectAwsError(create("s", { Tags: [{ Key: "aws:owner", Value: "x" }] }), "InvalidTagFault", 400);
    await expectAwsError(create("s", { Tags: [{ Key: "", Value: "x" }] }), "InvalidTagFault", 400);
    await expectAwsError(create("s", { Tags: [{ Key: "k", Value: "v".repeat(257) }] }), "InvalidTagFault", 400);
    await expectAwsError(create("s", { Tags: fiftyOne }), "TagLimitExceededFault", 400);
    await expectAwsError(create("s", { Tags: fiftyOne, ScheduleDefinitions: ["rate(2 days)"] }), "InvalidScheduleFault", 400);
    await create("s", { Tags: fiftyOne.slice(0, 50) });
    await expectAwsError(create("s", { Tags: fiftyOne }), "TagLimitExceededFault", 400);
    await expectAwsError(create("s", {}), "SnapshotScheduleAlreadyExistsFault", 400);
    assert.equal((await c.redshift.send(new DescribeSnapshotSchedulesCommand({}))).SnapshotSchedules!.length, 1);
  });

  it("Describe calls whose model lists InvalidTagFault: a TagKeys entry no tag could have (empty, over 128) or a TagValues entry over 256 is InvalidTagFault, before any lookup", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    const bad = [{ TagKeys: [""] }, { TagKeys: ["k".repeat(129)] }, { TagValues: ["v".repeat(257)] }];
    for (const filter of bad) {
      await expectAwsError(c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "missing", ...filter })), "InvalidTagFault", 400);
      await expectAwsError(c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "missing", ...filter })), "InvalidTagFault", 400);
      await expectAwsError(c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "missing", ...filter })), "InvalidTagFault", 400);
      await expectAwsError(c.redshift.send(new DescribeTagsCommand({ ResourceType: "cluster", ...filter })), "InvalidTagFault", 400);
    }
    // Valid filters still answer; the lookups come after the filter check.
    await expectAwsError(c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "missing", TagKeys: ["k".repeat(128)] })), "ClusterNotFoundFault", 404);
    await expectAwsError(c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "missing", TagValues: [""] })), "ClusterParameterGroupNotFoundFault", 404);
    assert.deepEqual((await c.redshift.send(new DescribeTagsCommand({ TagKeys: ["env"], TagValues: ["v".repeat(256)] }))).TaggedResources ?? [], []);
    // DescribeTags checks MaxRecords first.
    await expectAwsError(c.redshift.send(new DescribeTagsCommand({ MaxRecords: 5, TagKeys: [""] })), "InvalidParameterValue", 400);
  });

  it("DeleteAuthenticationProfile: an invalid name is InvalidAuthenticationProfileRequestFault (before the lookup), an unknown one AuthenticationProfileNotFoundFault (404)", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    const del = (name: string) => c.redshift.send(new DeleteAuthenticationProfileCommand({ AuthenticationProfileName: name }));
    await expectAwsError(del("not_valid!"), "InvalidAuthenticationProfileRequestFault", 400);
    await expectAwsError(del("p".repeat(64)), "InvalidAuthenticationProfileRequestFault", 400);
    await expectAwsError(del("missing"), "AuthenticationProfileNotFoundFault", 404);
  });

  it("ModifyScheduledAction: ScheduledActionNotFound first, then InvalidScheduledAction (target, times), InvalidSchedule, then ClusterNotFound (404) for a target cluster that does not exist", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await c.redshift.send(
      new CreateScheduledActionCommand({
        ScheduledActionName: "a",
        TargetAction: { PauseCluster: { ClusterIdentifier: "wh" } },
        Schedule: "cron(0 20 * * ? *)",
        IamRole: `arn:aws:iam::${GRANTOR}:role/Scheduler`,
      }),
    );
    const modify = (input: Omit<ConstructorParameters<typeof ModifyScheduledActionCommand>[0], "ScheduledActionName">, name = "a") =>
      c.redshift.send(new ModifyScheduledActionCommand({ ScheduledActionName: name, ...input }));
    const missing = { TargetAction: { PauseCluster: { ClusterIdentifier: "missing" } } };
    const two = { TargetAction: { PauseCluster: { ClusterIdentifier: "missing" }, ResumeCluster: { ClusterIdentifier: "missing" } } };
    await expectAwsError(modify(two, "nope"), "ScheduledActionNotFoundFault", 400);
    await expectAwsError(modify({ ...two, Schedule: "rate(1 day)" }), "InvalidScheduledActionFault", 400);
    await expectAwsError(modify({ ...missing, Schedule: "rate(1 day)" }), "InvalidScheduleFault", 400);
    await expectAwsError(modify({ ...missing, StartTime: new Date(Date.UTC(2026, 1, 1)), EndTime: new Date(Date.UTC(2026, 0, 1)) }), "InvalidScheduledActionFault", 400);
    await expectAwsError(modify(missing), "ClusterNotFoundFault", 404);
    const kept = await modify({});
    assert.deepEqual(kept.TargetAction, { PauseCluster: { ClusterIdentifier: "wh" } }, "a refused change leaves the action as it was");
  });
});
