/**
 * THE store contract ("one store interface, one contract test suite run against every
 * backend"). `storeContract(backend)` registers the whole suite for one backend; each backend's test
 * file only says how to open a fresh, empty store of its kind.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { EntityBase, EntityKind, Scope } from "../../src/domain/entities.js";
import {
  DuplicateKeyError,
  ReadOnlyTransactionError,
  cursorOf,
  type Filter,
  type Repo,
  type RetryEvent,
  type RetryPolicy,
  type Store,
  type Tx,
} from "../../src/store/store.js";
import { ENTITY_KINDS, TABLES } from "../../src/store/tables.js";
import { A1, A2, R1, R2, apartFromUniqueNames, entity, indexValue, tick } from "./fixtures.js";
import { sharedDatabase } from "./shared-database.js";

export interface OpenedStore {
  readonly store: Store;
  /** Durable backends: open the same database again (after `store.close()`). */
  readonly reopen?: () => Store | Promise<Store>;
  /**
   * Shared backends: another store on the same database, as a second redshift-local process
   * sharing the data directory (or the PostgreSQL database) would open it.
   */
  readonly openPeer?: (options: PeerOptions) => Store | Promise<Store>;
  /** Removes whatever the backend left behind (files, schemas). */
  cleanup(): Promise<void>;
}

export interface PeerOptions {
  readonly retry?: Partial<RetryPolicy>;
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface Backend {
  readonly name: string;
  readonly kind: Store["kind"];
  /** Whether state outlives the store object (then `open()` must provide `reopen`). */
  readonly durable: boolean;
  /**
   * Whether one store runs its operations one at a time in call order (SQLite: one connection).
   * A pooled backend (PostgreSQL) runs them concurrently: each still sees a committed state.
   */
  readonly inCallOrder: boolean;
  open(): Promise<OpenedStore>;
}

type AnyRepo = Repo<EntityBase, string>;
const repo = (tx: Tx, kind: EntityKind): AnyRepo => tx[kind];
const S1: Scope = { account: A1, region: R1 };

export function storeContract(backend: Backend): void {
  describe(`store contract: ${backend.name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeEach(async () => {
      opened = await backend.open();
      store = opened.store;
    });
    afterEach(async () => {
      await store.close();
      await opened.cleanup();
    });

    const insertAll = (kind: EntityKind, entities: EntityBase[]) =>
      store.transact(async (tx) => {
        for (const e of entities) await repo(tx, kind).insert(e);
      });
    const read = <T>(fn: (tx: Tx) => Promise<T>) => store.transact(fn);

    it(`${backend.name}: reports its kind`, () => {
      assert.equal(store.kind, backend.kind);
      assert.ok(store.location.length > 0);
    });

    describe("insert / get / update / remove", () => {
      it(`${backend.name}: every kind round-trips its entity unchanged, body and index properties alike`, async () => {
        for (const kind of ENTITY_KINDS) {
          const e = entity(kind, { id: `${kind}-1`, createdAt: 1234, pending: { transition: "endpoint-create", at: 99 } });
          await insertAll(kind, [e]);
          assert.deepEqual(await read((tx) => repo(tx, kind).get(S1, e.id)), e, kind);
          assert.deepEqual(await read((tx) => repo(tx, kind).getForUpdate(S1, e.id)), e, kind);
          const shared = await read((tx) => repo(tx, kind).getForUpdateShared(S1, e.id));
          assert.deepEqual(shared, e, kind);
          assert.ok(Object.isFrozen(shared) && Object.isFrozen((shared as unknown as { payload: object }).payload), `${kind}: shared and frozen`);
          assert.ok(!Object.isFrozen(await read((tx) => repo(tx, kind).getForUpdate(S1, e.id))), `${kind}: getForUpdate gives a copy of its own`);
        }
      });

      it(`${backend.name}: get is scoped by account and region`, async () => {
        await insertAll("clusters", [entity("clusters", { id: "c1" })]);
        assert.equal(await read((tx) => tx.clusters.get({ account: A2, region: R1 }, "c1")), undefined);
        assert.equal(await read((tx) => tx.clusters.get({ account: A1, region: R2 }, "c1")), undefined);
        assert.equal(await read((tx) => tx.clusters.get(S1, "c2")), undefined);
        assert.equal(await read((tx) => tx.clusters.getForUpdate(S1, "c2")), undefined);
      });

      it(`${backend.name}: getMany answers in the order asked, undefined where there is no row, scoped by partition, in writes and reads`, async () => {
        await insertAll("subnets", [entity("subnets", { id: "s1" }), entity("subnets", { id: "s2" }), entity("subnets", { id: "s3", account: A2 })]);
        const ids = ["s2", "missing", "s1", "s3", "s2"];
        const expected = ["s2", undefined, "s1", undefined, "s2"];
        const inWrite = await store.transact((tx) => tx.subnets.getMany(S1, ids));
        assert.deepEqual(inWrite.map((s) => s?.id), expected);
        assert.notEqual(inWrite[0], inWrite[4], "a write gets a copy of its own per id");
        assert.ok(!Object.isFrozen(inWrite[0]));
        assert.deepEqual((await store.read((tx) => tx.subnets.getMany(S1, ids))).map((s) => s?.id), expected);
        assert.deepEqual(await store.read((tx) => tx.subnets.getMany(S1, [])), []);
        assert.deepEqual((await store.read((tx) => tx.subnets.getMany({ account: A2, region: R1 }, ["s1", "s3"]))).map((s) => s?.id), [undefined, "s3"]);
      });

      it(`${backend.name}: a second insert of the same (account, region, id) is a DuplicateKeyError`, async () => {
        await insertAll("endpoints", [entity("endpoints", { id: "e1" })]);
        await assert.rejects(insertAll("endpoints", [entity("endpoints", { id: "e1", createdAt: 5 })]), DuplicateKeyError);
        // The same id in another account, region or kind is another resource.
        await insertAll("endpoints", [entity("endpoints", { id: "e1", account: A2 }), entity("endpoints", { id: "e1", region: R2 })]);
        await insertAll("clusters", [entity("clusters", { id: "e1" })]);
        assert.equal(await read((tx) => tx.endpoints.count({ id: "e1" })), 3);
      });

      it(`${backend.name}: update replaces the body and the index properties`, async () => {
        const c = entity("clusters", { id: "c1", index: { status: "creating" }, pending: { transition: "cluster-create", at: 10 } });
        await insertAll("clusters", [c]);
        const changed = { ...c, status: "available" as const, pending: undefined, numberOfNodes: 4 };
        await store.transact((tx) => tx.clusters.update(changed));
        const got = await read((tx) => tx.clusters.get(S1, "c1"));
        assert.equal(got?.status, "available");
        assert.equal(got?.numberOfNodes, 4);
        assert.equal(got?.pending, undefined);
        assert.equal(await read((tx) => tx.clusters.count({ status: "creating" })), 0);
        assert.equal(await read((tx) => tx.clusters.count({ status: "available" })), 1);
        assert.deepEqual(await read((tx) => tx.clusters.due(1_000_000, 10)), [], "no longer due");
      });

      it(`${backend.name}: update of a missing entity reports false instead of inserting`, async () => {
        assert.equal(await store.transact((tx) => tx.clusters.update(entity("clusters", { id: "ghost" }))), false);
        assert.equal(await read((tx) => tx.clusters.get(S1, "ghost")), undefined);
        await insertAll("clusters", [entity("clusters", { id: "real" })]);
        assert.equal(await store.transact((tx) => tx.clusters.update(entity("clusters", { id: "real", index: { status: "x" } }))), true);
      });

      it(`${backend.name}: remove reports whether something was removed`, async () => {
        await insertAll("subnets", [entity("subnets", { id: "s1" }), entity("subnets", { id: "s1", account: A2 })]);
        assert.equal(await store.transact((tx) => tx.subnets.remove(S1, "s1")), true);
        assert.equal(await read((tx) => tx.subnets.get(S1, "s1")), undefined);
        assert.equal(await store.transact((tx) => tx.subnets.remove(S1, "s1")), false);
        assert.ok(await read((tx) => tx.subnets.get({ account: A2, region: R1 }, "s1")), "the other account's entity stays");
      });
    });

    it(`${backend.name}: in a write, due after anyDue finds what is due in every due table, and what the write itself makes due`, async () => {
      await insertAll("clusters", [entity("clusters", { id: "c", pending: { transition: "cluster-create", at: 1_000 } })]);
      await insertAll("endpoints", [entity("endpoints", { id: "e", pending: { transition: "endpoint-create", at: 5_000 } })]);
      const ids = (list: EntityBase[]) => list.map((e) => e.id).join(",");
      const found = await store.transact(async (tx) => {
        const due = await tx.anyDue(2_000);
        const before = [ids(await tx.clusters.due(2_000, 10)), ids(await tx.endpoints.due(2_000, 10)), ids(await tx.snapshots.due(2_000, 10))];
        // Made due by this very write, after anyDue.
        await tx.snapshots.insert(entity("snapshots", { id: "s", pending: { transition: "snapshot-create", at: 1_500 } }));
        await tx.endpoints.update(entity("endpoints", { id: "e", pending: { transition: "endpoint-create", at: 1_800 } }));
        const after = [ids(await tx.snapshots.due(2_000, 10)), ids(await tx.endpoints.due(2_000, 10))];
        // At another time than anyDue's, every table is asked.
        const later = ids(await tx.scheduledActions.due(9_000, 10)) + "|" + ids(await tx.clusters.due(9_000, 10));
        return { due, before, after, later };
      });
      assert.deepEqual(found, { due: true, before: ["c", "", ""], after: ["s", "e"], later: "|c" });
    });

    it(`${backend.name}: wroteDueBy tells whether the write wrote a row due by a time since its last anyDue; a read never did`, async () => {
      await insertAll("clusters", [entity("clusters", { id: "c", pending: { transition: "cluster-create", at: 1_000 } })]);
      const seen = await store.transact(async (tx) => {
        const out: boolean[] = [];
        await tx.anyDue(2_000);
        out.push(tx.wroteDueBy(2_000)); // nothing written yet
        await tx.clusters.update(entity("clusters", { id: "c", pending: { transition: "cluster-create", at: 3_000 } }));
        out.push(tx.wroteDueBy(2_000), tx.wroteDueBy(3_000)); // due at 3,000: not by 2,000; by 3,000
        await tx.endpoints.insert(entity("endpoints", { id: "e", pending: { transition: "endpoint-create", at: 1_500 } }));
        out.push(tx.wroteDueBy(2_000)); // an endpoint due at 1,500
        await tx.anyDue(2_000);
        out.push(tx.wroteDueBy(2_000)); // a new probe starts again
        return out;
      });
      assert.deepEqual(seen, [false, false, true, true, false]);
      assert.equal(await store.read(async (tx) => tx.wroteDueBy(Number.MAX_SAFE_INTEGER)), false);
    });

    describe("find and count", () => {
      for (const kind of ENTITY_KINDS) {
        for (const prop of Object.keys(TABLES[kind].columns)) {
          it(`${backend.name}: ${kind} are filtered by ${prop}`, async () => {
            // One default VPC per (account, region) is a constraint: the shared value is "not default".
            const swap = kind === "vpcs" && prop === "isDefault";
            const v0 = indexValue(kind, prop, swap ? 1 : 0);
            const v1 = indexValue(kind, prop, swap ? 0 : 1);
            const make = (id: string, value: string | boolean, account = A1) =>
              entity(kind, { id, account, index: { ...apartFromUniqueNames(kind, prop, id), [prop]: value } });
            await insertAll(kind, [make("a", v0), make("b", v1), make("c", v1), make("d", v1, A2)]);
            const ids = async (filter: Filter<string>) => (await read((tx) => repo(tx, kind).find(filter))).map((e) => `${e.account}/${e.id}`);
            assert.deepEqual(await ids({ [prop]: v0 }), [`${A1}/a`]);
            assert.deepEqual(await ids({ [prop]: v1 }), [`${A1}/b`, `${A1}/c`, `${A2}/d`]);
            assert.deepEqual(await ids({ account: A1, region: R1, [prop]: v1 }), [`${A1}/b`, `${A1}/c`]);
            assert.deepEqual(await ids({ account: A1, [prop]: v1, id: "c" }), [`${A1}/c`]);
            assert.deepEqual(await ids({ region: R2, [prop]: v1 }), []);
            assert.equal(await read((tx) => repo(tx, kind).count({ [prop]: v1 })), 3);
            assert.equal(await read((tx) => repo(tx, kind).count({ account: A2, [prop]: v0 })), 0);
          });
        }
      }

      it(`${backend.name}: values reads one indexed property of the matching rows, a nested one included, and follows updates and removals`, async () => {
        const endpoint = (id: string, subnetId: string, privateIpAddress: string, account = A1) =>
          entity("endpoints", { id, account, index: { vpcId: "vpc-1", subnetId, privateIpAddress } });
        await insertAll("endpoints", [endpoint("e1", "subnet-a", "10.0.0.4"), endpoint("e2", "subnet-a", "10.0.0.5"), endpoint("e3", "subnet-b", "10.0.1.4"), endpoint("e4", "subnet-a", "10.0.0.9", A2)]);
        const values = async (filter: Filter<string>, prop: string) => (await read((tx) => repo(tx, "endpoints").values(filter, prop))).map(String).sort();
        const inVpc = { account: A1, region: R1, vpcId: "vpc-1" };
        assert.deepEqual(await values(inVpc, "subnetId"), ["subnet-a", "subnet-a", "subnet-b"]);
        assert.deepEqual(await values({ ...inVpc, subnetId: "subnet-a" }, "privateIpAddress"), ["10.0.0.4", "10.0.0.5"]);
        assert.deepEqual(await values({ ...inVpc, subnetId: "subnet-c" }, "privateIpAddress"), []);
        // The nested properties are read from the entity each time it is written.
        await read((tx) => tx.endpoints.update(endpoint("e2", "subnet-b", "10.0.1.5")));
        await read((tx) => tx.endpoints.remove({ account: A1, region: R1 }, "e1"));
        assert.deepEqual(await values({ ...inVpc, subnetId: "subnet-b" }, "privateIpAddress"), ["10.0.1.4", "10.0.1.5"]);
        assert.deepEqual(await values(inVpc, "subnetId"), ["subnet-b", "subnet-b"]);
        // Values of a read-only transaction too.
        assert.deepEqual((await store.read((tx) => tx.endpoints.values({ account: A2 }, "privateIpAddress"))).map(String), ["10.0.0.9"]);
      });

      it(`${backend.name}: endpoint authorizations per cluster are counted by the database, through inserts, a move, removals, a rollback and reset`, async () => {
        const grant = (id: string, clusterId: string, account = A1) => entity("authorizations", { id, account, index: { clusterId } });
        const counts = async () => {
          const one = async (account: string, clusterId: string) => {
            // The kept count (exactly account, region and cluster) and the rows themselves agree.
            const kept = await read((tx) => tx.authorizations.count({ account, region: R1, clusterId }));
            const rows = (await read((tx) => tx.authorizations.find({ account, region: R1, clusterId }))).length;
            assert.equal(kept, rows, `${account}/${clusterId}`);
            return kept;
          };
          return [await one(A1, "c1"), await one(A1, "c2"), await one(A2, "c1")];
        };
        await insertAll("authorizations", [grant("g1", "c1"), grant("g2", "c1"), grant("g3", "c1"), grant("g4", "c2"), grant("g5", "c1", A2)]);
        assert.deepEqual(await counts(), [3, 1, 1]);
        await store.transact((tx) => tx.authorizations.update(grant("g1", "c2")));
        assert.deepEqual(await counts(), [2, 2, 1]);
        await store.transact(async (tx) => {
          await tx.authorizations.remove(S1, "g2");
          await tx.authorizations.remove(S1, "g3");
        });
        assert.deepEqual(await counts(), [0, 2, 1]);
        await assert.rejects(
          store.transact(async (tx) => {
            await tx.authorizations.insert(grant("g6", "c1"));
            throw new Error("undone");
          }),
          /undone/,
        );
        assert.deepEqual(await counts(), [0, 2, 1]);
        await store.reset();
        assert.deepEqual(await counts(), [0, 0, 0]);
        await insertAll("authorizations", [grant("g1", "c1")]);
        assert.deepEqual(await counts(), [1, 0, 0]);
      });

      it(`${backend.name}: an undefined filter value is ignored; an unknown filter property is an error`, async () => {
        await insertAll("vpcs", [entity("vpcs", { id: "v1" }), entity("vpcs", { id: "v2", index: { isDefault: true } })]);
        assert.equal((await read((tx) => tx.vpcs.find({ account: A1, isDefault: undefined }))).length, 2);
        await assert.rejects(read((tx) => repo(tx, "vpcs").find({ cidrBlock: "10.0.0.0/16" })), /cannot be filtered by cidrBlock/);
        await assert.rejects(read((tx) => repo(tx, "vpcs").count({ cidrBlock: "10.0.0.0/16" })), /cannot be filtered by cidrBlock/);
      });

      it(`${backend.name}: find returns the stable order — creation time, then account, then id`, async () => {
        await insertAll("authorizations", [
          entity("authorizations", { id: "z", createdAt: 3 }),
          entity("authorizations", { id: "b", createdAt: 2, account: A2 }),
          entity("authorizations", { id: "c", createdAt: 2 }),
          entity("authorizations", { id: "a", createdAt: 2 }),
          entity("authorizations", { id: "y", createdAt: 1, account: A2 }),
        ]);
        const order = (await read((tx) => tx.authorizations.find({}))).map((e) => `${e.createdAt}/${e.account}/${e.id}`);
        assert.deepEqual(order, [`1/${A2}/y`, `2/${A1}/a`, `2/${A1}/c`, `2/${A2}/b`, `3/${A1}/z`]);
      });

      it(`${backend.name}: cursor paging visits every record exactly once, in order`, async () => {
        const all = Array.from({ length: 25 }, (_, i) => entity("endpoints", { id: `e${String(i).padStart(2, "0")}`, createdAt: 100 + (i % 4), account: i % 3 ? A1 : A2 }));
        await insertAll("endpoints", [...all].reverse());
        const expected = (await read((tx) => tx.endpoints.find({}))).map((e) => `${e.account}/${e.id}`);
        assert.equal(expected.length, 25);
        const seen: string[] = [];
        let after: ReturnType<typeof cursorOf> | undefined;
        for (let pages = 0; pages < 20; pages++) {
          const page = await read((tx) => tx.endpoints.find({}, { after, limit: 4 }));
          assert.ok(page.length <= 4);
          seen.push(...page.map((e) => `${e.account}/${e.id}`));
          if (page.length < 4) break;
          after = cursorOf(page[page.length - 1]!);
        }
        assert.deepEqual(seen, expected);
        const last = await read((tx) => tx.endpoints.find({}, { limit: 1000 }));
        assert.deepEqual(await read((tx) => tx.endpoints.find({}, { after: cursorOf(last[last.length - 1]!), limit: 5 })), []);
      });

      it(`${backend.name}: paging combines with filters`, async () => {
        await insertAll(
          "subnets",
          Array.from({ length: 10 }, (_, i) => entity("subnets", { id: `s${i}`, createdAt: i, index: { vpcId: i % 2 ? "vpc-odd" : "vpc-even" } })),
        );
        const first = await read((tx) => tx.subnets.find({ vpcId: "vpc-odd" }, { limit: 2 }));
        assert.deepEqual(first.map((s) => s.id), ["s1", "s3"]);
        const next = await read((tx) => tx.subnets.find({ vpcId: "vpc-odd" }, { after: cursorOf(first[1]!), limit: 10 }));
        assert.deepEqual(next.map((s) => s.id), ["s5", "s7", "s9"]);
      });

      it(`${backend.name}: count of nothing is 0`, async () => {
        assert.equal(await read((tx) => tx.clusters.count({})), 0);
        assert.deepEqual(await read((tx) => tx.clusters.find({})), []);
      });
    });

    describe("unique names and sums", () => {
      it(`${backend.name}: one default VPC per account and region is a DuplicateKeyError, whatever its id`, async () => {
        await insertAll("vpcs", [entity("vpcs", { id: "d1", index: { isDefault: true } })]);
        await assert.rejects(insertAll("vpcs", [entity("vpcs", { id: "d2", index: { isDefault: true } })]), DuplicateKeyError);
        await insertAll("vpcs", [
          entity("vpcs", { id: "n1" }),
          entity("vpcs", { id: "n2" }),
          entity("vpcs", { id: "d3", account: A2, index: { isDefault: true } }),
          entity("vpcs", { id: "d4", region: R2, index: { isDefault: true } }),
        ]);
        assert.equal(await read((tx) => tx.vpcs.count({ isDefault: true })), 3);
      });

      it(`${backend.name}: security-group names are unique per VPC regardless of case`, async () => {
        const group = (id: string, groupName: string, vpcId = "vpc-1") => entity("securityGroups", { id, index: { vpcId, groupName } });
        await insertAll("securityGroups", [group("sg-1", "web")]);
        await assert.rejects(insertAll("securityGroups", [group("sg-2", "WEB")]), DuplicateKeyError);
        await insertAll("securityGroups", [group("sg-3", "web", "vpc-2"), group("sg-4", "web-2"), entity("securityGroups", { id: "sg-5", account: A2, index: { vpcId: "vpc-1", groupName: "web" } })]);
        assert.equal(await read((tx) => tx.securityGroups.count({})), 4);
      });

      it(`${backend.name}: a DuplicateKeyError leaves the transaction usable for the domain's own answer`, async () => {
        await insertAll("clusters", [entity("clusters", { id: "c1" })]);
        const outcome = await store.transact(async (tx) => {
          try {
            await tx.clusters.insert(entity("clusters", { id: "c1" }));
            return "inserted";
          } catch (err) {
            if (!(err instanceof DuplicateKeyError)) throw err;
            await tx.subnets.insert(entity("subnets", { id: "after-duplicate" }));
            return `duplicate; ${await tx.clusters.count({})} cluster`;
          }
        });
        assert.equal(outcome, "duplicate; 1 cluster");
        assert.ok(await read((tx) => tx.subnets.get(S1, "after-duplicate")));
      });

      it(`${backend.name}: sum adds clusters' nodes in use (a pending resize counts with its larger size) over the filter`, async () => {
        const cluster = (id: string, numberOfNodes: number, pending?: number, account = A1) => ({
          ...entity("clusters", { id, account }),
          numberOfNodes,
          ...(pending !== undefined ? { pendingModifications: { numberOfNodes: pending } } : {}),
        });
        assert.equal(await read((tx) => tx.clusters.sum({ account: A1 }, "nodesInUse")), 0);
        await insertAll("clusters", [cluster("a", 2), cluster("b", 4, 8), cluster("c", 6, 1), cluster("d", 16, undefined, A2)]);
        assert.equal(await read((tx) => tx.clusters.sum({ account: A1, region: R1 }, "nodesInUse")), 2 + 8 + 6);
        assert.equal(await read((tx) => tx.clusters.sum({}, "nodesInUse")), 32);
        await store.transact(async (tx) => tx.clusters.update({ ...(await tx.clusters.get(S1, "a"))!, numberOfNodes: 3 }));
        assert.equal(await store.read((tx) => tx.clusters.sum({ account: A1 }, "nodesInUse")), 17, "update re-derives the measure; read transactions sum too");
        await assert.rejects(read((tx) => (repo(tx, "clusters") as Repo<EntityBase, string, string>).sum({}, "cidrBlock")), /cannot be summed by cidrBlock/);
      });
    });

    describe("due", () => {
      it(`${backend.name}: due returns entities whose transition is due, earliest first, at most limit`, async () => {
        await insertAll("clusters", [
          entity("clusters", { id: "later", pending: { transition: "cluster-create", at: 500 } }),
          entity("clusters", { id: "first", account: A2, pending: { transition: "cluster-delete", at: 100 } }),
          entity("clusters", { id: "second", region: R2, pending: { transition: "cluster-pause", at: 200 } }),
          entity("clusters", { id: "settled" }),
        ]);
        assert.deepEqual((await read((tx) => tx.clusters.due(99, 10))).map((c) => c.id), []);
        assert.deepEqual((await read((tx) => tx.clusters.due(200, 10))).map((c) => c.id), ["first", "second"]);
        assert.deepEqual((await read((tx) => tx.clusters.due(1000, 2))).map((c) => c.id), ["first", "second"]);
        assert.deepEqual((await read((tx) => tx.clusters.due(1000, 10))).map((c) => c.id), ["first", "second", "later"]);
        assert.deepEqual((await read((tx) => tx.endpoints.due(1000, 10))).map((c) => c.id), [], "per kind");
      });
    });

    describe("transactions", () => {
      it(`${backend.name}: transact returns the function's result`, async () => {
        assert.equal(await store.transact(async () => 42), 42);
      });

      it(`${backend.name}: an error rolls back every write of the transaction and is rethrown as is`, async () => {
        await insertAll("vpcs", [entity("vpcs", { id: "keep" })]);
        const boom = new Error("boom");
        await assert.rejects(
          store.transact(async (tx) => {
            await tx.vpcs.insert(entity("vpcs", { id: "new" }));
            await tx.vpcs.update({ ...entity("vpcs", { id: "keep" }), cidrBlock: "10.9.0.0/16" });
            await tx.subnets.insert(entity("subnets", { id: "s" }));
            await tx.vpcs.remove(S1, "keep");
            await tick();
            throw boom;
          }),
          (err) => err === boom,
        );
        const snap = await store.snapshot();
        assert.deepEqual(snap.vpcs, [entity("vpcs", { id: "keep" })]);
        assert.deepEqual(snap.subnets, []);
      });

      it(`${backend.name}: a DuplicateKeyError inside a transaction rolls back its earlier writes`, async () => {
        await insertAll("clusters", [entity("clusters", { id: "c1" })]);
        await assert.rejects(insertAll("clusters", [entity("clusters", { id: "c2" }), entity("clusters", { id: "c1" })]), DuplicateKeyError);
        assert.equal(await read((tx) => tx.clusters.get(S1, "c2")), undefined);
        await insertAll("clusters", [entity("clusters", { id: "c2" })]);
        assert.equal(await read((tx) => tx.clusters.count({})), 2, "the store is usable afterwards");
      });

      it(`${backend.name}: concurrent read-modify-write transactions are serialised (no lost update)`, async () => {
        const grant = entity("authorizations", { id: "g" });
        grant.endpointCount = 0;
        await insertAll("authorizations", [grant]);
        const bump = () =>
          store.transact(async (tx) => {
            const g = (await tx.authorizations.getForUpdate(S1, "g"))!;
            await tick(); // give the others every chance to interleave
            await tx.authorizations.update({ ...g, endpointCount: g.endpointCount + 1 });
          });
        const failing = store.transact(async (tx) => {
          await tx.authorizations.update({ ...(await tx.authorizations.get(S1, "g"))!, endpointCount: 1000 });
          await tick();
          throw new Error("rolled back");
        });
        const results = await Promise.allSettled([bump(), bump(), failing, bump(), bump(), bump()]);
        assert.deepEqual(results.map((r) => r.status), ["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
        assert.equal((await read((tx) => tx.authorizations.get(S1, "g")))?.endpointCount, 5);
      });

      it(`${backend.name}: a quota check inside a transaction cannot be raced past`, async () => {
        const LIMIT = 3;
        const tryCreate = (id: string) =>
          store.transact(async (tx) => {
            const n = await tx.endpoints.count({ clusterId: "shared" });
            await tick();
            if (n >= LIMIT) throw new Error("limit");
            await tx.endpoints.insert(entity("endpoints", { id, index: { clusterId: "shared" } }));
          });
        const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => tryCreate(`e${i}`)));
        assert.equal(results.filter((r) => r.status === "fulfilled").length, LIMIT);
        assert.equal(await read((tx) => tx.endpoints.count({ clusterId: "shared" })), LIMIT);
      });
    });

    describe("read transactions", () => {
      it(`${backend.name}: read returns the function's result and sees committed writes`, async () => {
        await insertAll("clusters", [entity("clusters", { id: "c1" })]);
        assert.deepEqual(await store.read((tx) => tx.clusters.get(S1, "c1")), entity("clusters", { id: "c1" }));
        assert.equal(await store.read((tx) => tx.clusters.count({})), 1);
        assert.deepEqual((await store.read((tx) => tx.clusters.find({}))).map((c) => c.id), ["c1"]);
        assert.equal(await store.read((tx) => tx.anyDue(0)), false);
      });

      it(`${backend.name}: a read transaction cannot write: insert, update, remove and both getForUpdate are refused and nothing changes`, async () => {
        await insertAll("vpcs", [entity("vpcs", { id: "keep" })]);
        const attempts: [string, (tx: Tx) => Promise<unknown>][] = [
          ["insert", (tx) => tx.vpcs.insert(entity("vpcs", { id: "new" }))],
          ["update", (tx) => tx.vpcs.update({ ...entity("vpcs", { id: "keep" }), cidrBlock: "10.9.0.0/16" })],
          ["remove", (tx) => tx.vpcs.remove(S1, "keep")],
          ["getForUpdate", (tx) => tx.vpcs.getForUpdate(S1, "keep")],
          ["getForUpdateShared", (tx) => tx.vpcs.getForUpdateShared(S1, "keep")],
        ];
        for (const [what, attempt] of attempts) {
          await assert.rejects(store.read(attempt), ReadOnlyTransactionError, what);
        }
        assert.deepEqual((await store.snapshot()).vpcs, [entity("vpcs", { id: "keep" })]);
        await insertAll("vpcs", [entity("vpcs", { id: "after" })]);
        assert.equal(await read((tx) => tx.vpcs.count({})), 2, "the store still writes afterwards");
      });

      it(`${backend.name}: a failing read rejects as is and leaves the store usable`, async () => {
        const boom = new Error("boom");
        await assert.rejects(
          store.read(async () => {
            throw boom;
          }),
          (err) => err === boom,
        );
        await insertAll("vpcs", [entity("vpcs", { id: "v" })]);
        assert.equal(await store.read((tx) => tx.vpcs.count({})), 1);
      });

      it(`${backend.name}: reads and writes interleaved in one store all complete, in order`, async () => {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            i % 2 === 0 ? store.transact((tx) => tx.subnets.insert(entity("subnets", { id: `s${i}` }))).then(() => -1) : store.read((tx) => tx.subnets.count({})),
          ),
        );
        if (backend.inCallOrder) assert.deepEqual(results, [-1, 1, -1, 2, -1, 3, -1, 4, -1, 5]);
        else for (const [i, r] of results.entries()) assert.ok(i % 2 === 0 ? r === -1 : r >= 0 && r <= 5, `result ${i}: ${r}`);
        assert.equal(await store.read((tx) => tx.subnets.count({})), 5);
      });

      it(`${backend.name}: health is ok on a fresh store`, () => {
        assert.deepEqual(store.health(), { ok: true });
      });
    });

    if (backend.durable) sharedDatabase(backend, () => opened);

    describe("change marker", () => {
      it(`${backend.name}: the change marker differs after each committed write (insert, update, remove, reset)`, async () => {
        const markers = [await store.changeMarker!()];
        await insertAll("vpcs", [entity("vpcs", { id: "m" })]);
        markers.push(await store.changeMarker!());
        await store.transact((tx) => tx.vpcs.update({ ...entity("vpcs", { id: "m" }), cidrBlock: "10.2.0.0/16" }));
        markers.push(await store.changeMarker!());
        await store.transact((tx) => tx.vpcs.remove(S1, "m"));
        markers.push(await store.changeMarker!());
        await insertAll("clusters", [entity("clusters", { id: "c" })]);
        markers.push(await store.changeMarker!());
        await store.reset();
        markers.push(await store.changeMarker!());
        for (let i = 1; i < markers.length; i++) assert.notEqual(markers[i], markers[i - 1], `write ${i} changed the marker`);
      });

      if (backend.kind !== "postgres") {
        // PostgreSQL's marker is cluster-wide (transaction ids): other databases' activity may change it.
        it(`${backend.name}: the change marker stays the same across reads and snapshots`, async () => {
          await insertAll("vpcs", [entity("vpcs", { id: "m" })]);
          const before = await store.changeMarker!();
          await read((tx) => tx.vpcs.find({}));
          await store.snapshot();
          assert.equal(await store.changeMarker!(), before);
        });
      }
    });

    describe("snapshot and reset", () => {
      it(`${backend.name}: snapshot lists every entity of every kind, account and region`, async () => {
        for (const kind of ENTITY_KINDS) {
          await insertAll(kind, [entity(kind, { id: "x" }), entity(kind, { id: "x", account: A2 }), entity(kind, { id: "x", region: R2 })]);
        }
        const snap = await store.snapshot();
        assert.deepEqual(Object.keys(snap).sort(), [...ENTITY_KINDS].sort());
        for (const kind of ENTITY_KINDS) {
          assert.equal(snap[kind].length, 3, kind);
          assert.deepEqual(
            snap[kind].find((e) => e.account === A2),
            entity(kind, { id: "x", account: A2 }),
          );
        }
      });

      it(`${backend.name}: reset deletes all state and the store keeps working`, async () => {
        for (const kind of ENTITY_KINDS) await insertAll(kind, [entity(kind, { id: "x" })]);
        await store.reset();
        const snap = await store.snapshot();
        for (const kind of ENTITY_KINDS) assert.deepEqual(snap[kind], [], kind);
        await insertAll("vpcs", [entity("vpcs", { id: "x" })]);
        assert.equal(await read((tx) => tx.vpcs.count({})), 1);
      });
    });

    describe("close", () => {
      it(`${backend.name}: close waits for running transactions, then refuses new ones`, async () => {
        let finished = false;
        const running = store.transact(async (tx) => {
          await tick();
          await tx.vpcs.insert(entity("vpcs", { id: "late" }));
          finished = true;
        });
        await store.close();
        await running;
        assert.ok(finished, "the running transaction completed before close resolved");
        await assert.rejects(store.transact(async () => 1), /closed/);
        await store.close(); // idempotent
      });
    });

    if (backend.durable) {
      describe("durability", () => {
        it(`${backend.name}: a reopened store has every committed write, including due times`, async () => {
          assert.ok(opened.reopen, "a durable backend can reopen its database");
          await insertAll("endpoints", [entity("endpoints", { id: "e1", pending: { transition: "endpoint-create", at: 5000 } })]);
          await insertAll("authorizations", [entity("authorizations", { id: "g1", account: A2, region: R2 })]);
          await assert.rejects(insertAll("vpcs", [entity("vpcs", { id: "v" }), entity("vpcs", { id: "v" })]), DuplicateKeyError);
          await store.close();
          store = await opened.reopen();
          assert.deepEqual((await read((tx) => tx.endpoints.due(5000, 10))).map((e) => e.id), ["e1"]);
          assert.deepEqual(await read((tx) => tx.endpoints.get(S1, "e1")), entity("endpoints", { id: "e1", pending: { transition: "endpoint-create", at: 5000 } }));
          assert.ok(await read((tx) => tx.authorizations.get({ account: A2, region: R2 }, "g1")));
          assert.equal(await read((tx) => tx.vpcs.count({})), 0, "the rolled-back transaction left nothing");
        });
      });
    }
  });
}
