/**
 * The part of the store contract for durable backends that several processes (or instances) share:
 * two stores on one database. Registered by `storeContract` (contract.ts) for every durable backend.
 */
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { Scope } from "../../src/domain/entities.js";
import { AwsError } from "../../src/domain/errors.js";
import type { RetryEvent, Store } from "../../src/store/store.js";
import type { Backend, OpenedStore, PeerOptions } from "./contract.js";
import { A1, R1, entity, tick } from "./fixtures.js";

const S1: Scope = { account: A1, region: R1 };

/** Two stores on one database (two processes): reads never wait for a writer; a busy write is retried, and past the bound is AWS's Throttling. */
export function sharedDatabase(backend: Backend, current: () => OpenedStore): void {
  describe("two stores on one database", () => {
    let peer: Store | undefined;
    afterEach(async () => {
      await peer?.close();
      peer = undefined;
    });

    const openPeer = async (options: PeerOptions = {}): Promise<Store> => {
      const opened = current();
      assert.ok(opened.openPeer, "a durable backend can open a second store on its database");
      peer = await opened.openPeer(options);
      return peer;
    };

    /** `holder` updates vpc "v" and keeps its write transaction open until `release()`. */
    const holdWriteLock = async (holder: Store) => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const done = holder.transact(async (tx) => {
        await tx.vpcs.update({ ...entity("vpcs", { id: "v" }), cidrBlock: "10.1.0.0/16" });
        holding();
        await released;
      });
      await held;
      return { release, done };
    };

    it(`${backend.name}: the change marker differs after another store on the database commits a write`, async () => {
      const store = current().store;
      const other = await openPeer();
      const before = await store.changeMarker!();
      await other.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "from-peer" })));
      assert.notEqual(await store.changeMarker!(), before);
    });

    it(`${backend.name}: what reads kept (an entity by id, a list by query) is not reused once another store commits`, async () => {
      const store = current().store;
      await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "k1" })));
      for (let i = 0; i < 2; i++) {
        assert.equal((await store.read((tx) => tx.vpcs.get(S1, "k1")))?.cidrBlock, entity("vpcs", { id: "k1" }).cidrBlock);
        assert.equal((await store.read((tx) => tx.vpcs.find({ account: A1 }))).length, 1);
      }
      const other = await openPeer();
      await other.transact(async (tx) => {
        await tx.vpcs.update({ ...entity("vpcs", { id: "k1" }), cidrBlock: "10.7.0.0/16" });
        await tx.vpcs.insert(entity("vpcs", { id: "k2" }));
      });
      assert.equal((await store.read((tx) => tx.vpcs.get(S1, "k1")))?.cidrBlock, "10.7.0.0/16", "by id");
      assert.equal((await store.read((tx) => tx.vpcs.find({ account: A1 }))).length, 2, "by query");
    });

    it(`${backend.name}: a read that used what was kept, then finds another store committed before its snapshot, runs again wholly inside the snapshot`, async () => {
      const store = current().store;
      const other = await openPeer();
      await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "s1" })));
      await store.read((tx) => tx.vpcs.get(S1, "s1")); // kept
      let runs = 0;
      const seen = await store.read(async (tx) => {
        runs++;
        const first = await tx.vpcs.get(S1, "s1"); // from what was kept: no statement, no snapshot yet
        if (runs === 1) {
          // Another store commits after the read's first look and before its snapshot.
          await other.transact(async (otx) => {
            await otx.vpcs.update({ ...(await otx.vpcs.get(S1, "s1"))!, cidrBlock: "10.9.0.0/16" });
            await otx.vpcs.insert(entity("vpcs", { id: "s2" }));
          });
        }
        const list = await tx.vpcs.find({ account: A1 }); // a statement: the snapshot opens
        return { cidrBlock: first?.cidrBlock, count: list.length };
      });
      assert.equal(runs, 2, "the mixed first run is discarded");
      assert.deepEqual(seen, { cidrBlock: "10.9.0.0/16", count: 2 }, "the answer is one state, the newer one");
    });

    it(`${backend.name}: while another store holds a write transaction open, reads complete and see the last committed state`, async () => {
      const store = current().store;
      await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v" })));
      const holder = await openPeer();
      const lock = await holdWriteLock(holder);
      let released = false;
      const seen = await store.read((tx) => tx.vpcs.get(S1, "v"));
      assert.equal(released, false);
      assert.deepEqual(seen, entity("vpcs", { id: "v" }), "the uncommitted update is not visible");
      assert.equal((await store.snapshot()).vpcs.length, 1, "snapshot is a read too");
      released = true;
      lock.release();
      await lock.done;
      assert.equal((await store.read((tx) => tx.vpcs.get(S1, "v")))?.cidrBlock, "10.1.0.0/16");
    });

    it(`${backend.name}: a write that meets another store's lock is retried from scratch and succeeds once the lock is released; reads go on meanwhile`, async () => {
      const store = current().store;
      await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v" })));
      // The store under test is the peer here, so that its retry policy and observer can be set.
      const events: RetryEvent[] = [];
      let firstRetry!: () => void;
      const retried = new Promise<void>((resolve) => (firstRetry = resolve));
      const writer = await openPeer({
        retry: { budgetMs: 60_000, maxAttempts: 10_000, initialDelayMs: 1, maxDelayMs: 5 },
        onRetry: (e) => {
          events.push(e);
          firstRetry();
        },
      });
      const lock = await holdWriteLock(store);
      let runs = 0;
      const write = writer.transact(async (tx) => {
        runs++;
        const v = (await tx.vpcs.getForUpdate(S1, "v"))!;
        await tx.vpcs.update({ ...v, cidrBlock: v.cidrBlock === "10.1.0.0/16" ? "10.2.0.0/16" : "lost-update" });
        return "written";
      });
      await retried;
      // The waiting write does not hold the writer's queue: its reads still answer.
      assert.equal(await writer.read((tx) => tx.vpcs.count({})), 1);
      lock.release();
      await lock.done;
      assert.equal(await write, "written");
      assert.ok(events.length >= 1 && events.every((e) => e.mode === "write" && e.delayMs >= 0));
      assert.ok(runs >= 1);
      assert.equal((await store.read((tx) => tx.vpcs.get(S1, "v")))?.cidrBlock, "10.2.0.0/16", "the retry ran after the holder's commit, from scratch");
    });

    it(`${backend.name}: under transact, count-then-insert racing from two stores never exceeds the bound (many rounds)`, async () => {
      const store = current().store;
      const other = await openPeer({ retry: { budgetMs: 60_000, maxAttempts: 10_000, initialDelayMs: 1, maxDelayMs: 20 } });
      const LIMIT = 3;
      const ROUNDS = 8;
      const tryCreate = (s: Store, round: number, id: string) =>
        s.transact(async (tx) => {
          const n = await tx.endpoints.count({ clusterId: `round-${round}` });
          await tick(); // every chance to interleave
          if (n >= LIMIT) return false;
          await tx.endpoints.insert(entity("endpoints", { id, index: { clusterId: `round-${round}` } }));
          return true;
        });
      for (let round = 0; round < ROUNDS; round++) {
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => tryCreate(i % 2 ? other : store, round, `r${round}-e${i}`)));
        assert.equal(results.filter(Boolean).length, LIMIT, `round ${round}`);
        assert.equal(await store.read((tx) => tx.endpoints.count({ clusterId: `round-${round}` })), LIMIT, `round ${round}`);
      }
    });

    it(`${backend.name}: a write still locked out past the retry bound answers AWS's retryable Throttling and changes nothing`, async () => {
      const store = current().store;
      await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v" })));
      const events: RetryEvent[] = [];
      const writer = await openPeer({ retry: { budgetMs: 60_000, maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 }, onRetry: (e) => events.push(e) });
      const lock = await holdWriteLock(store);
      await assert.rejects(
        writer.transact((tx) => tx.vpcs.remove(S1, "v")),
        (err: unknown) => {
          assert.ok(err instanceof AwsError, String(err));
          assert.equal(err.code, "Throttling");
          assert.equal(err.status, 400);
          assert.match(err.message, /^Rate exceeded/);
          return true;
        },
      );
      assert.deepEqual(events.map((e) => e.attempt), [1, 2], "3 attempts in all, 2 backoffs");
      lock.release();
      await lock.done;
      assert.equal(await store.read((tx) => tx.vpcs.count({})), 1, "nothing of the refused write committed");
      assert.equal(await writer.transact((tx) => tx.vpcs.remove(S1, "v")), true, "the writer works once the lock is free");
    });
  });
}
