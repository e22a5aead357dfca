import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterCommand,
  CreateClusterParameterGroupCommand,
  DeleteClusterCommand,
  DeleteClusterParameterGroupCommand,
  ModifyClusterCommand,
  ModifyClusterParameterGroupCommand,
  RebootClusterCommand,
  ResetClusterParameterGroupCommand,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";
import { clockedServer, clusterInput, createCluster, describeCluster } from "../fixtures/clusters-world.js";

const create = (name: string) => new CreateClusterParameterGroupCommand({ ParameterGroupName: name, ParameterGroupFamily: "redshift-1.0", Description: "d" });
const setParam = (group: string, name: string, value: string) =>
  new ModifyClusterParameterGroupCommand({ ParameterGroupName: group, Parameters: [{ ParameterName: name, ParameterValue: value }] });

describe("Clusters and their parameter group", () => {
  it("CreateCluster: names a group in any case; the cluster reports it lower-cased, in-sync, with every parameter's status", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("etl-params"));
    const cl = await createCluster(c, "wh", { ClusterParameterGroupName: "ETL-Params" });
    const status = cl.ClusterParameterGroups![0]!;
    assert.equal(status.ParameterGroupName, "etl-params");
    assert.equal(status.ParameterApplyStatus, "in-sync");
    assert.equal(status.ClusterParameterStatusList!.length, 14);
    assert.deepEqual(status.ClusterParameterStatusList![0], { ParameterName: "auto_analyze", ParameterApplyStatus: "in-sync" });
    assert.ok(status.ClusterParameterStatusList!.every((p) => p.ParameterApplyStatus === "in-sync"));
  });

  it("CreateCluster: an unknown or foreign group is ClusterParameterGroupNotFound (404) and no cluster is created", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(new CreateClusterCommand(clusterInput("wh", { ClusterParameterGroupName: "missing" }))), "ClusterParameterGroupNotFoundFault", 404);
    await clientsFor(rs.url, GRANTEE).redshift.send(create("theirs"));
    await expectAwsError(c.redshift.send(new CreateClusterCommand(clusterInput("wh", { ClusterParameterGroupName: "theirs" }))), "ClusterParameterGroupNotFoundFault", 404);
    await createCluster(c, "wh");
  });

  it("ModifyCluster: moving to another group is pending-reboot (every parameter) until RebootCluster completes", async () => {
    const { rs, clock } = await clockedServer({ delays: { "cluster-reboot": 60_000 } });
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("next"));
    await createCluster(c, "wh");
    const out = (await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", ClusterParameterGroupName: "Next" }))).Cluster!;
    const status = out.ClusterParameterGroups![0]!;
    assert.equal(status.ParameterGroupName, "next");
    assert.equal(status.ParameterApplyStatus, "pending-reboot");
    assert.ok(status.ClusterParameterStatusList!.every((p) => p.ParameterApplyStatus === "pending-reboot"));
    assert.equal((await describeCluster(c, "wh")).ClusterParameterGroups![0]!.ParameterApplyStatus, "pending-reboot");
    await c.redshift.send(new RebootClusterCommand({ ClusterIdentifier: "wh" }));
    assert.equal((await describeCluster(c, "wh")).ClusterParameterGroups![0]!.ParameterApplyStatus, "pending-reboot", "still rebooting");
    clock.advance(60_000);
    const after = await describeCluster(c, "wh");
    assert.equal(after.ClusterStatus, "available");
    assert.equal(after.ClusterParameterGroups![0]!.ParameterApplyStatus, "in-sync");
    assert.ok(after.ClusterParameterGroups![0]!.ClusterParameterStatusList!.every((p) => p.ParameterApplyStatus === "in-sync"));
  });

  it("ModifyCluster: naming the group the cluster already has changes nothing (in-sync); back to the default group is pending-reboot with an empty status list", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("same"));
    await createCluster(c, "wh", { ClusterParameterGroupName: "same" });
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", ClusterParameterGroupName: "SAME" }));
    assert.equal((await describeCluster(c, "wh")).ClusterParameterGroups![0]!.ParameterApplyStatus, "in-sync");
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", ClusterParameterGroupName: "default.redshift-1.0" }));
    assert.deepEqual((await describeCluster(c, "wh")).ClusterParameterGroups, [
      { ParameterGroupName: "default.redshift-1.0", ParameterApplyStatus: "pending-reboot", ClusterParameterStatusList: [] },
    ]);
  });

  it("ModifyCluster: an unknown group is ClusterParameterGroupNotFound (404) and the cluster keeps its group", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await expectAwsError(c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", ClusterParameterGroupName: "nope" })), "ClusterParameterGroupNotFoundFault", 404);
    const cl = await describeCluster(c, "wh");
    assert.equal(cl.ClusterStatus, "available");
    assert.equal(cl.ClusterParameterGroups![0]!.ParameterGroupName, "default.redshift-1.0");
  });

  it("ModifyClusterParameterGroup: a static parameter makes the group's clusters pending-reboot for that parameter; a dynamic one applies at once", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("shared"));
    await createCluster(c, "one", { ClusterParameterGroupName: "shared" });
    await createCluster(c, "two", { ClusterParameterGroupName: "shared" });
    await createCluster(c, "other");
    await c.redshift.send(setParam("shared", "max_concurrency_scaling_clusters", "4"));
    assert.equal((await describeCluster(c, "one")).ClusterParameterGroups![0]!.ParameterApplyStatus, "in-sync");
    await c.redshift.send(setParam("shared", "require_ssl", "true"));
    for (const id of ["one", "two"]) {
      const status = (await describeCluster(c, id)).ClusterParameterGroups![0]!;
      assert.equal(status.ParameterApplyStatus, "pending-reboot", id);
      const pending = status.ClusterParameterStatusList!.filter((p) => p.ParameterApplyStatus === "pending-reboot").map((p) => p.ParameterName);
      assert.deepEqual(pending, ["require_ssl"], id);
    }
    assert.equal((await describeCluster(c, "other")).ClusterParameterGroups![0]!.ParameterApplyStatus, "in-sync");
    await c.redshift.send(new RebootClusterCommand({ ClusterIdentifier: "one" }));
    assert.equal((await describeCluster(c, "one")).ClusterParameterGroups![0]!.ParameterApplyStatus, "in-sync");
    assert.equal((await describeCluster(c, "two")).ClusterParameterGroups![0]!.ParameterApplyStatus, "pending-reboot");
  });

  it("ResetClusterParameterGroup: resetting a changed static parameter makes the clusters pending-reboot; resetting what is already default does not", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("p"));
    await createCluster(c, "wh", { ClusterParameterGroupName: "p" });
    await c.redshift.send(new ResetClusterParameterGroupCommand({ ParameterGroupName: "p", ResetAllParameters: true }));
    assert.equal((await describeCluster(c, "wh")).ClusterParameterGroups![0]!.ParameterApplyStatus, "in-sync");
    await c.redshift.send(setParam("p", "search_path", "etl, public"));
    await c.redshift.send(new RebootClusterCommand({ ClusterIdentifier: "wh" }));
    assert.equal((await describeCluster(c, "wh")).ClusterParameterGroups![0]!.ParameterApplyStatus, "in-sync");
    await c.redshift.send(new ResetClusterParameterGroupCommand({ ParameterGroupName: "p", Parameters: [{ ParameterName: "search_path" }] }));
    assert.equal((await describeCluster(c, "wh")).ClusterParameterGroups![0]!.ParameterApplyStatus, "pending-reboot");
  });

  it("DeleteClusterParameterGroup: a group a cluster uses is InvalidClusterParameterGroupState until the cluster is gone", async () => {
    const { rs, clock } = await clockedServer({ delays: { "cluster-delete": 60_000 } });
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("used"));
    await createCluster(c, "wh", { ClusterParameterGroupName: "used" });
    const del = () => c.redshift.send(new DeleteClusterParameterGroupCommand({ ParameterGroupName: "used" }));
    const err = await expectAwsError(del(), "InvalidClusterParameterGroupStateFault", 400);
    assert.match(err.message, /in use/);
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true }));
    await expectAwsError(del(), "InvalidClusterParameterGroupStateFault", 400);
    clock.advance(60_000);
    await del();
  });
});
