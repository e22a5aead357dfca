/**
 * Group commit in the SQLite file store (src/store/sqlite/commit-group.ts): writes asked for
 * together share one transaction and one COMMIT, yet each is acknowledged only once committed,
 * fails alone, and no read sees a write that is not committed.
 */
import assert from "node:assert/strict";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import Database from "better-sqlite3";
import { ServiceUnavailable } from "../../src/domain/errors.js";
import { DuplicateKeyError } from "../../src/store/store.js";
import { SQLITE_FILE, SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { A1, R1, entity } from "./fixtures.js";

const S = { account: A1, region: R1 };

describe("sqlite file: group commit", () => {
  let dir: string;
  let statements: string[];
  let store: SqliteStore;
  /** Another connection to the file: it sees only what is committed. */
  let peer: Database.Database;
  const committedVpcs = () => (peer.prepare("SELECT id FROM vpcs ORDER BY id").pluck().all() as string[]).join(",");
  const kinds = (prefix: RegExp) => statements.filter((s) => prefix.test(s)).length;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "rl-group-"));
    statements = [];
    store = new SqliteStore({ dataDir: dir, onStatement: (sql) => statements.push(sql) });
    peer = new Database(join(dir, SQLITE_FILE), { readonly: true });
    statements.length = 0;
  });
  afterEach(async () => {
    peer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("group commit: writes asked for together share one COMMIT, each in a savepoint, and each is acknowledged only once committed", async () => {
    const ids = ["v1", "v2", "v3", "v4", "v5"];
    const seenAtAck: string[] = [];
    await Promise.all(
      ids.map((id) => store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id }))).then(() => seenAtAck.push(committedVpcs()))),
    );
    assert.equal(kinds(/^BEGIN IMMEDIATE/), 1);
    assert.equal(kinds(/^COMMIT/), 1);
    assert.equal(kinds(/^SAVEPOINT/), ids.length - 1, "the first write runs in the transaction itself");
    assert.equal(kinds(/^RELEASE/), ids.length - 1);
    // When each write was acknowledged, another connection already saw all of them.
    assert.deepEqual(seenAtAck, ids.map(() => ids.join(",")));
  });

  it("group commit: a write that fails inside a group is undone alone; the others commit", async () => {
    const results = await Promise.allSettled([
      store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "a" }))),
      store.transact(async (tx) => {
        await tx.vpcs.insert(entity("vpcs", { id: "b" }));
        throw new Error("the operation fails after writing");
      }),
      store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "a" }))), // duplicate key
      store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "c" }))),
    ]);
    assert.deepEqual(results.map((r) => r.status), ["fulfilled", "rejected", "rejected", "fulfilled"]);
    assert.match(String((results[1] as PromiseRejectedResult).reason), /fails after writing/);
    assert.ok((results[2] as PromiseRejectedResult).reason instanceof DuplicateKeyError);
    assert.equal(kinds(/^ROLLBACK TO/), 2);
    assert.equal(kinds(/^COMMIT/), 1);
    assert.equal(committedVpcs(), "a,c");
  });

  it("group commit: when the first write of a group fails, its transaction is rolled back and the next write begins another", async () => {
    const results = await Promise.allSettled([
      store.transact(async (tx) => {
        await tx.vpcs.insert(entity("vpcs", { id: "first" }));
        throw new Error("no");
      }),
      store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "second" }))),
    ]);
    assert.deepEqual(results.map((r) => r.status), ["rejected", "fulfilled"]);
    assert.deepEqual(
      statements.filter((s) => /^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/.test(s)),
      ["BEGIN IMMEDIATE", "ROLLBACK", "BEGIN IMMEDIATE", "COMMIT"],
    );
    assert.equal(committedVpcs(), "second");
  });

  it("group commit: a read asked for between two writes sees the first committed and not the second", async () => {
    let seen: { own: boolean; committed: string; later: boolean } | undefined;
    await Promise.all([
      store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "before" }))),
      store.read(async (tx) => {
        seen = {
          own: (await tx.vpcs.get(S, "before")) !== undefined,
          committed: committedVpcs(),
          later: (await tx.vpcs.get(S, "after")) !== undefined,
        };
      }),
      store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "after" }))),
    ]);
    assert.deepEqual(seen, { own: true, committed: "before", later: false });
    assert.equal(kinds(/^BEGIN IMMEDIATE/), 2, "the read ended the first group");
    assert.equal(committedVpcs(), "after,before");
  });

  it("group commit: a group whose COMMIT cannot be made fails every member, and none of its writes is kept", async () => {
    const file = join(dir, SQLITE_FILE);
    const results = await Promise.allSettled([
      store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "x" }))),
      store.transact(async (tx) => {
        await tx.vpcs.insert(entity("vpcs", { id: "y" }));
        // The data directory's file is replaced before the group commits: the store refuses to
        // acknowledge writes into a file that is no longer the one in the directory.
        renameSync(file, `${file}.moved`);
      }),
    ]);
    renameSync(`${file}.moved`, file);
    for (const r of results) {
      assert.equal(r.status, "rejected");
      assert.ok((r).reason instanceof ServiceUnavailable);
    }
    assert.equal(kinds(/^COMMIT/), 0);
    assert.equal(committedVpcs(), "");
  });

  it("group commit: in memory every write is its own transaction (a commit there costs no system call)", async () => {
    const memoryStatements: string[] = [];
    const memory = new SqliteStore({ onStatement: (sql) => memoryStatements.push(sql) });
    memoryStatements.length = 0;
    await Promise.all(["m1", "m2"].map((id) => memory.transact((tx) => tx.vpcs.insert(entity("vpcs", { id })))));
    assert.equal(memoryStatements.filter((s) => /^COMMIT/.test(s)).length, 2);
    assert.equal(memoryStatements.filter((s) => /^SAVEPOINT/.test(s)).length, 0);
    await memory.close();
  });
});
