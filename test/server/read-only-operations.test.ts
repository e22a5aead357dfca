/**
 * Read-only operations (every Describe* and Get*) run in a read transaction, which never takes the
 * database's write lock: due lifecycle transitions are settled first in a short write of their
 * own, and an operation that must create something on first use (an account's default VPC) is run
 * again as a write. The handler itself can never write inside the read.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Authenticator } from "../../src/auth/authenticate.js";
import { ManualClock } from "../../src/domain/clock.js";
import { resolveDelays } from "../../src/domain/lifecycle.js";
import { resolveQuotas } from "../../src/domain/quotas.js";
import { integer, string, structure } from "../../src/protocol/shapes.js";
import type { App } from "../../src/server/app.js";
import { Logger } from "../../src/server/logger.js";
import { runOperation, type Invocation } from "../../src/server/pipeline.js";
import type { AnyOperation, RequestContext } from "../../src/services/operation.js";
import { SERVICES } from "../../src/services/registry.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { ReadOnlyTransactionError, type Store, type Tx } from "../../src/store/store.js";
import { GRANTOR, REGION } from "../helpers.js";

/** The store, counting the transactions of each kind it opens. */
function countingStore(inner: Store): Store & { reads: number; writes: number } {
  const counted = {
    reads: 0,
    writes: 0,
    kind: inner.kind,
    location: inner.location,
    transact: <T>(fn: (tx: Tx) => Promise<T>) => {
      counted.writes++;
      return inner.transact(fn);
    },
    read: <T>(fn: (tx: Tx) => Promise<T>) => {
      counted.reads++;
      return inner.read(fn);
    },
    health: () => inner.health(),
    snapshot: () => inner.snapshot(),
    reset: () => inner.reset(),
    close: () => inner.close(),
  };
  return counted;
}

function appWith(store: Store, clock: ManualClock, delays: Parameters<typeof resolveDelays>[0] = undefined): App {
  return {
    store,
    auth: new Authenticator({ mode: "open", credentials: new Map(), defaultAccount: "000000000000" }),
    clock,
    quotas: resolveQuotas(undefined),
    delays: resolveDelays(delays),
    logger: new Logger("silent"),
    version: "test",
    defaultAccount: "000000000000",
  };
}

const invocation = (clock: ManualClock): Invocation => ({ identity: { account: GRANTOR, region: REGION, accessKeyId: undefined }, requestId: "r", now: clock.now() });

/** Whether the transaction the handler runs in refuses row locks (a read) or grants them (a write). */
async function transactionKind(ctx: RequestContext): Promise<"read" | "write"> {
  try {
    await ctx.tx.vpcs.getForUpdate(ctx.scope, "vpc-none");
    return "write";
  } catch (err) {
    if (err instanceof ReadOnlyTransactionError) return "read";
    throw err;
  }
}

describe("read-only operations", () => {
  it("read-only: every Describe* and Get* operation of every service is marked readOnly, and no other", () => {
    for (const service of SERVICES) {
      for (const [name, op] of Object.entries(service.operations)) {
        assert.equal(op.readOnly === true, /^(Describe|Get)[A-Z]/.test(name), `${service.signingName} ${name}`);
      }
    }
  });

  it("read-only: a read-only operation runs once, in a read transaction, when nothing is due", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 2));
    const store = countingStore(new SqliteStore());
    const kinds: string[] = [];
    const op: AnyOperation = {
      readOnly: true,
      input: structure({}),
      output: structure({ N: integer() }),
      handler: async (ctx: RequestContext) => {
        kinds.push(await transactionKind(ctx));
        return { N: await ctx.tx.clusters.count({}) };
      },
    };
    assert.deepEqual(await runOperation(appWith(store, clock), op, {}, invocation(clock)), { N: 0 });
    assert.deepEqual(kinds, ["read"]);
    assert.deepEqual([store.reads, store.writes], [1, 0]);
    await store.close();
  });

  it("read-only: a read-only operation that must write (create on first use) is run again as a write, and its write commits once", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 2));
    const store = countingStore(new SqliteStore());
    const kinds: string[] = [];
    const op: AnyOperation = {
      readOnly: true,
      input: structure({}),
      output: structure({ Id: string() }),
      handler: async (ctx: RequestContext) => {
        kinds.push(await transactionKind(ctx));
        const existing = await ctx.tx.vpcs.get(ctx.scope, "vpc-lazy");
        if (!existing) await ctx.tx.vpcs.insert({ ...ctx.scope, id: "vpc-lazy", createdAt: ctx.now, cidrBlock: "172.31.0.0/16", isDefault: true, tags: [] });
        return { Id: "vpc-lazy" };
      },
    };
    assert.deepEqual(await runOperation(appWith(store, clock), op, {}, invocation(clock)), { Id: "vpc-lazy" });
    assert.deepEqual(kinds, ["read", "write"]);
    assert.equal((await store.snapshot()).vpcs.length, 1);
    // The next call finds it and stays a read.
    await runOperation(appWith(store, clock), op, {}, invocation(clock));
    assert.deepEqual(kinds, ["read", "write", "read"]);
    await store.close();
  });

  it("read-only: due transitions are settled in a short write of their own, then the operation reads the settled state", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 2));
    const store = countingStore(new SqliteStore());
    const app = appWith(store, clock, { "cluster-create": 60_000 });
    const redshift = SERVICES.find((s) => s.signingName === "redshift")!;
    await runOperation(
      app,
      redshift.operations.CreateCluster!,
      { ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" },
      invocation(clock),
    );
    clock.advance(60_000);
    store.reads = 0;
    store.writes = 0;
    const out = (await runOperation(app, redshift.operations.DescribeClusters!, {}, invocation(clock))) as { Clusters: { ClusterStatus: string }[] };
    assert.deepEqual(out.Clusters.map((c) => c.ClusterStatus), ["available"]);
    assert.deepEqual([store.reads, store.writes], [2, 1], "a read that found the transition due, the settling write, the read that answered");
    await store.close();
  });
});
