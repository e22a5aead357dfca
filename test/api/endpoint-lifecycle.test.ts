/**
 * Lifecycles of endpoints and grants through time (ManualClock, no sleeping), and how cluster events
 * reach them: pause keeps everything but blocks mutations; deleting a cluster removes its grants and
 * drives every endpoint to it through `deleting` to gone; state and due times survive a restart.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  AuthorizeEndpointAccessCommand,
  CreateEndpointAccessCommand,
  DeleteClusterCommand,
  DeleteEndpointAccessCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  ModifyEndpointAccessCommand,
  PauseClusterCommand,
  RebootClusterCommand,
  ResumeClusterCommand,
  RevokeEndpointAccessCommand,
} from "@aws-sdk/client-redshift";
import { ManualClock } from "../../src/index.js";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";
import { START, clusterStatus, createCluster, createNetwork, endpointWorld, grant, granteeEndpoint, type World } from "../fixtures/endpoint-world.js";

const status = async (w: World, EndpointName: string, as: "grantee" | "grantor" = "grantee") =>
  (await w[as].redshift.send(new DescribeEndpointAccessCommand({ EndpointName }))).EndpointAccessList?.[0]?.EndpointStatus;
const grants = async (w: World) => (await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({}))).EndpointAuthorizationList ?? [];

describe("endpoint and grant lifecycles", () => {
  it("lifecycle: with zero delays a deleted cluster's endpoints are gone in the first request after it, a write included (the cascade settles in the same pass)", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await granteeEndpoint(w, "bi");
    assert.equal(await status(w, "bi"), "active");
    await w.grantor.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: w.cluster, SkipFinalClusterSnapshot: true }));
    // The grantee's next request (a write) first settles the cluster's deletion, which drives the
    // endpoint to deleting, due at once: gone before the operation runs.
    await expectAwsError(w.grantee.redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "bi" })), "EndpointNotFoundFault", 404);
  });

  it("lifecycle: creating → active exactly when the endpoint-create delay has passed", async () => {
    await using w = await endpointWorld({ delays: { "endpoint-create": 300_000 } });
    await grant(w);
    await granteeEndpoint(w, "bi");
    assert.equal(await status(w, "bi"), "creating");
    w.clock.advance(299_999);
    const early = (await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" }))).EndpointAccessList![0]!;
    assert.equal(early.EndpointStatus, "creating");
    assert.equal(early.Address, undefined);
    assert.equal(early.VpcEndpoint, undefined);
    w.clock.advance(1);
    const active = (await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" }))).EndpointAccessList![0]!;
    assert.equal(active.EndpointStatus, "active");
    assert.ok(active.Address, "the address appears once active");
    assert.equal(active.VpcEndpoint?.NetworkInterfaces?.length, 1);
  });

  it("lifecycle: with zero delays the answer shows the transitional status and the next read the settled one", async () => {
    await using w = await endpointWorld();
    await grant(w);
    assert.equal((await granteeEndpoint(w, "bi")).EndpointStatus, "creating");
    assert.equal(await status(w, "bi"), "active");
    const modified = await w.grantee.redshift.send(new ModifyEndpointAccessCommand({ EndpointName: "bi", VpcSecurityGroupIds: [w.granteeNet.sgId] }));
    assert.equal(modified.EndpointStatus, "modifying");
    assert.equal(await status(w, "bi"), "active");
    assert.equal((await w.grantee.redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "bi" }))).EndpointStatus, "deleting");
    await expectAwsError(status(w, "bi"), "EndpointNotFoundFault", 404);
  });

  it("lifecycle: a paused cluster keeps its grants and endpoints, refuses mutations, and works again once resumed", async () => {
    await using w = await endpointWorld({ delays: { "cluster-pause": 60_000, "cluster-resume": 60_000 } });
    await grant(w, [w.granteeNet.vpcId]);
    await granteeEndpoint(w, "bi");
    w.settle();
    await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
    // While pausing and once paused, every mutation is refused.
    for (const step of ["pausing", "paused"]) {
      assert.equal(await clusterStatus(w.grantor, w.cluster), step);
      await expectAwsError(w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-0a1b2c3d"] })), "InvalidClusterStateFault", 400);
      await expectAwsError(w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE, Force: true })), "InvalidClusterStateFault", 400);
      await expectAwsError(granteeEndpoint(w, "bi2"), "InvalidClusterStateFault", 400);
      w.clock.advance(60_000);
    }
    const [g] = await grants(w);
    assert.equal(g?.Status, "Authorized");
    assert.equal(g?.ClusterStatus, "paused");
    assert.equal(g?.EndpointCount, 1);
    assert.equal(await status(w, "bi"), "active");
    await w.grantor.redshift.send(new ResumeClusterCommand({ ClusterIdentifier: w.cluster }));
    w.clock.advance(60_000);
    assert.equal((await granteeEndpoint(w, "bi2")).EndpointStatus, "creating");
  });

  it("lifecycle: a rebooting cluster keeps its endpoints but refuses their changes until it is available again", async () => {
    await using w = await endpointWorld({ delays: { "cluster-reboot": 60_000 } });
    await grant(w);
    await granteeEndpoint(w, "bi");
    w.settle();
    await w.grantor.redshift.send(new RebootClusterCommand({ ClusterIdentifier: w.cluster }));
    assert.equal(await clusterStatus(w.grantor, w.cluster), "rebooting");
    const change = () => w.grantee.redshift.send(new ModifyEndpointAccessCommand({ EndpointName: "bi", VpcSecurityGroupIds: [w.granteeNet.sgId] }));
    await expectAwsError(change(), "InvalidClusterStateFault", 400);
    await expectAwsError(granteeEndpoint(w, "bi2"), "InvalidClusterStateFault", 400);
    assert.equal(await status(w, "bi"), "active");
    w.clock.advance(60_000);
    assert.equal((await change()).EndpointStatus, "modifying");
  });

  it("lifecycle: deleting a cluster removes its grants and drives every endpoint to it through deleting to gone", async () => {
    await using w = await endpointWorld({ delays: { "cluster-delete": 60_000, "endpoint-delete": 60_000 } });
    await grant(w);
    await granteeEndpoint(w, "bi");
    await w.grantor.redshift.send(new CreateEndpointAccessCommand({ EndpointName: "own", ClusterIdentifier: w.cluster, SubnetGroupName: w.grantorNet.subnetGroupName }));
    w.settle();
    await w.grantor.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: w.cluster, SkipFinalClusterSnapshot: true }));
    assert.equal((await grants(w))[0]?.ClusterStatus, "deleting");
    assert.equal(await status(w, "bi"), "active");
    w.clock.advance(60_000);
    assert.deepEqual(await grants(w), [], "grants go with the cluster");
    assert.deepEqual((await w.grantee.redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }))).EndpointAuthorizationList ?? [], []);
    assert.equal(await status(w, "bi"), "deleting");
    assert.equal(await status(w, "own", "grantor"), "deleting");
    w.clock.advance(60_000);
    await expectAwsError(status(w, "bi"), "EndpointNotFoundFault", 404);
    await expectAwsError(status(w, "own", "grantor"), "EndpointNotFoundFault", 404);
  });

  it("lifecycle: an endpoint left from a deleted cluster never changes the count of a grant for a re-created cluster of the same name", async () => {
    await using w = await endpointWorld({ delays: { "endpoint-delete": 120_000 } });
    await grant(w);
    await granteeEndpoint(w, "old");
    await w.grantor.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: w.cluster, SkipFinalClusterSnapshot: true }));
    assert.equal(await status(w, "old"), "deleting");
    await createCluster(w.grantor, w.cluster, { ClusterSubnetGroupName: w.grantorNet.subnetGroupName });
    assert.equal(await clusterStatus(w.grantor, w.cluster), "available");
    await grant(w);
    await granteeEndpoint(w, "new");
    assert.equal((await grants(w))[0]?.EndpointCount, 1);
    w.clock.advance(120_000);
    await expectAwsError(status(w, "old"), "EndpointNotFoundFault", 404);
    assert.equal((await grants(w))[0]?.EndpointCount, 1, "the new grant still counts its one endpoint");
  });

  it("lifecycle: state and due times survive a restart of the server on the same data directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rl-lifecycle-"));
    try {
      const clock = new ManualClock(START);
      const delays = { "endpoint-create": 300_000 };
      {
        await using rs = await startServer({ clock, delays, store: { kind: "sqlite", dataDir: dir } });
        const grantor = clientsFor(rs.url, GRANTOR);
        const grantee = clientsFor(rs.url, GRANTEE);
        const net = await createNetwork(grantor, "10.0.0.0/16", "grantor-sng");
        await createCluster(grantor, "analytics", { ClusterSubnetGroupName: net.subnetGroupName });
        const granteeNet = await createNetwork(grantee, "10.1.0.0/16", "grantee-sng");
        assert.equal(await clusterStatus(grantor, "analytics"), "available");
        await grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: GRANTEE }));
        const out = await grantee.redshift.send(
          new CreateEndpointAccessCommand({ EndpointName: "bi", ClusterIdentifier: "analytics", ResourceOwner: GRANTOR, SubnetGroupName: granteeNet.subnetGroupName }),
        );
        assert.equal(out.EndpointStatus, "creating");
      }
      clock.advance(300_000);
      await using again = await startServer({ clock, delays, store: { kind: "sqlite", dataDir: dir } });
      const grantee = clientsFor(again.url, GRANTEE);
      const [endpoint] = (await grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" }))).EndpointAccessList ?? [];
      assert.equal(endpoint?.EndpointStatus, "active");
      const [g] = (await grantee.redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }))).EndpointAuthorizationList ?? [];
      assert.equal(g?.EndpointCount, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
