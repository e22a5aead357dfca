/**
 * Two processes on one data directory, through the real HTTP server and the SDK: the "other
 * process" is a second SqliteStore (its own connection) holding a write transaction open. Reads
 * (Describe*, GetCallerIdentity, /state) answer meanwhile (unless a lifecycle transition is due:
 * settling it is a write); a write waits, retried from scratch, and
 * succeeds once the lock is released; past the retry bound it answers 400 Throttling, which the SDK
 * retries — never 500.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { CreateClusterCommand, DescribeClustersCommand, DescribeEndpointAccessCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { createHttpServer } from "../../src/server/http.js";
import { testApp } from "../fixtures/app.js";
import { SqliteStore, type SqliteOptions } from "../../src/store/sqlite/sqlite-store.js";
import type { RetryEvent, Store } from "../../src/store/store.js";
import { GRANTOR, REGION, clientsFor, expectAwsError } from "../helpers.js";

const cluster = (id: string) =>
  new CreateClusterCommand({ ClusterIdentifier: id, NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" });

let root: string;
let dataDir: string;
let n = 0;
before(() => {
  root = mkdtempSync(join(tmpdir(), "rl-contention-"));
});
beforeEach(() => {
  dataDir = join(root, `data-${++n}`);
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A server over its own connection to `dataDir`. */
async function serve(options: Omit<SqliteOptions, "dataDir">): Promise<{ url: string; store: Store; close: () => Promise<void> }> {
  const store = new SqliteStore({ dataDir, ...options });
  const app = testApp(store);
  const server = createHttpServer(app);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

/** The other process: a write transaction held open until `release()`. */
async function holdWriteLock(): Promise<{ release: () => Promise<void> }> {
  const other = new SqliteStore({ dataDir });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const done = other.transact(async () => {
    held();
    await released;
  });
  await holding;
  return {
    release: async () => {
      release();
      await done;
      await other.close();
    },
  };
}

describe("two processes on one data directory", () => {
  let closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.reverse()) await close();
    closers = [];
  });

  it("contention: while another process holds the write lock, Describe*, GetCallerIdentity and /state answer 200 before it is released", async () => {
    const server = await serve({});
    closers.push(server.close);
    const { redshift, ec2, sts } = clientsFor(server.url, GRANTOR);
    await redshift.send(cluster("before")); // also creates the account's default network
    // With zero delays the new cluster's transition is due at once, and settling it is a write:
    // a read that finds due transitions settles them first, so it would wait for the lock.
    await redshift.send(new DescribeClustersCommand({}));
    const lock = await holdWriteLock();
    closers.push(lock.release);
    assert.deepEqual((await redshift.send(new DescribeClustersCommand({}))).Clusters?.map((c) => c.ClusterIdentifier), ["before"]);
    assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length, 1);
    assert.deepEqual((await redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList, []);
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, GRANTOR);
    const state = await fetch(`${server.url}/_redshift-local/state`);
    assert.equal(state.status, 200);
    assert.equal(((await state.json()) as { clusters: unknown[] }).clusters.length, 1);
  });

  it("contention: CreateCluster meeting another process's lock is retried and succeeds once the lock is released, never 500", async () => {
    let retried!: () => void;
    const waiting = new Promise<void>((resolve) => (retried = resolve));
    const events: RetryEvent[] = [];
    const server = await serve({
      retry: { budgetMs: 120_000, maxAttempts: 100_000, initialDelayMs: 1, maxDelayMs: 10 },
      onRetry: (e) => {
        events.push(e);
        retried();
      },
    });
    closers.push(server.close);
    const { redshift } = clientsFor(server.url, GRANTOR);
    await redshift.send(new DescribeClustersCommand({}));
    const lock = await holdWriteLock();
    const create = redshift.send(cluster("waited"));
    await waiting;
    // Still waiting on the lock, and the same server still answers reads.
    assert.ok((await redshift.send(new DescribeClustersCommand({}))).Clusters?.every((c) => c.ClusterIdentifier !== "waited"));
    await lock.release();
    assert.equal((await create).Cluster?.ClusterIdentifier, "waited");
    assert.ok(events.length >= 1 && events.every((e) => e.mode === "write"));
    assert.equal((await redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "waited" }))).Clusters?.length, 1, "created exactly once");
  });

  it("contention: a write locked out past the retry bound answers 400 Throttling (Rate exceeded), which the SDK retries", async () => {
    const server = await serve({ retry: { budgetMs: 120_000, maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 } });
    closers.push(server.close);
    const { redshift } = clientsFor(server.url, GRANTOR);
    await redshift.send(new DescribeClustersCommand({}));
    const lock = await holdWriteLock();
    closers.push(lock.release);
    const error = await expectAwsError(redshift.send(cluster("refused")), "Throttling", 400);
    assert.match(error.message, /^Rate exceeded/);
    // The SDK classifies it as retryable (throttling): with 2 attempts it tries twice.
    const retrying = new RedshiftClient({ endpoint: server.url, region: REGION, credentials: { accessKeyId: GRANTOR, secretAccessKey: "test" }, maxAttempts: 2 });
    const again = await expectAwsError(retrying.send(cluster("refused")), "Throttling", 400);
    assert.equal((again as { $metadata: { attempts?: number } }).$metadata.attempts, 2);
    // The admin reset is a write too: the same answer, in the admin routes' JSON.
    const reset = await fetch(`${server.url}/_redshift-local/reset`, { method: "POST" });
    assert.equal(reset.status, 400);
    assert.equal(((await reset.json()) as { error: string }).error, "Throttling");
    await lock.release();
    closers.pop();
    assert.deepEqual((await redshift.send(new DescribeClustersCommand({}))).Clusters, [], "nothing of the refused writes was kept");
    assert.equal((await redshift.send(cluster("later"))).Cluster?.ClusterIdentifier, "later");
  });
});
