import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DeleteClusterCommand, ModifyClusterCommand, waitUntilClusterAvailable, waitUntilClusterDeleted } from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, startServer } from "../helpers.js";
import { clockedServer, createCluster, describeCluster } from "../fixtures/clusters-world.js";

describe("Cluster lifecycle", () => {
  it("lifecycle: with non-zero delays each status holds until its due time, on every read", async () => {
    const { rs, clock } = await clockedServer({ delays: { "cluster-create": 60_000, "cluster-modify": 20_000, "cluster-delete": 30_000 } });
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    const seen: [number, string | undefined, string | undefined][] = [];
    const look = async (ms: number) => {
      clock.advance(ms);
      const cl = await describeCluster(c, "wh");
      seen.push([ms, cl.ClusterStatus, cl.ClusterAvailabilityStatus]);
    };
    await look(0);
    await look(59_999);
    await look(1);
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", NumberOfNodes: 2 }));
    await look(19_999);
    await look(1);
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true }));
    await look(29_999);
    assert.deepEqual(seen, [
      [0, "creating", "Modifying"],
      [59_999, "creating", "Modifying"],
      [1, "available", "Available"],
      [19_999, "modifying", "Modifying"],
      [1, "available", "Available"],
      [29_999, "deleting", "Modifying"],
    ]);
    clock.advance(1);
    await assert.rejects(describeCluster(c, "wh"), { name: "ClusterNotFoundFault" });
  });

  it("lifecycle: with zero delays the SDK waiters ClusterAvailable and ClusterDeleted succeed", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const created = await createCluster(c, "waited");
    assert.equal(created.ClusterStatus, "creating");
    const available = await waitUntilClusterAvailable({ client: c.redshift, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { ClusterIdentifier: "waited" });
    assert.equal(available.state, "SUCCESS");
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "waited", SkipFinalClusterSnapshot: true }));
    const deleted = await waitUntilClusterDeleted({ client: c.redshift, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { ClusterIdentifier: "waited" });
    assert.equal(deleted.state, "SUCCESS");
  });

  it("lifecycle: the ClusterAvailable waiter fails at once on a deleting cluster", async () => {
    const { rs } = await clockedServer({ delays: { "cluster-delete": 60_000 } });
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "doomed");
    await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "doomed", SkipFinalClusterSnapshot: true }));
    await assert.rejects(
      waitUntilClusterAvailable({ client: c.redshift, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { ClusterIdentifier: "doomed" }),
      (err: Error) => /FAILURE/.test(err.message),
    );
  });

  it("lifecycle: a due transition completes before the next call acts on the cluster, without a read in between", async () => {
    const { rs, clock } = await clockedServer({ delays: { "cluster-create": 5000 } });
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    await assert.rejects(c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true })), {
      name: "InvalidClusterStateFault",
    });
    clock.advance(5000);
    const out = await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true }));
    assert.equal(out.Cluster!.ClusterStatus, "deleting");
  });
});
