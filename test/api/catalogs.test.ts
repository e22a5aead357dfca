import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterCommand,
  DescribeClusterTracksCommand,
  DescribeClusterVersionsCommand,
  DescribeOrderableClusterOptionsCommand,
  paginateDescribeOrderableClusterOptions,
} from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";
import { clusterInput } from "../fixtures/clusters-world.js";
import { NODE_TYPE_NAMES } from "../../src/domain/clusters/node-types.js";

describe("DescribeClusterVersions", () => {
  it("DescribeClusterVersions: lists version 1.0 of family redshift-1.0 with its description", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const out = await c.redshift.send(new DescribeClusterVersionsCommand({}));
    assert.deepEqual(out.ClusterVersions, [{ ClusterVersion: "1.0", ClusterParameterGroupFamily: "redshift-1.0", Description: "Initial release of redshift" }]);
    assert.equal(out.Marker, undefined);
  });

  it("DescribeClusterVersions: ClusterVersion and ClusterParameterGroupFamily filter; a value no release has answers an empty list", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const count = async (input: object) => (await c.redshift.send(new DescribeClusterVersionsCommand(input))).ClusterVersions!.length;
    assert.equal(await count({ ClusterVersion: "1.0" }), 1);
    assert.equal(await count({ ClusterParameterGroupFamily: "redshift-1.0" }), 1);
    assert.equal(await count({ ClusterVersion: "2.0" }), 0);
    assert.equal(await count({ ClusterVersion: "1.0", ClusterParameterGroupFamily: "redshift-2.0" }), 0);
  });

  it("DescribeClusterVersions: MaxRecords outside 20–100 and a marker we did not issue are InvalidParameterValue", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(new DescribeClusterVersionsCommand({ MaxRecords: 19 })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new DescribeClusterVersionsCommand({ Marker: "bogus" })), "InvalidParameterValue", 400);
  });
});

describe("DescribeOrderableClusterOptions", () => {
  it("DescribeOrderableClusterOptions: every node type is orderable multi-node, and single-node where one node is allowed, in the region's three zones", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR, "eu-west-1");
    const options = [];
    for await (const page of paginateDescribeOrderableClusterOptions({ client: c.redshift }, {})) options.push(...page.OrderableClusterOptions!);
    const ra3 = options.filter((o) => o.NodeType === "ra3.xlplus");
    assert.deepEqual(ra3.map((o) => o.ClusterType).sort(), ["multi-node", "single-node"]);
    assert.deepEqual(ra3[0]!.AvailabilityZones, [{ Name: "eu-west-1a" }, { Name: "eu-west-1b" }, { Name: "eu-west-1c" }]);
    assert.deepEqual(
      options.filter((o) => o.NodeType === "ra3.4xlarge").map((o) => o.ClusterType),
      ["multi-node"],
    );
    assert.deepEqual([...new Set(options.map((o) => o.NodeType))].sort(), [...NODE_TYPE_NAMES].sort());
    assert.ok(options.every((o) => o.ClusterVersion === "1.0"));
  });

  it("DescribeOrderableClusterOptions: every option fits the smallest page (MaxRecords 20), so no Marker is answered; a marker we did not issue is InvalidParameterValue", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const all = (await c.redshift.send(new DescribeOrderableClusterOptionsCommand({}))).OrderableClusterOptions!;
    const first = await c.redshift.send(new DescribeOrderableClusterOptionsCommand({ MaxRecords: 20 }));
    assert.deepEqual(first.OrderableClusterOptions, all);
    assert.equal(first.Marker, undefined);
    await expectAwsError(c.redshift.send(new DescribeOrderableClusterOptionsCommand({ Marker: "rl1.bogus" })), "InvalidParameterValue", 400);
  });

  it("DescribeOrderableClusterOptions: NodeType and ClusterVersion filter; unknown values answer an empty list", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const list = async (input: object) => (await c.redshift.send(new DescribeOrderableClusterOptionsCommand(input))).OrderableClusterOptions!;
    assert.deepEqual(
      (await list({ NodeType: "dc2.8xlarge", ClusterVersion: "1.0" })).map((o) => [o.NodeType, o.ClusterType]),
      [["dc2.8xlarge", "multi-node"]],
    );
    assert.deepEqual(await list({ NodeType: "ds2.xlarge" }), []);
    assert.deepEqual(await list({ ClusterVersion: "9.9" }), []);
  });

  it("DescribeOrderableClusterOptions: every option listed can be created", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const options = (await c.redshift.send(new DescribeOrderableClusterOptionsCommand({}))).OrderableClusterOptions!;
    for (const [i, o] of options.filter((x) => x.NodeType!.startsWith("ra3")).entries()) {
      await c.redshift.send(new CreateClusterCommand(clusterInput(`c${i}`, { NodeType: o.NodeType!, ClusterType: o.ClusterType!, NumberOfNodes: o.ClusterType === "multi-node" ? 2 : undefined })));
    }
  });

  it("DescribeOrderableClusterOptions: MaxRecords outside 20–100 is InvalidParameterValue", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(new DescribeOrderableClusterOptionsCommand({ MaxRecords: 101 })), "InvalidParameterValue", 400);
  });
});

describe("DescribeClusterTracks", () => {
  it("DescribeClusterTracks: lists current and trailing, each with its database version and the other as update target", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const tracks = (await c.redshift.send(new DescribeClusterTracksCommand({}))).MaintenanceTracks!;
    assert.deepEqual(
      tracks.map((t) => t.MaintenanceTrackName),
      ["current", "trailing"],
    );
    for (const t of tracks) {
      assert.match(t.DatabaseVersion!, /^1\.0\.\d+$/);
      assert.equal(t.UpdateTargets!.length, 1);
      assert.notEqual(t.UpdateTargets![0]!.MaintenanceTrackName, t.MaintenanceTrackName);
      assert.deepEqual(
        t.UpdateTargets![0]!.SupportedOperations!.map((o) => o.OperationName),
        ["restore-from-cluster-snapshot", "modify-cluster"],
      );
    }
    assert.equal(tracks[0]!.UpdateTargets![0]!.DatabaseVersion, tracks[1]!.DatabaseVersion);
  });

  it("DescribeClusterTracks: MaintenanceTrackName selects one track; an unknown one is InvalidClusterTrack", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const out = await c.redshift.send(new DescribeClusterTracksCommand({ MaintenanceTrackName: "trailing" }));
    assert.deepEqual(
      out.MaintenanceTracks!.map((t) => t.MaintenanceTrackName),
      ["trailing"],
    );
    await expectAwsError(c.redshift.send(new DescribeClusterTracksCommand({ MaintenanceTrackName: "preview" })), "InvalidClusterTrackFault", 400);
    await expectAwsError(c.redshift.send(new DescribeClusterTracksCommand({ MaxRecords: 5 })), "InvalidParameterValue", 400);
  });
});
