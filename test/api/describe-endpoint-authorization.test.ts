import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type {
  RedshiftClient} from "@aws-sdk/client-redshift";
import {
  AuthorizeEndpointAccessCommand,
  ClusterNotFoundFault,
  DeleteClusterCommand,
  DescribeEndpointAuthorizationCommand,
  PauseClusterCommand,
  RevokeEndpointAccessCommand,
  paginateDescribeEndpointAuthorization,
  type EndpointAuthorization,
} from "@aws-sdk/client-redshift";
import type { Authorization, Cluster } from "../../src/domain/entities.js";
import { NO_DELAYS } from "../../src/domain/lifecycle.js";
import { DEFAULT_QUOTAS } from "../../src/domain/quotas.js";
import { DescribeEndpointAuthorization } from "../../src/services/redshift/endpoint-access/describe-endpoint-authorization.js";
import type { RequestContext } from "../../src/services/operation.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { Tx } from "../../src/store/store.js";
import { GRANTEE, GRANTOR, REGION, STRANGER, clientsFor, expectAwsError, startServer } from "../helpers.js";
import { createCluster, createNetwork, endpointWorld, grant, granteeEndpoint, type World } from "../fixtures/endpoint-world.js";

const describeAs = (client: RedshiftClient, input: ConstructorParameters<typeof DescribeEndpointAuthorizationCommand>[0] = {}) =>
  client.send(new DescribeEndpointAuthorizationCommand(input)).then((o) => o.EndpointAuthorizationList ?? []);

const key = (a: EndpointAuthorization) => `${a.Grantor}/${a.ClusterIdentifier}/${a.Grantee}`;

/** A second grantor cluster and grants to GRANTEE and STRANGER on both clusters, plus one from STRANGER's own cluster to GRANTEE. */
async function busyWorld(w: World): Promise<void> {
  await createCluster(w.grantor, "second", { ClusterSubnetGroupName: w.grantorNet.subnetGroupName });
  const strangerNet = await createNetwork(w.stranger, "10.2.0.0/16", "stranger-sng");
  await createCluster(w.stranger, "analytics", { ClusterSubnetGroupName: strangerNet.subnetGroupName });
  w.settle();
  await grant(w, ["vpc-0a1b2c3d"]);
  await grant(w, undefined, STRANGER);
  for (const account of [GRANTEE, STRANGER]) {
    await w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "second", Account: account }));
  }
  await w.stranger.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: GRANTEE }));
}

describe("DescribeEndpointAuthorization", () => {
  describe("grantor view (Grantee false/absent)", () => {
    it("DescribeEndpointAuthorization: lists the grants on the caller's clusters, in creation order", async () => {
      await using w = await endpointWorld();
      await busyWorld(w);
      const all = await describeAs(w.grantor.redshift);
      assert.deepEqual(all.map(key), [
        `${GRANTOR}/analytics/${GRANTEE}`,
        `${GRANTOR}/analytics/${STRANGER}`,
        `${GRANTOR}/second/${GRANTEE}`,
        `${GRANTOR}/second/${STRANGER}`,
      ]);
      assert.deepEqual(await describeAs(w.grantor.redshift, { Grantee: false }), all, "Grantee=false is the default");
    });

    it("DescribeEndpointAuthorization: Account filters by grantee and ClusterIdentifier by the caller's cluster (Terraform's read)", async () => {
      await using w = await endpointWorld();
      await busyWorld(w);
      const one = await describeAs(w.grantor.redshift, { ClusterIdentifier: "second", Account: STRANGER });
      assert.deepEqual(one.map(key), [`${GRANTOR}/second/${STRANGER}`]);
      assert.deepEqual((await describeAs(w.grantor.redshift, { Account: GRANTEE })).map(key), [`${GRANTOR}/analytics/${GRANTEE}`, `${GRANTOR}/second/${GRANTEE}`]);
      assert.deepEqual(await describeAs(w.grantor.redshift, { ClusterIdentifier: "second", Account: "999999999999" }), [], "no match is an empty list");
    });

    it("DescribeEndpointAuthorization: an unknown ClusterIdentifier in the grantor view is ClusterNotFound (404)", async () => {
      await using w = await endpointWorld();
      const err = await describeAs(w.grantor.redshift, { ClusterIdentifier: "nope" }).catch((e: unknown) => e);
      assert.ok(err instanceof ClusterNotFoundFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 404);
      // Another account's cluster is unknown from here too.
      await expectAwsError(describeAs(w.grantee.redshift, { ClusterIdentifier: w.cluster }), "ClusterNotFoundFault", 404);
    });

    it("DescribeEndpointAuthorization: every field of a grant, with the live cluster status", async () => {
      await using w = await endpointWorld();
      await grant(w, [w.granteeNet.vpcId]);
      await granteeEndpoint(w, "bi");
      const [g] = await describeAs(w.grantor.redshift, { ClusterIdentifier: w.cluster, Account: GRANTEE });
      assert.equal(g?.Grantor, GRANTOR);
      assert.equal(g?.Grantee, GRANTEE);
      assert.equal(g?.ClusterIdentifier, w.cluster);
      assert.equal(g?.Status, "Authorized");
      assert.equal(g?.AllowedAllVPCs, false);
      assert.deepEqual(g?.AllowedVPCs, [w.granteeNet.vpcId]);
      assert.equal(g?.EndpointCount, 1);
      assert.equal(g?.ClusterStatus, "available");
      assert.equal(g?.AuthorizeTime?.getTime(), w.clock.now());
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      w.settle();
      const [paused] = await describeAs(w.grantor.redshift, { ClusterIdentifier: w.cluster });
      assert.equal(paused?.ClusterStatus, "paused", "ClusterStatus is read live, and the grant survives the pause");
    });

    it("DescribeEndpointAuthorization: Revoking grants are listed until their endpoints are gone", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi");
      w.settle();
      await w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE, Force: true }));
      assert.deepEqual((await describeAs(w.grantor.redshift)).map((g) => g.Status), ["Revoking"]);
      assert.deepEqual((await describeAs(w.grantee.redshift, { Grantee: true })).map((g) => g.Status), ["Revoking"]);
      w.clock.advance(60_000);
      assert.deepEqual(await describeAs(w.grantor.redshift), []);
    });

    it("DescribeEndpointAuthorization: the grants of a deleted cluster are gone (ClusterNotFound when named)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await w.grantor.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: w.cluster, SkipFinalClusterSnapshot: true }));
      w.settle();
      assert.deepEqual(await describeAs(w.grantor.redshift), []);
      assert.deepEqual(await describeAs(w.grantee.redshift, { Grantee: true }), []);
      await expectAwsError(describeAs(w.grantor.redshift, { ClusterIdentifier: w.cluster, Account: GRANTEE }), "ClusterNotFoundFault", 404);
    });
  });

  describe("grantee view (Grantee=true)", () => {
    it("DescribeEndpointAuthorization: lists the grants to the caller from every grantor; Account filters by grantor", async () => {
      await using w = await endpointWorld();
      await busyWorld(w);
      const mine = await describeAs(w.grantee.redshift, { Grantee: true });
      assert.deepEqual(mine.map(key), [`${GRANTOR}/analytics/${GRANTEE}`, `${GRANTOR}/second/${GRANTEE}`, `${STRANGER}/analytics/${GRANTEE}`]);
      const fromStranger = await describeAs(w.grantee.redshift, { Grantee: true, Account: STRANGER });
      assert.deepEqual(fromStranger.map(key), [`${STRANGER}/analytics/${GRANTEE}`]);
      const byCluster = await describeAs(w.grantee.redshift, { Grantee: true, ClusterIdentifier: "analytics" });
      assert.deepEqual(byCluster.map(key), [`${GRANTOR}/analytics/${GRANTEE}`, `${STRANGER}/analytics/${GRANTEE}`]);
      assert.equal(mine[2]?.ClusterStatus, "available", "the foreign cluster's live status");
    });

    it("DescribeEndpointAuthorization: an unknown cluster in the grantee view is an empty list, not an error", async () => {
      await using w = await endpointWorld();
      await grant(w);
      assert.deepEqual(await describeAs(w.grantee.redshift, { Grantee: true, ClusterIdentifier: "nope" }), []);
    });

    it("DescribeEndpointAuthorization: nobody sees grants they are not party to", async () => {
      await using w = await endpointWorld();
      await grant(w);
      assert.deepEqual(await describeAs(w.stranger.redshift), []);
      assert.deepEqual(await describeAs(w.stranger.redshift, { Grantee: true }), []);
      assert.deepEqual(await describeAs(w.grantee.redshift), [], "the grantee's own grantor view is empty");
      assert.deepEqual(await describeAs(w.grantor.redshift, { Grantee: true }), [], "the grantor is granted nothing");
      const otherRegion = clientsFor(w.rs.url, GRANTEE, "eu-west-1");
      assert.deepEqual(await describeAs(otherRegion.redshift, { Grantee: true }), [], "grants live in one region");
    });
  });

  describe("pagination", () => {
    it("DescribeEndpointAuthorization: MaxRecords outside 20–100 and a foreign Marker are InvalidParameterValue", async () => {
      await using w = await endpointWorld();
      for (const MaxRecords of [0, 19, 101]) await expectAwsError(describeAs(w.grantor.redshift, { MaxRecords }), "InvalidParameterValue", 400);
      await expectAwsError(describeAs(w.grantor.redshift, { Marker: "not-a-marker" }), "InvalidParameterValue", 400);
      // Parameter errors come before the cluster lookup.
      await expectAwsError(describeAs(w.grantor.redshift, { ClusterIdentifier: "nope", MaxRecords: 5 }), "InvalidParameterValue", 400);
    });

    it("DescribeEndpointAuthorization: pages of MaxRecords with an opaque Marker only while more remain; the SDK paginator walks them all", async () => {
      // Through a real server: seed a file store directly (the quota is 5 grants per cluster), then serve it.
      const store = await seededStore(45, 0);
      await store.close();
      const seeded = await startServer({ store: { kind: "sqlite", dataDir: store.dir } });
      try {
        const client = clientsFor(seeded.url, GRANTOR).redshift;
        const first = await client.send(new DescribeEndpointAuthorizationCommand({ MaxRecords: 20 }));
        assert.equal(first.EndpointAuthorizationList?.length, 20);
        assert.ok(first.Marker);
        const seen: string[] = [];
        let pages = 0;
        for await (const page of paginateDescribeEndpointAuthorization({ client, pageSize: 20 }, {})) {
          pages++;
          seen.push(...(page.EndpointAuthorizationList ?? []).map((g) => g.Grantee!));
          if (pages < 3) assert.ok(page.Marker, "a marker while more remain");
          else assert.equal(page.Marker, undefined, "no marker on the last page");
        }
        assert.equal(pages, 3);
        assert.equal(seen.length, 45);
        assert.equal(new Set(seen).size, 45, "no record twice, none skipped, although all share one creation time");
        const full = await client.send(new DescribeEndpointAuthorizationCommand({}));
        assert.equal(full.EndpointAuthorizationList?.length, 45, "default page size is 100");
        assert.equal(full.Marker, undefined);
      } finally {
        await seeded.close();
        store.remove();
      }
    });

    it("DescribeEndpointAuthorization: with 10,000 grants in the store a page reads O(page) rows", async () => {
      const big = await seededStore(10_000, 0);
      const small = await seededStore(10, 0);
      try {
        const first = await readPage(big.store, { MaxRecords: 20 });
        assert.equal(first.items, 20);
        assert.ok(first.rowsRead <= 20 + 1 + 1, `first page read ${first.rowsRead} rows`);
        // Deep in the list: after 250 pages the next page still reads only a page.
        let marker = first.marker;
        for (let i = 0; i < 250; i++) marker = (await readPage(big.store, { MaxRecords: 20, Marker: marker })).marker;
        const deep = await readPage(big.store, { MaxRecords: 20, Marker: marker });
        assert.equal(deep.items, 20);
        assert.ok(deep.rowsRead <= 20 + 1 + 1, `page 252 read ${deep.rowsRead} rows`);
        // Terraform's read (cluster + account) costs the same with 10,000 grants as with 10.
        const oneBig = await readPage(big.store, { ClusterIdentifier: "analytics", Account: grantee(7) });
        const oneSmall = await readPage(small.store, { ClusterIdentifier: "analytics", Account: grantee(7) });
        assert.equal(oneBig.items, 1);
        assert.equal(oneBig.rowsRead, oneSmall.rowsRead);
        // And the grantee side: each grant's grantee sees exactly its own.
        const granteeSide = await readPage(big.store, { Grantee: true }, grantee(9_999));
        assert.equal(granteeSide.items, 1);
        assert.ok(granteeSide.rowsRead <= 3);
      } finally {
        for (const s of [big, small]) {
          await s.close();
          s.remove();
        }
      }
    });
  });
});

const grantee = (i: number) => String(400_000_000_000 + i);

/** A file store holding GRANTOR's `analytics` cluster and `n` grants on it (inserted directly, past the quota). */
async function seededStore(n: number, createdAt: number): Promise<{ store: SqliteStore; dir: string; close: () => Promise<void>; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "rl-grants-"));
  const store = new SqliteStore({ dataDir: dir });
  const scope = { account: GRANTOR, region: REGION };
  await store.transact(async (tx) => {
    await tx.clusters.insert({ ...scope, id: "analytics", createdAt, status: "available", nodeType: "ra3.xlplus", subnetGroupName: "default", parameterGroupName: "default.redshift-1.0" } as unknown as Cluster);
    for (let i = 0; i < n; i++) {
      const g: Authorization = {
        ...scope,
        id: `analytics/${grantee(i)}`,
        createdAt,
        clusterId: "analytics",
        grantee: grantee(i),
        status: "Authorized",
        allowedAllVpcs: true,
        allowedVpcs: [],
        endpointCount: 0,
        uid: `uid-${i}`,
      };
      await tx.authorizations.insert(g);
    }
  });
  return { store, dir, close: () => store.close(), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Wraps every repository so each entity it returns is counted. */
function countingTx(tx: Tx, counter: { rows: number }): Tx {
  const wrapped: Record<string, unknown> = {};
  for (const [kind, repo] of Object.entries(tx)) {
    wrapped[kind] = new Proxy(repo, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop);
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (Array.isArray(result)) counter.rows += result.length;
          else if (result !== undefined && typeof result === "object") counter.rows += 1;
          return result;
        };
      },
    });
  }
  return wrapped as unknown as Tx;
}

async function readPage(
  store: SqliteStore,
  input: { MaxRecords?: number; Marker?: string | undefined; ClusterIdentifier?: string; Account?: string; Grantee?: boolean },
  account = GRANTOR,
): Promise<{ items: number; marker: string | undefined; rowsRead: number }> {
  const counter = { rows: 0 };
  const out = await store.transact(async (tx) => {
    const ctx: RequestContext = {
      tx: countingTx(tx, counter),
      scope: { account, region: REGION },
      now: 0,
      quotas: DEFAULT_QUOTAS,
      delays: NO_DELAYS,
      requestId: "test",
      accessKeyId: account,
    };
    return DescribeEndpointAuthorization.handler(ctx, input);
  });
  return { items: out.EndpointAuthorizationList?.length ?? 0, marker: out.Marker, rowsRead: counter.rows };
}
