/**
 * The store contract against the embedded backends (SQLite file in a temp dir, and in memory),
 * plus what only the SQLite file backend has: WAL mode, versioned migrations, refusing a database
 * from a newer redshift-local, and several connections to one file.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import Database from "better-sqlite3";
import { LATEST_VERSION, MIGRATIONS } from "../../src/store/sqlite/migrations.js";
import { SQLITE_FILE, SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { ENTITY_KINDS, TABLES, entityToRow } from "../../src/store/tables.js";
import { storeContract } from "./contract.js";
import { A1, R1, entity } from "./fixtures.js";

const S = { account: A1, region: R1 };

const tempDir = () => mkdtempSync(join(tmpdir(), "rl-store-"));

storeContract({
  name: "sqlite file",
  kind: "sqlite",
  durable: true,
  inCallOrder: true,
  async open() {
    const dir = tempDir();
    return {
      store: new SqliteStore({ dataDir: dir }),
      reopen: () => new SqliteStore({ dataDir: dir }),
      openPeer: (options) => new SqliteStore({ dataDir: dir, ...options }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});

storeContract({
  name: "memory",
  kind: "memory",
  durable: false,
  inCallOrder: true,
  async open() {
    return { store: new SqliteStore(), cleanup: async () => undefined };
  },
});

describe("sqlite file backend", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir, SQLITE_FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("sqlite: creates the data directory and one database file in WAL mode", async () => {
    const nested = join(dir, "a", "b");
    const store = new SqliteStore({ dataDir: nested });
    assert.equal(store.location, join(nested, SQLITE_FILE));
    assert.ok(existsSync(store.location));
    await store.close();
    const db = new Database(join(nested, SQLITE_FILE), { readonly: true });
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    db.close();
  });

  it("sqlite: the memory backend writes no file", async () => {
    const store = new SqliteStore();
    assert.equal(store.location, ":memory:");
    await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v" })));
    await store.close();
  });

  describe("migrations", () => {
    /** The database file as redshift-local left it at schema `version`, open for a test to add rows. */
    const databaseAt = (version: number): Database.Database => {
      const db = new Database(file);
      for (const m of MIGRATIONS) if (m.version <= version) db.exec(m.sql);
      db.pragma(`user_version = ${version}`);
      return db;
    };

    it("sqlite: a new database is created at the latest schema version", async () => {
      const store = new SqliteStore({ dataDir: dir });
      assert.equal(store.schemaVersion, LATEST_VERSION);
      await store.close();
    });

    it("sqlite: an empty file (schema version 0) opens and is migrated", async () => {
      writeFileSync(file, "");
      const store = new SqliteStore({ dataDir: dir });
      assert.equal(store.schemaVersion, LATEST_VERSION);
      for (const kind of ENTITY_KINDS) await store.transact((tx) => tx[kind].count({}));
      await store.close();
    });

    for (const old of MIGRATIONS) {
      it(`sqlite: a database written at schema version ${old.version} opens with its data and is brought to the latest`, async () => {
        // Build the old database by hand, as that version of redshift-local left it.
        const db = new Database(file);
        db.pragma("journal_mode = WAL");
        for (const m of MIGRATIONS) if (m.version <= old.version) db.exec(m.sql);
        db.pragma(`user_version = ${old.version}`);
        const vpc = entity("vpcs", { id: "vpc-old", index: { isDefault: true } });
        const row = entityToRow(TABLES.vpcs, vpc);
        const cols = Object.keys(row);
        const bound = cols.map((c) => (typeof row[c] === "boolean" ? Number(row[c]) : row[c])); // SQLite stores booleans as 0/1
        db.prepare(`INSERT INTO vpcs (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...bound);
        db.close();

        const store = new SqliteStore({ dataDir: dir });
        assert.equal(store.schemaVersion, LATEST_VERSION);
        assert.deepEqual(await store.transact((tx) => tx.vpcs.get({ account: A1, region: R1 }, "vpc-old")), vpc);
        assert.equal(await store.transact((tx) => tx.vpcs.count({ isDefault: true })), 1);
        await store.close();
      });
    }

    it("sqlite: migration 2 derives the nodes in use of existing clusters (a pending resize counts with its larger size)", async () => {
      const db = databaseAt(1);
      const insert = db.prepare(
        "INSERT INTO clusters (account, region, id, created_at, due_at, subnet_group_name, status, body) VALUES (?, ?, ?, 1, NULL, 'default', 'available', ?)",
      );
      insert.run(A1, R1, "plain", JSON.stringify({ ...entity("clusters", { id: "plain" }), numberOfNodes: 4 }));
      insert.run(A1, R1, "resizing", JSON.stringify({ ...entity("clusters", { id: "resizing" }), numberOfNodes: 2, pendingModifications: { numberOfNodes: 6 } }));
      db.close();
      const store = new SqliteStore({ dataDir: dir });
      assert.equal(await store.read((tx) => tx.clusters.sum({ account: A1 }, "nodesInUse")), 10);
      await store.close();
    });

    it("sqlite: migration 8 counts the endpoint authorizations already stored, per cluster", async () => {
      const db = databaseAt(7);
      const insert = db.prepare(
        "INSERT INTO authorizations (account, region, id, created_at, due_at, cluster_id, grantee, status, body) VALUES (?, ?, ?, 1, NULL, ?, ?, 'Authorized', ?)",
      );
      for (const [id, cluster] of [["g1", "c1"], ["g2", "c1"], ["g3", "c2"]] as const) {
        insert.run(A1, R1, id, cluster, id, JSON.stringify(entity("authorizations", { id, index: { clusterId: cluster } })));
      }
      db.close();
      const store = new SqliteStore({ dataDir: dir });
      assert.equal(await store.read((tx) => tx.authorizations.count({ account: A1, region: R1, clusterId: "c1" })), 2);
      assert.equal(await store.read((tx) => tx.authorizations.count({ account: A1, region: R1, clusterId: "c2" })), 1);
      await store.close();
    });

    it("sqlite: migration 10 keeps the subnet and address of the endpoints already stored in columns of their own", async () => {
      const db = databaseAt(9);
      const insert = db.prepare(
        "INSERT INTO endpoints (account, region, id, created_at, due_at, cluster_owner, cluster_id, vpc_id, subnet_group_name, status, body) VALUES (?, ?, ?, 1, NULL, ?, 'c1', 'vpc-1', 'sng', 'active', ?)",
      );
      for (const [id, subnet, ip] of [["e1", "subnet-a", "10.0.0.4"], ["e2", "subnet-a", "10.0.0.5"], ["e3", "subnet-b", "10.0.1.4"]] as const) {
        const stored = { ...entity("endpoints", { id, index: { vpcId: "vpc-1", subnetId: subnet, privateIpAddress: ip } }), tags: [{ Key: "k", Value: "\u0000" }] };
        insert.run(A1, R1, id, A1, JSON.stringify(stored));
      }
      db.close();
      const store = new SqliteStore({ dataDir: dir });
      const inVpc = { account: A1, region: R1, vpcId: "vpc-1" };
      assert.deepEqual((await store.transact((tx) => tx.endpoints.values(inVpc, "subnetId"))).sort(), ["subnet-a", "subnet-a", "subnet-b"]);
      assert.deepEqual((await store.transact((tx) => tx.endpoints.values({ ...inVpc, subnetId: "subnet-a" }, "privateIpAddress"))).sort(), ["10.0.0.4", "10.0.0.5"]);
      await store.close();
    });

    it("sqlite: a database from a newer redshift-local is refused with a clear error and left untouched", () => {
      const db = new Database(file);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
      assert.throws(
        () => new SqliteStore({ dataDir: dir }),
        (err: Error) => {
          assert.match(err.message, new RegExp(`schema version ${LATEST_VERSION + 1} is newer than this redshift-local \\(${LATEST_VERSION}\\)`));
          assert.match(err.message, /upgrade redshift-local/);
          return true;
        },
      );
      const after = new Database(file, { readonly: true });
      assert.equal(after.pragma("user_version", { simple: true }), LATEST_VERSION + 1);
      after.close();
    });

    it("sqlite: a file that is not a database is refused with its path in the error", () => {
      writeFileSync(file, "this is not a database, it is a text file that happens to have the name of one".repeat(10));
      assert.throws(() => new SqliteStore({ dataDir: dir }), (err: Error) => err.message.includes(file) && /not a database/.test(err.message));
    });

    it("sqlite: migration versions are strictly increasing from 1", () => {
      assert.deepEqual(
        MIGRATIONS.map((m) => m.version),
        MIGRATIONS.map((_, i) => i + 1),
      );
    });
  });

  it("sqlite: two stores on one file see each other's committed writes", async () => {
    const a = new SqliteStore({ dataDir: dir });
    const b = new SqliteStore({ dataDir: dir });
    await a.transact((tx) => tx.clusters.insert(entity("clusters", { id: "c1" })));
    assert.ok(await b.transact((tx) => tx.clusters.get({ account: A1, region: R1 }, "c1")));
    await b.transact((tx) => tx.clusters.remove({ account: A1, region: R1 }, "c1"));
    assert.equal(await a.transact((tx) => tx.clusters.count({})), 0);
    await a.close();
    await b.close();
  });

  it("sqlite: reads asked for together share one look at data_version; a read asked for after another connection's commit sees it", async () => {
    const statements: string[] = [];
    const a = new SqliteStore({ dataDir: dir, onStatement: (sql) => statements.push(sql) });
    const b = new SqliteStore({ dataDir: dir });
    const key = { account: A1, region: R1 };
    await a.transact((tx) => tx.clusters.insert(entity("clusters", { id: "c1" })));
    const looks = () => statements.filter((sql) => sql === "PRAGMA data_version").length;

    statements.length = 0;
    const burst = await Promise.all(Array.from({ length: 8 }, () => a.read((tx) => tx.clusters.get(key, "c1"))));
    assert.ok(burst.every((c) => c?.id === "c1"));
    // The first read of the burst also opens a snapshot (its lookup is not kept yet), which looks once more.
    assert.ok(looks() <= 2, `8 reads asked for together: ${looks()} looks`);

    statements.length = 0;
    for (let i = 0; i < 3; i++) await a.read((tx) => tx.clusters.get(key, "c1"));
    assert.equal(looks(), 3, "each read asked for after the last look takes its own");

    await b.transact((tx) => tx.clusters.remove(key, "c1"));
    assert.equal(await a.read((tx) => tx.clusters.get(key, "c1")), undefined, "what reads kept before the commit is not served after it");
    await b.transact((tx) => tx.clusters.insert(entity("clusters", { id: "c2" })));
    const [gone, added] = await Promise.all([a.read((tx) => tx.clusters.get(key, "c1")), a.read((tx) => tx.clusters.get(key, "c2"))]);
    assert.equal(gone, undefined);
    assert.equal(added?.id, "c2");
    await a.close();
    await b.close();
  });

  it("sqlite: a transaction whose function meets a lock conflict after writing is rolled back and run again from scratch", async () => {
    const store = new SqliteStore({ dataDir: dir, retry: { initialDelayMs: 1, maxDelayMs: 1 } });
    let runs = 0;
    const result = await store.transact(async (tx) => {
      runs++;
      await tx.vpcs.insert(entity("vpcs", { id: `v${runs}` }));
      if (runs === 1) throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
      return tx.vpcs.count({});
    });
    assert.equal(runs, 2);
    assert.equal(result, 1, "the first run's insert was rolled back before the second run");
    assert.deepEqual((await store.snapshot()).vpcs.map((v) => v.id), ["v2"]);
    await store.close();
  });

  it("sqlite: anyDue answers from a cached earliest due time, yet sees a transition due from this connection's writes and from another connection's commits", async () => {
    const a = new SqliteStore({ dataDir: dir });
    const b = new SqliteStore({ dataDir: dir });
    try {
      assert.equal(await a.read((tx) => tx.anyDue(5_000)), false, "nothing is due in an empty database");
      await b.transact((tx) => tx.clusters.insert(entity("clusters", { id: "other", pending: { transition: "cluster-create", at: 4_000 } })));
      assert.equal(await a.read((tx) => tx.anyDue(3_999)), false, "not yet due");
      assert.equal(await a.read((tx) => tx.anyDue(4_000)), true, "another connection's commit is seen");
      await a.transact((tx) => tx.clusters.remove(S, "other"));
      assert.equal(await a.read((tx) => tx.anyDue(9_000)), false, "gone once removed");
      await a.transact((tx) => tx.endpoints.insert(entity("endpoints", { id: "mine", pending: { transition: "endpoint-create", at: 2_000 } })));
      assert.equal(await a.read((tx) => tx.anyDue(2_000)), true, "this connection's own write is seen");
      assert.equal(await b.read((tx) => tx.anyDue(2_000)), true, "and by the other connection");
      await assert.rejects(
        a.transact(async (tx) => {
          await tx.endpoints.update({ ...entity("endpoints", { id: "mine" }) });
          assert.equal(await tx.anyDue(9_000), false, "settled inside the transaction");
          throw new Error("the operation fails after settling");
        }),
        /the operation fails/,
      );
      assert.equal(await a.read((tx) => tx.anyDue(2_000)), true, "a settle that rolled back leaves the transition due");
      await b.transact((tx) => tx.endpoints.update({ ...entity("endpoints", { id: "mine" }) }));
      assert.equal(await a.read((tx) => tx.anyDue(9_000)), false, "settled by the other connection");
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("sqlite: after anyDue, a write's due reads only the tables where something may be due, and still sees what the write itself made due", async () => {
    const statements: string[] = [];
    const store = new SqliteStore({ dataDir: dir, onStatement: (sql) => statements.push(sql) });
    const dueReads = () => statements.filter((s) => /WHERE due_at IS NOT NULL AND due_at <=/.test(s)).map((s) => /FROM (\w+)/.exec(s)![1]);
    try {
      await store.transact((tx) => tx.clusters.insert(entity("clusters", { id: "c", pending: { transition: "cluster-create", at: 1_000 } })));
      await store.transact((tx) => tx.endpoints.insert(entity("endpoints", { id: "e", pending: { transition: "endpoint-create", at: 5_000 } })));
      statements.length = 0;
      const found = await store.transact(async (tx) => {
        assert.equal(await tx.anyDue(2_000), true);
        const clusters = await tx.clusters.due(2_000, 10);
        const endpoints = await tx.endpoints.due(2_000, 10);
        const snapshots = await tx.snapshots.due(2_000, 10);
        // Made due by this very write: the bound it lowered is read again.
        await tx.snapshots.insert(entity("snapshots", { id: "s", pending: { transition: "snapshot-create", at: 1_500 } }));
        const later = await tx.snapshots.due(2_000, 10);
        return [clusters, endpoints, snapshots, later].map((l) => l.map((e) => e.id).join(","));
      });
      assert.deepEqual(found, ["c", "", "", "s"]);
      assert.deepEqual(dueReads(), ["clusters", "snapshots"]);
      // Without anyDue first (or in another write), due runs its statement.
      statements.length = 0;
      assert.equal((await store.transact((tx) => tx.endpoints.due(9_000, 10))).length, 1);
      assert.deepEqual(dueReads(), ["endpoints"]);
    } finally {
      await store.close();
    }
  });
});
