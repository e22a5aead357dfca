/**
 * Two server instances on one database behave as one service: concurrent SDK requests, split
 * between the instances, and the outcomes counted. Run on the SQLite file store (two processes'
 * worth of connections to one file) and on PostgreSQL (skipped, with one line, without
 * REDSHIFT_LOCAL_TEST_PG). A `Throttling` answer (a race lost past the store's retry bound) is
 * retried here, as the SDKs retry it, so each count is deterministic; the SDK's own retries are off
 * because the JS SDK also retries the quota errors these tests count, with seconds of backoff.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  AuthorizeEndpointAccessCommand,
  CreateClusterCommand,
  CreateEndpointAccessCommand,
  DeleteEndpointAccessCommand,
  DescribeClustersCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { ManualClock, startRedshiftLocal, type RedshiftLocal, type StoreOption } from "../../src/index.js";
import { START, createCluster, createNetwork, type Network } from "../fixtures/endpoint-world.js";
import { STSClient } from "@aws-sdk/client-sts";
import { GRANTEE, GRANTOR, REGION, type Clients } from "../helpers.js";
import { PG_SKIP, PG_URL, dropSchema, freshSchema } from "../postgres.js";

const DELAY = 60_000;
const LATER = DELAY + 1;

type Sdk = Clients;

function sdk(url: string, account: string): Sdk {
  const config = { endpoint: url, region: REGION, credentials: { accessKeyId: account, secretAccessKey: "test" }, maxAttempts: 1 };
  return { redshift: new RedshiftClient(config), ec2: new EC2Client(config), sts: new STSClient(config) };
}

interface SharedBackend {
  readonly name: string;
  readonly skip: string | false;
  /** A new database both instances share, and how to remove it. */
  create(): { store: StoreOption; cleanup(): Promise<void> };
}

const backends: SharedBackend[] = [
  {
    name: "sqlite file",
    skip: false,
    create() {
      const dir = mkdtempSync(join(tmpdir(), "rl-scale-"));
      return { store: { kind: "sqlite", dataDir: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: "postgres",
    skip: PG_SKIP,
    create() {
      const schema = freshSchema();
      return { store: { kind: "postgres", url: PG_URL!, schema, poolSize: 4 }, cleanup: () => dropSchema(schema) };
    },
  },
];

/** Runs `call` again while it answers Throttling (bounded), as an SDK's retry would. */
async function retryingThrottling<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if ((err as Error).name !== "Throttling" || attempt >= 50) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
  }
}

/** Outcome counts of racing calls: "ok" or the error's name without the SDK's `Fault` suffix. */
async function outcomes(calls: (() => Promise<unknown>)[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const r of await Promise.allSettled(calls.map(retryingThrottling))) {
    const key = r.status === "fulfilled" ? "ok" : String((r.reason as Error).name).replace(/Fault$/, "");
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

for (const backend of backends) {
  describe(`two instances on one database: ${backend.name}`, { skip: backend.skip }, () => {
    let clock: ManualClock;
    let db: { store: StoreOption; cleanup(): Promise<void> };
    let servers: RedshiftLocal[];
    let a: RedshiftLocal;
    let b: RedshiftLocal;
    const start = async (quotas: Record<string, number> = {}) =>
      startRedshiftLocal({ port: 0, store: db.store, logLevel: "silent", clock, delays: { all: DELAY }, quotas });
    const both = async (quotas: Record<string, number> = {}) => {
      a = await start(quotas);
      b = await start(quotas);
      servers.push(a, b);
    };
    /** Client i alternates between the instances. */
    const on = (i: number, account: string): Sdk => sdk((i % 2 ? b : a).url, account);

    beforeEach(() => {
      clock = new ManualClock(START);
      db = backend.create();
      servers = [];
    });
    afterEach(async () => {
      for (const s of servers) await s.close();
      await db.cleanup();
    });

    /** The grantor's network and an available cluster "shared", the grantee's network. */
    const world = async (): Promise<{ grantorNet: Network; granteeNet: Network }> => {
      const grantor = sdk(a.url, GRANTOR);
      const grantorNet = await createNetwork(grantor, "10.0.0.0/16", "grantor-sng");
      await createCluster(grantor, "shared", { ClusterSubnetGroupName: grantorNet.subnetGroupName });
      const granteeNet = await createNetwork(sdk(b.url, GRANTEE), "10.1.0.0/16", "grantee-sng");
      clock.advance(LATER);
      return { grantorNet, granteeNet };
    };
    const grantOf = async (account: string) =>
      (await sdk(a.url, GRANTOR).redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "shared", Account: account })))
        .EndpointAuthorizationList?.[0];

    it(`${backend.name}: 10 simultaneous grants to distinct accounts on one cluster: exactly 5 succeed`, async () => {
      await both();
      await world();
      const accounts = Array.from({ length: 10 }, (_, i) => String(500000000000 + i));
      const counts = await outcomes(
        accounts.map((account, i) => () => on(i, GRANTOR).redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "shared", Account: account }))),
      );
      assert.deepEqual(counts, { ok: 5, EndpointAuthorizationsPerClusterLimitExceeded: 5 });
      const listed = await sdk(b.url, GRANTOR).redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "shared" }));
      assert.equal(listed.EndpointAuthorizationList?.length, 5);
    });

    it(`${backend.name}: 10 identical grants: exactly 1 succeeds, the rest already exist`, async () => {
      await both();
      await world();
      const counts = await outcomes(
        Array.from({ length: 10 }, (_, i) => () => on(i, GRANTOR).redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "shared", Account: GRANTEE }))),
      );
      assert.deepEqual(counts, { ok: 1, EndpointAuthorizationAlreadyExists: 9 });
    });

    it(`${backend.name}: 10 endpoint creations under one grant: exactly 5, and EndpointCount is 5`, async () => {
      await both();
      const { granteeNet } = await world();
      await sdk(a.url, GRANTOR).redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "shared", Account: GRANTEE }));
      const counts = await outcomes(
        Array.from({ length: 10 }, (_, i) => () =>
          on(i, GRANTEE).redshift.send(
            new CreateEndpointAccessCommand({ EndpointName: `ep-${i}`, ClusterIdentifier: "shared", ResourceOwner: GRANTOR, SubnetGroupName: granteeNet.subnetGroupName }),
          ),
        ),
      );
      assert.deepEqual(counts, { ok: 5, EndpointsPerAuthorizationLimitExceeded: 5 });
      assert.equal((await grantOf(GRANTEE))?.EndpointCount, 5);
      const endpoints = await sdk(b.url, GRANTEE).redshift.send(new DescribeEndpointAccessCommand({}));
      assert.equal(endpoints.EndpointAccessList?.length, 5);
    });

    it(`${backend.name}: 8 CreateCluster racing the node quota never exceed it`, async () => {
      await both({ "nodes-per-account": 7 });
      const net = await createNetwork(sdk(a.url, GRANTOR), "10.0.0.0/16", "sng");
      const counts = await outcomes(
        Array.from({ length: 8 }, (_, i) => () =>
          on(i, GRANTOR).redshift.send(
            new CreateClusterCommand({
              ClusterIdentifier: `c${i}`,
              NodeType: "ra3.xlplus",
              NumberOfNodes: 2,
              MasterUsername: "admin",
              MasterUserPassword: "Passw0rd1",
              ClusterSubnetGroupName: net.subnetGroupName,
            }),
          ),
        ),
      );
      assert.deepEqual(counts, { ok: 3, NumberOfNodesQuotaExceeded: 5 }, "3 × 2 nodes ≤ 7 < 4 × 2");
      const clusters = (await sdk(b.url, GRANTOR).redshift.send(new DescribeClustersCommand({}))).Clusters ?? [];
      assert.equal(clusters.reduce((n, c) => n + (c.NumberOfNodes ?? 0), 0), 6);
    });

    it(`${backend.name}: first use of a new account from both instances at once creates one default VPC`, async () => {
      await both();
      const account = "777777777777";
      const seen = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => (await retryingThrottling(() => on(i, account).ec2.send(new DescribeVpcsCommand({})))).Vpcs?.filter((v) => v.IsDefault).map((v) => v.VpcId)),
      );
      const ids = new Set(seen.flat());
      assert.equal(ids.size, 1, `one default VPC: ${[...ids].join(", ")}`);
      for (const s of seen) assert.equal(s?.length, 1);
    });

    it(`${backend.name}: concurrent DeleteEndpointAccess of one endpoint from both: one succeeds, EndpointCount decremented once`, async () => {
      await both();
      const { granteeNet } = await world();
      await sdk(a.url, GRANTOR).redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "shared", Account: GRANTEE }));
      for (const name of ["keep", "doomed"]) {
        await sdk(a.url, GRANTEE).redshift.send(
          new CreateEndpointAccessCommand({ EndpointName: name, ClusterIdentifier: "shared", ResourceOwner: GRANTOR, SubnetGroupName: granteeNet.subnetGroupName }),
        );
      }
      clock.advance(LATER);
      const counts = await outcomes(Array.from({ length: 6 }, (_, i) => () => on(i, GRANTEE).redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "doomed" }))));
      assert.equal(counts["ok"], 1, JSON.stringify(counts));
      clock.advance(LATER);
      // Both instances settle (and race to settle) the deletion.
      await Promise.all([0, 1, 2, 3].map((i) => retryingThrottling(() => on(i, GRANTEE).redshift.send(new DescribeEndpointAccessCommand({})))));
      assert.equal((await grantOf(GRANTEE))?.EndpointCount, 1);
    });

    it(`${backend.name}: due times set by one instance are settled by the other and by a restarted one`, async () => {
      await both();
      const grantor = sdk(a.url, GRANTOR);
      const net = await createNetwork(grantor, "10.0.0.0/16", "sng");
      await createCluster(grantor, "first", { ClusterSubnetGroupName: net.subnetGroupName });
      const status = async (url: string, id: string) =>
        (await sdk(url, GRANTOR).redshift.send(new DescribeClustersCommand({ ClusterIdentifier: id }))).Clusters?.[0]?.ClusterStatus;
      assert.equal(await status(b.url, "first"), "creating");
      clock.advance(LATER);
      assert.equal(await status(b.url, "first"), "available", "settled by the other instance");
      await createCluster(grantor, "second", { ClusterSubnetGroupName: net.subnetGroupName });
      await a.close();
      await b.close();
      clock.advance(LATER);
      const restarted = await start();
      servers.push(restarted);
      assert.equal(await status(restarted.url, "second"), "available", "settled by a restarted instance");
    });
  });
}
