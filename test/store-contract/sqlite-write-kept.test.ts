/**
 * What write transactions keep in the SQLite stores (src/store/sqlite/repo.ts `getForUpdateShared`,
 * WriteEpoch): the cluster a hot write locks is read once and reused by the next writes while
 * nothing can have changed it — and is read again after a write of its kind, a rolled-back write,
 * another connection's commit or a reset.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { Cluster } from "../../src/domain/entities.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { A1, R1, entity } from "./fixtures.js";

const S = { account: A1, region: R1 };
const cluster = (status: string): Cluster => entity("clusters", { id: "c1", index: { status } });
const statusOf = (c: Cluster | undefined) => (c as unknown as { status?: string } | undefined)?.status;

describe("sqlite: entities kept by write transactions", () => {
  let dir: string;
  let statements: string[];
  const clusterReads = () => statements.filter((s) => /^SELECT body FROM clusters/.test(s)).length;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "rl-kept-"));
    statements = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const kind of ["memory", "sqlite file"] as const) {
    const open = () => new SqliteStore({ ...(kind === "memory" ? {} : { dataDir: dir }), onStatement: (sql) => statements.push(sql) });

    it(`${kind}: a write locks an unchanged cluster without a statement, and reads it again once the cluster is written`, async () => {
      const store = open();
      await store.transact((tx) => tx.clusters.insert(cluster("available")));
      statements.length = 0;
      const first = await store.transact((tx) => tx.clusters.getForUpdateShared(S, "c1"));
      // Other kinds written meanwhile change nothing for clusters.
      await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
      const second = await store.transact((tx) => tx.clusters.getForUpdateShared(S, "c1"));
      assert.equal(clusterReads(), 1);
      assert.equal(second, first, "the same frozen entity");
      assert.ok(Object.isFrozen(second));

      await store.transact((tx) => tx.clusters.update(cluster("modifying")));
      assert.equal(statusOf(await store.transact((tx) => tx.clusters.getForUpdateShared(S, "c1"))), "modifying");
      assert.equal(clusterReads(), 2);
      await store.close();
    });

    it(`${kind}: what a rolled-back write read of its own change is not reused after it`, async () => {
      const store = open();
      await store.transact((tx) => tx.clusters.insert(cluster("available")));
      await assert.rejects(
        store.transact(async (tx) => {
          await tx.clusters.update(cluster("deleting"));
          assert.equal(statusOf(await tx.clusters.getForUpdateShared(S, "c1")), "deleting");
          throw new Error("the operation fails after writing");
        }),
        /fails after writing/,
      );
      assert.equal(statusOf(await store.transact((tx) => tx.clusters.getForUpdateShared(S, "c1"))), "available");
      await store.close();
    });

    it(`${kind}: a reset empties what writes kept`, async () => {
      const store = open();
      await store.transact((tx) => tx.clusters.insert(cluster("available")));
      await store.transact((tx) => tx.clusters.getForUpdateShared(S, "c1"));
      await store.reset();
      assert.equal(await store.transact((tx) => tx.clusters.getForUpdateShared(S, "c1")), undefined);
      await store.close();
    });
  }

  it("sqlite file: another connection's commit is seen by the next write, whatever this one kept", async () => {
    const a = new SqliteStore({ dataDir: dir, onStatement: (sql) => statements.push(sql) });
    const b = new SqliteStore({ dataDir: dir });
    await a.transact((tx) => tx.clusters.insert(cluster("available")));
    await a.transact((tx) => tx.clusters.getForUpdateShared(S, "c1"));
    await b.transact((tx) => tx.clusters.update(cluster("rebooting")));
    assert.equal(statusOf(await a.transact((tx) => tx.clusters.getForUpdateShared(S, "c1"))), "rebooting");
    await b.transact((tx) => tx.clusters.remove(S, "c1"));
    assert.equal(await a.transact((tx) => tx.clusters.getForUpdateShared(S, "c1")), undefined);
    await a.close();
    await b.close();
  });

  it("sqlite file: in a group, a member undone after reading its own change leaves the next member the stored cluster", async () => {
    const store = new SqliteStore({ dataDir: dir });
    await store.transact((tx) => tx.clusters.insert(cluster("available")));
    const [undone, next] = await Promise.allSettled([
      store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "opens-the-group" }))),
      store.transact(async (tx) => {
        await tx.clusters.update(cluster("deleting"));
        await tx.clusters.getForUpdateShared(S, "c1");
        throw new Error("undone alone");
      }),
      store.transact((tx) => tx.clusters.getForUpdateShared(S, "c1")),
    ]).then((r) => [r[1], r[2]]);
    assert.equal(undone!.status, "rejected");
    assert.equal(next!.status, "fulfilled");
    assert.equal(statusOf((next as PromiseFulfilledResult<Cluster | undefined>).value), "available");
    await store.close();
  });
});
