/**
 * Checkpoints of the SQLite file store run on a worker thread (src/store/sqlite/checkpointer.ts),
 * not inside a write's COMMIT: after COMMITS_PER_CHECKPOINT commits the worker has moved the log
 * into the database file, and every write is still there after a reopen. Memory has no worker.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { COMMITS_PER_CHECKPOINT } from "../../src/store/sqlite/checkpointer.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { A1, entity } from "./fixtures.js";

describe("sqlite file: checkpoints on a worker thread", () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "rl-checkpoint-"));
    dirs.push(dir);
    return dir;
  };
  const writeVpcs = async (store: SqliteStore, n: number, from = 0) => {
    for (let i = from; i < from + n; i++) await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: `v${i}` })));
  };

  it("sqlite file: no checkpoint before COMMITS_PER_CHECKPOINT commits, then one by the worker; every write survives a reopen", async () => {
    const dir = dataDir();
    const store = new SqliteStore({ dataDir: dir });
    await writeVpcs(store, COMMITS_PER_CHECKPOINT - 1);
    assert.equal(await store.checkpointsDone(), 0);
    await writeVpcs(store, 1, COMMITS_PER_CHECKPOINT - 1);
    assert.equal(await store.checkpointsDone(), 1);
    await store.close();
    const reopened = new SqliteStore({ dataDir: dir });
    try {
      assert.equal(await reopened.read((tx) => tx.vpcs.count({ account: A1 })), COMMITS_PER_CHECKPOINT);
    } finally {
      await reopened.close();
    }
  });

  it("sqlite memory: no worker and no checkpoint", async () => {
    const store = new SqliteStore();
    try {
      await writeVpcs(store, COMMITS_PER_CHECKPOINT);
      assert.equal(await store.checkpointsDone(), 0);
    } finally {
      await store.close();
    }
  });
});
