/**
 * Stored bodies decoded once (src/store/decoded.ts): read-only transactions share one frozen
 * value per stored text, write transactions get values of their own, and the cache is bounded.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_CACHED_CHARS, decodeOwn, decodeShared, decodedCacheSize } from "../../src/store/decoded.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { entity } from "./fixtures.js";

describe("decoded entities", () => {
  it("decoded: the same stored text read twice in read transactions is one deep-frozen value", () => {
    const text = JSON.stringify({ id: "c1", nested: { list: [{ a: 1 }] } });
    const first = decodeShared<{ id: string; nested: { list: { a: number }[] } }>(text);
    assert.equal(decodeShared(text.slice(0)), first, "an equal text (another string) finds the same value");
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.nested) && Object.isFrozen(first.nested.list) && Object.isFrozen(first.nested.list[0]));
    assert.throws(() => {
      (first.nested.list[0] as { a: number }).a = 2;
    }, TypeError);
    assert.equal(decodeShared<{ nested: { list: { a: number }[] } }>(text).nested.list[0]!.a, 1, "a failed change leaves the shared value as stored");
  });

  it("decoded: a write transaction's value is its own and may be changed", () => {
    const text = JSON.stringify({ id: "c2", status: "available" });
    const own = decodeOwn<{ status: string }>(text);
    own.status = "modifying";
    assert.equal(decodeOwn<{ status: string }>(text).status, "available");
    assert.notEqual(decodeOwn(text), decodeShared(text));
  });

  it("decoded: the cache holds at most MAX_CACHED_CHARS of text, dropping the oldest", () => {
    const big = "x".repeat(MAX_CACHED_CHARS / 128);
    for (let i = 0; i < 300; i++) decodeShared(JSON.stringify({ i, big }));
    const { chars, entries } = decodedCacheSize();
    assert.ok(chars <= MAX_CACHED_CHARS, `${chars} characters cached`);
    assert.ok(entries < 300, `${entries} entries kept of 300`);
    const oldest = JSON.stringify({ i: 0, big });
    const newest = JSON.stringify({ i: 299, big });
    assert.equal(decodeShared(newest), decodeShared(newest), "the newest is still cached");
    assert.notEqual(decodeShared(oldest), decodeShared(JSON.stringify({ i: 299, big })));
  });

  it("decoded: through the store, reads share frozen entities that follow every write, and writes change their own copies", async () => {
    const store = new SqliteStore();
    try {
      await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
      const scope = { account: entity("vpcs", { id: "v1" }).account, region: entity("vpcs", { id: "v1" }).region };
      const a = await store.read((tx) => tx.vpcs.get(scope, "v1"));
      const b = await store.read(async (tx) => (await tx.vpcs.find({ account: scope.account }))[0]);
      assert.ok(a !== undefined && Object.isFrozen(a));
      assert.equal(b, a, "get and find in read transactions return the one shared value");
      await store.transact(async (tx) => {
        const mine = (await tx.vpcs.get(scope, "v1"))!;
        assert.ok(!Object.isFrozen(mine), "a write transaction's copy is its own");
        (mine as unknown as { note?: string }).note = "changed";
        await tx.vpcs.update(mine);
      });
      const after = await store.read((tx) => tx.vpcs.get(scope, "v1"));
      assert.equal((after as unknown as { note?: string }).note, "changed", "the read after a write sees the new text, decoded anew");
      assert.notEqual(after, a);
    } finally {
      await store.close();
    }
  });

  it("decoded: a list a read kept is handed out as a copy: changing it changes nothing for the next read", async () => {
    const store = new SqliteStore();
    try {
      await store.transact(async (tx) => {
        await tx.vpcs.insert(entity("vpcs", { id: "v1" }));
        await tx.vpcs.insert(entity("vpcs", { id: "v2" }));
      });
      const account = entity("vpcs", { id: "v1" }).account;
      const first = await store.read((tx) => tx.vpcs.find({ account }));
      first.pop();
      assert.equal((await store.read((tx) => tx.vpcs.find({ account }))).length, 2);
    } finally {
      await store.close();
    }
  });
});
