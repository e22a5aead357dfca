/**
 * The sole-writer lease of the PostgreSQL store (store/postgres/sole-lease.ts): an instance alone
 * takes it and its reads of what they kept then run no statement at all; a write of another
 * instance makes the holder give it up before that write commits, and the holder's own writes end
 * the reuse of its look, so a read answered after any acknowledged write sees it. Skipped, with one
 * line, when REDSHIFT_LOCAL_TEST_PG is not set.
 */
import assert from "node:assert/strict";
import { after, afterEach, describe, it } from "node:test";
import { pg } from "../../src/store/postgres/driver.js";
import { openPostgresStore, type PostgresOptions, type PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { LEASE_KEY, SoleLease } from "../../src/store/postgres/sole-lease.js";
import { PG_SKIP, PG_URL, dropSchema, freshSchema, pgAdmin } from "../postgres.js";
import { A1, R1, entity } from "./fixtures.js";

const S1 = { account: A1, region: R1 };

/** Statements sent by every client of this process while `fn` runs (a holder's heartbeat aside). */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : (first as { text?: string }).text ?? "";
    if (text !== "SELECT 1") sent.push(text);
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return sent;
}

/** The backends holding `schema`'s lease key, as pg_locks shows an advisory lock on a bigint: its two halves. */
async function leaseHolders(schema: string): Promise<number[]> {
  const rows = await pgAdmin<{ pid: number }>(
    `WITH k AS (SELECT ${LEASE_KEY.replace("current_schema()", "$1::text")} AS key)
     SELECT pid FROM pg_locks, k WHERE locktype = 'advisory' AND objsubid = 1 AND granted
       AND classid::bigint = (key >> 32) & 4294967295 AND objid::bigint = key & 4294967295`,
    [schema],
  );
  return rows.map((r) => r.pid);
}

/** Waits (a bounded number of short polls) until `store` holds the lease or not. */
async function untilSole(store: PostgresStore, sole = true): Promise<void> {
  for (let i = 0; i < 500 && store.soleWriter !== sole; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(store.soleWriter, sole, sole ? "the store took the lease" : "the store gave the lease up");
}

describe("postgres sole-writer lease", { skip: PG_SKIP }, () => {
  const schemas: string[] = [];
  const stores: PostgresStore[] = [];
  const open = async (schema: string, options: Partial<PostgresOptions> = {}) => {
    const store = await openPostgresStore({ url: PG_URL!, schema, poolSize: 4, ...options });
    stores.push(store);
    return store;
  };
  const fresh = () => {
    const s = freshSchema();
    schemas.push(s);
    return s;
  };
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });
  after(async () => {
    for (const s of schemas) await dropSchema(s);
  });

  const read = (store: PostgresStore, id: string) => store.read((tx) => tx.vpcs.get(S1, id));

  it("postgres lease: an instance alone takes the lease, and a read of what it kept then runs no statement", async () => {
    const store = await open(fresh());
    await untilSole(store);
    await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
    await read(store, "v1"); // looks, reads and keeps
    await read(store, "v1"); // takes the look it reuses from here on
    const sent = await statementsDuring(async () => {
      for (let i = 0; i < 5; i++) assert.equal((await read(store, "v1"))?.id, "v1");
    });
    assert.deepEqual(sent, []);
  });

  it("postgres lease: without reuse (lookReuseMs 0) the lease is never taken and every read looks at the database", async () => {
    const schema = fresh();
    const store = await open(schema, { lookReuseMs: 0 });
    await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
    await read(store, "v1");
    const sent = await statementsDuring(async () => {
      for (let i = 0; i < 3; i++) await read(store, "v1");
    });
    assert.equal(sent.length, 3, "one look per read");
    assert.equal(store.soleWriter, false);
    assert.deepEqual(await leaseHolders(schema), []);
  });

  for (const peerReuse of [0, 250]) {
    it(`postgres lease: a write of another instance (lookReuseMs ${peerReuse}) makes the holder give the lease up first, so the holder's next read sees it`, async () => {
      const schema = fresh();
      const holder = await open(schema);
      await untilSole(holder);
      await holder.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
      for (let i = 0; i < 2; i++) assert.equal((await read(holder, "v1"))?.cidrBlock, entity("vpcs", { id: "v1" }).cidrBlock);
      const peer = await open(schema, { lookReuseMs: peerReuse });
      await peer.transact((tx) => tx.vpcs.update({ ...entity("vpcs", { id: "v1" }), cidrBlock: "10.9.0.0/16" }));
      assert.equal(holder.soleWriter, false, "given up before the peer's write committed");
      assert.equal((await read(holder, "v1"))?.cidrBlock, "10.9.0.0/16");
    });
  }

  it("postgres lease: the holder's own write ends the reuse of its look before it is answered", async () => {
    const store = await open(fresh());
    await untilSole(store);
    await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
    for (let i = 0; i < 2; i++) await read(store, "v1");
    await store.transact((tx) => tx.vpcs.update({ ...entity("vpcs", { id: "v1" }), cidrBlock: "10.8.0.0/16" }));
    assert.equal((await read(store, "v1"))?.cidrBlock, "10.8.0.0/16");
    assert.equal((await store.read((tx) => tx.vpcs.find({ account: A1 })))[0]?.cidrBlock, "10.8.0.0/16");
  });

  it("postgres lease: it is not taken while a write is at the database, even one of a holder whose lease was lost meanwhile", async () => {
    const schema = fresh();
    const holder = await open(schema);
    await untilSole(holder);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // The holder's write passes its check of the lease, then the lease's session ends.
    const write = holder.transact(async (tx) => {
      await tx.vpcs.insert(entity("vpcs", { id: "v1" }));
      holding();
      await released;
    });
    await held;
    try {
      const [owner] = await leaseHolders(schema);
      await pgAdmin("SELECT pg_terminate_backend($1)", [owner!]);
      // Another instance tries every 300 ms (a third of the idle bound): each attempt finds the gate busy.
      const other = await open(schema, { idleInTransactionTimeoutMs: 900 });
      for (let i = 0; i < 100 && !other.soleWriter; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(other.soleWriter, false, "not taken while the write is at the database");
      release();
      await write;
      await untilSole(other);
      assert.equal((await read(other, "v1"))?.id, "v1", "the write is seen");
    } finally {
      release();
      await write;
    }
  });

  it("postgres lease: the holder's check at the database is true while its session holds the key, false once that session is gone", async () => {
    const schema = fresh();
    await open(schema, { lookReuseMs: 0 }); // creates the schema and its write gate
    const lease = new SoleLease({
      connection: { connectionString: PG_URL, options: `-c search_path=${schema}` },
      idleMs: 30_000,
      retryMs: 2000,
      onChange: () => undefined,
    });
    lease.start();
    try {
      for (let i = 0; i < 500 && !lease.held; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      const check = lease.heldAtTheDatabase;
      assert.ok(check !== undefined);
      assert.equal((await pgAdmin<{ held: boolean }>(`SELECT ${check} AS held`))[0]!.held, true);
      const pid = Number(/, (\d+)\)$/.exec(check)![1]);
      await pgAdmin("SELECT pg_terminate_backend($1)", [pid]);
      let held = true;
      for (let i = 0; i < 500 && held; i++) {
        held = (await pgAdmin<{ held: boolean }>(`SELECT ${check} AS held`))[0]!.held;
        if (held) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.equal(held, false, "the ended session holds nothing");
    } finally {
      await lease.close();
    }
  });

  it("postgres lease: a session of one's own that writes the tables is seen once the reused look is lookReuseMs old", async () => {
    const schema = fresh();
    const store = await open(schema, { lookReuseMs: 50 });
    await untilSole(store);
    await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
    await pgAdmin(`DELETE FROM "${schema}".vpcs WHERE id = 'v1'`);
    let seen = true;
    for (let i = 0; i < 100 && seen; i++) {
      seen = (await read(store, "v1")) !== undefined;
      if (seen) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(seen, false);
  });
});
