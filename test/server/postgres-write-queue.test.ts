/**
 * PostgreSQL writes queue instead of conflicting: concurrent write operations, through two server
 * instances on one database, wait their turn at the write gate (store/postgres/postgres-store.ts)
 * and never fail-and-back-off — counted through the store's `onRetry`, not timed — while every
 * guarantee holds: quotas checked by count-then-insert admit exactly their number, each account gets
 * one default VPC on first use, and a gate held elsewhere costs a bounded wait, then Throttling.
 * Zero delays (testApp's default): every create leaves a transition due at once, so the requests
 * also settle each other's transitions concurrently. Skipped, with one line, without
 * REDSHIFT_LOCAL_TEST_PG.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { after, describe, it } from "node:test";
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import {
  AuthorizeEndpointAccessCommand,
  CreateClusterCommand,
  CreateEndpointAccessCommand,
  DescribeClustersCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
} from "@aws-sdk/client-redshift";
import pg from "pg";
import { resolveQuotas } from "../../src/domain/quotas.js";
import { createHttpServer } from "../../src/server/http.js";
import { openPostgresStore, type PostgresOptions } from "../../src/store/postgres/postgres-store.js";
import type { RetryEvent } from "../../src/store/store.js";
import { createCluster, createNetwork } from "../fixtures/endpoint-world.js";
import { entity } from "../store-contract/fixtures.js";
import { testApp } from "../fixtures/app.js";
import { GRANTOR, clientsFor, expectAwsError } from "../helpers.js";
import { PG_SKIP, PG_URL, dropSchema, freshSchema, pgAdmin } from "../postgres.js";

const N = 16;
const account = (i: number) => String(500_000_000_000 + i);

interface Instances {
  /** Request i goes to instance i % 2. */
  readonly urls: string[];
  readonly retries: RetryEvent[];
  close(): Promise<void>;
}

describe("PostgreSQL writes queue", { skip: PG_SKIP }, () => {
  const schemas: string[] = [];
  after(async () => {
    for (const s of schemas) await dropSchema(s);
  });

  /** Two server instances on one fresh schema, each with a pool as large as the concurrency. */
  async function twoInstances(quotas: Record<string, number> = {}, options: Partial<PostgresOptions> = {}): Promise<Instances> {
    const schema = freshSchema();
    schemas.push(schema);
    const retries: RetryEvent[] = [];
    const closers: (() => Promise<void>)[] = [];
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const store = await openPostgresStore({ url: PG_URL!, schema, poolSize: N, ...options, onRetry: (e) => retries.push(e) });
      const server = createHttpServer(testApp(store, { quotas: resolveQuotas(quotas) }));
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      closers.push(async () => {
        await new Promise((resolve) => server.close(resolve));
        await store.close();
      });
    }
    return { urls, retries, close: async () => void (await Promise.all(closers.map((c) => c()))) };
  }

  it("pg write queue: 16 concurrent CreateCluster in 16 accounts (each its first: default VPC on first use) all succeed with no retry", async () => {
    const w = await twoInstances();
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: N }, (_, i) =>
          clientsFor(w.urls[i % 2]!, account(i)).redshift.send(
            new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }),
          ),
        ),
      );
      assert.deepEqual(
        outcomes.map((o) => o.status),
        Array<string>(N).fill("fulfilled"),
        String(outcomes.find((o) => o.status === "rejected")?.reason),
      );
      assert.deepEqual(w.retries, [], "no write backed off");
      for (let i = 0; i < N; i++) {
        const { redshift, ec2 } = clientsFor(w.urls[(i + 1) % 2]!, account(i));
        assert.equal((await redshift.send(new DescribeClustersCommand({}))).Clusters?.length, 1);
        const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
        assert.deepEqual(
          vpcs.map((v) => v.IsDefault),
          [true],
          `account ${account(i)} has exactly one (default) VPC`,
        );
      }
    } finally {
      await w.close();
    }
  });

  it("pg write queue: 16 concurrent AuthorizeEndpointAccess on one cluster against a quota of 15: exactly 15 succeed, one is refused, no retry", async () => {
    const w = await twoInstances({ "grants-per-cluster": N - 1 });
    try {
      const owner = clientsFor(w.urls[0]!, GRANTOR);
      await createCluster(owner, "shared");
      await owner.redshift.send(new DescribeClustersCommand({})); // settles its creation (zero delays)
      w.retries.length = 0;
      const outcomes = await Promise.allSettled(
        Array.from({ length: N }, (_, i) =>
          clientsFor(w.urls[i % 2]!, GRANTOR).redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "shared", Account: account(i) })),
        ),
      );
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      assert.equal(refused.length, 1, refused.map((r) => String(r.reason)).join("; "));
      await expectAwsError(Promise.reject(refused[0]!.reason as Error), "EndpointAuthorizationsPerClusterLimitExceededFault", 400);
      assert.deepEqual(w.retries, [], "no write backed off");
      const grants = await owner.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "shared" }));
      assert.equal(grants.EndpointAuthorizationList?.length, N - 1);
    } finally {
      await w.close();
    }
  });

  it("pg write queue: 16 grantee accounts creating endpoints to one cluster at once against a quota of 15: exactly 15 succeed, no retry", async () => {
    const w = await twoInstances({ "endpoints-per-cluster": N - 1, "grants-per-cluster": N });
    try {
      const owner = clientsFor(w.urls[0]!, GRANTOR);
      await createCluster(owner, "shared", { ClusterSubnetGroupName: (await createNetwork(owner, "10.0.0.0/16", "owner-sng")).subnetGroupName });
      await owner.redshift.send(new DescribeClustersCommand({}));
      for (let i = 0; i < N; i++) {
        await createNetwork(clientsFor(w.urls[0]!, account(i)), "10.1.0.0/16", "sng");
        await owner.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "shared", Account: account(i) }));
      }
      w.retries.length = 0;
      const outcomes = await Promise.allSettled(
        Array.from({ length: N }, (_, i) =>
          clientsFor(w.urls[i % 2]!, account(i)).redshift.send(
            new CreateEndpointAccessCommand({ EndpointName: "ep", ClusterIdentifier: "shared", ResourceOwner: GRANTOR, SubnetGroupName: "sng" }),
          ),
        ),
      );
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      assert.equal(refused.length, 1, refused.map((r) => String(r.reason)).join("; "));
      await expectAwsError(Promise.reject(refused[0]!.reason as Error), "EndpointsPerClusterLimitExceededFault", 400);
      assert.deepEqual(w.retries, [], "no write backed off");
      let endpoints = 0;
      for (let i = 0; i < N; i++) {
        const own = await clientsFor(w.urls[(i + 1) % 2]!, account(i)).redshift.send(new DescribeEndpointAccessCommand({ ClusterIdentifier: "shared" }));
        endpoints += own.EndpointAccessList?.length ?? 0;
      }
      assert.equal(endpoints, N - 1);
    } finally {
      await w.close();
    }
  });

  it("pg write queue: writes queued behind the gate hold at most two connections of an instance, so reads still find one", { timeout: 60_000 }, async () => {
    const app = freshSchema();
    const url = new URL(PG_URL!);
    url.searchParams.set("application_name", app);
    const w = await twoInstances({}, { url: url.toString(), poolSize: 4, gateTimeoutMs: 120_000, retry: { budgetMs: 120_000 } });
    const schema = schemas[schemas.length - 1]!;
    const other = new pg.Client({ connectionString: PG_URL });
    await other.connect();
    const waitingAtGate = async () =>
      (await pgAdmin<{ n: number }>("SELECT count(*)::integer AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [app]))[0]!.n;
    try {
      const reader = clientsFor(w.urls[0]!, GRANTOR).redshift;
      await reader.send(new DescribeClustersCommand({}));
      await other.query(`BEGIN; LOCK TABLE "${schema}".write_gate IN EXCLUSIVE MODE`);
      const writes = Array.from({ length: 8 }, (_, i) =>
        clientsFor(w.urls[0]!, account(i)).redshift.send(
          new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }),
        ),
      );
      while ((await waitingAtGate()) < 2) await new Promise((resolve) => setImmediate(resolve));
      // Eight writes are waiting; a pool of four still has connections for reads.
      assert.deepEqual((await reader.send(new DescribeClustersCommand({}))).Clusters, []);
      assert.equal(await waitingAtGate(), 2, "two writes at the gate, the others wait in the instance");
      await other.query("ROLLBACK");
      assert.equal((await Promise.all(writes)).length, 8);
      assert.deepEqual(w.retries, []);
    } finally {
      await other.end();
      await w.close();
    }
  });

  it("pg write queue: a gate holder that stops talking loses its session after the idle timeout; the writers behind it proceed, and its write runs again on a fresh connection", { timeout: 60_000 }, async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const frozenStore = await openPostgresStore({ url: PG_URL!, schema, poolSize: 2, idleInTransactionTimeoutMs: 200, gateTimeoutMs: 60_000 });
    const peer = await openPostgresStore({ url: PG_URL!, schema, poolSize: 2, gateTimeoutMs: 60_000 });
    try {
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      let peerDone!: () => void;
      const peerFinished = new Promise<void>((resolve) => (peerDone = resolve));
      let runs = 0;
      const frozen = frozenStore.transact(async (tx) => {
        runs++;
        await tx.vpcs.count({}); // inside the transaction: the gate is held
        if (runs === 1) {
          holding();
          await peerFinished; // stops talking until the peer has written — which needs the gate
        }
        await tx.vpcs.insert(entity("vpcs", { id: "from-frozen" }));
      });
      await held;
      await peer.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "from-peer" })));
      peerDone();
      await frozen;
      assert.equal(runs, 2, "the frozen attempt was ended by PostgreSQL and ran again");
      assert.deepEqual((await peer.read((tx) => tx.vpcs.find({}))).map((v) => v.id).sort(), ["from-frozen", "from-peer"]);
    } finally {
      await frozenStore.close();
      await peer.close();
    }
  });

  it("pg write queue: while another session holds the write gate, reads answer, and a write waits a bounded time, then answers Throttling", async () => {
    const w = await twoInstances({}, { gateTimeoutMs: 50, retry: { budgetMs: 60_000, maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 } });
    const schema = schemas[schemas.length - 1]!;
    const other = new pg.Client({ connectionString: PG_URL });
    await other.connect();
    try {
      const { redshift } = clientsFor(w.urls[0]!, GRANTOR);
      await redshift.send(new DescribeClustersCommand({}));
      await other.query(`BEGIN; LOCK TABLE "${schema}".write_gate IN EXCLUSIVE MODE`);
      assert.deepEqual((await redshift.send(new DescribeClustersCommand({}))).Clusters, []);
      const error = await expectAwsError(
        redshift.send(new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" })),
        "Throttling",
        400,
      );
      assert.match(error.message, /^Rate exceeded/);
      assert.equal(w.retries.length, 2, "each attempt waited for the gate, then gave up");
      await other.query("ROLLBACK");
      await redshift.send(new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }));
    } finally {
      await other.end();
      await w.close();
    }
  });
});
