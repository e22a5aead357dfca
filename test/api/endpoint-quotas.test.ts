/**
 * Quotas (docs/differences-from-aws.md): the three endpoint-access quotas are enforced atomically —
 * requests racing each other
 * (in one server, or in two servers sharing one store) can never exceed them, and a grant's
 * EndpointCount always equals the endpoints that won. Each name's override is tested with its
 * operation (authorize-/create-endpoint-access.test.ts); here they are raced.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  AuthorizeEndpointAccessCommand,
  CreateEndpointAccessCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
} from "@aws-sdk/client-redshift";
import { ManualClock } from "../../src/index.js";
import { GRANTEE, GRANTOR, clientsFor, startServer } from "../helpers.js";
import { START, createCluster, createNetwork, endpointWorld, grant } from "../fixtures/endpoint-world.js";

/** Waits for every call and returns the error names of the failures (`"ok"` for a success), in call order. */
async function outcomes(calls: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(calls);
  return settled.map((r) => (r.status === "fulfilled" ? "ok" : r.reason instanceof Error ? r.reason.name : String(r.reason)));
}

function tally(results: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}

const accountNo = (i: number) => String(444_455_550_000 + i);

describe("endpoint-access quotas under concurrency", () => {
  it("quotas: concurrent AuthorizeEndpointAccess calls to distinct grantees never exceed grants-per-cluster", async () => {
    await using w = await endpointWorld();
    const calls = Array.from({ length: 8 }, (_, i) =>
      w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: accountNo(i) })),
    );
    assert.deepEqual(tally(await outcomes(calls)), { ok: 5, EndpointAuthorizationsPerClusterLimitExceededFault: 3 });
    const listed = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: w.cluster }));
    assert.equal(listed.EndpointAuthorizationList?.length, 5);
  });

  it("quotas: concurrent CreateEndpointAccess calls never exceed endpoints-per-grant, and EndpointCount counts the winners", async () => {
    await using w = await endpointWorld();
    await grant(w);
    const calls = Array.from({ length: 8 }, (_, i) =>
      w.grantee.redshift.send(
        new CreateEndpointAccessCommand({ EndpointName: `e${i}`, ClusterIdentifier: w.cluster, ResourceOwner: GRANTOR, SubnetGroupName: w.granteeNet.subnetGroupName }),
      ),
    );
    assert.deepEqual(tally(await outcomes(calls)), { ok: 5, EndpointsPerAuthorizationLimitExceededFault: 3 });
    const [g] = (await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: w.cluster }))).EndpointAuthorizationList ?? [];
    assert.equal(g?.EndpointCount, 5);
    assert.equal((await w.grantee.redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList?.length, 5);
  });

  it("quotas: two servers sharing one data directory never exceed endpoints-per-cluster between them (owner and grantee racing)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rl-quota-race-"));
    try {
      const clock = new ManualClock(START);
      const options = { clock, quotas: { "endpoints-per-cluster": 4 }, store: { kind: "sqlite" as const, dataDir: dir } };
      await using a = await startServer(options);
      await using b = await startServer(options);
      const grantor = clientsFor(a.url, GRANTOR);
      const grantee = clientsFor(b.url, GRANTEE);
      const grantorNet = await createNetwork(grantor, "10.0.0.0/16", "grantor-sng");
      await createCluster(grantor, "analytics", { ClusterSubnetGroupName: grantorNet.subnetGroupName });
      const granteeNet = await createNetwork(grantee, "10.1.0.0/16", "grantee-sng");
      await grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: GRANTEE }));
      const calls = Array.from({ length: 4 }, (_, i) => [
        grantor.redshift.send(new CreateEndpointAccessCommand({ EndpointName: `own${i}`, ClusterIdentifier: "analytics", SubnetGroupName: grantorNet.subnetGroupName })),
        grantee.redshift.send(
          new CreateEndpointAccessCommand({ EndpointName: `bi${i}`, ClusterIdentifier: "analytics", ResourceOwner: GRANTOR, SubnetGroupName: granteeNet.subnetGroupName }),
        ),
      ]).flat();
      const results = tally(await outcomes(calls));
      assert.equal(results.ok, 4, JSON.stringify(results));
      assert.equal(results.EndpointsPerClusterLimitExceededFault, 4, JSON.stringify(results));
      const own = (await grantor.redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList ?? [];
      const theirs = (await grantee.redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList ?? [];
      assert.equal(own.length + theirs.length, 4);
      const [g] = (await grantee.redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }))).EndpointAuthorizationList ?? [];
      assert.equal(g?.EndpointCount, theirs.length, "the grant counts exactly the grantee's winners");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
