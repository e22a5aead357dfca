/**
 * A LIMIT and a boolean filter are part of a SQLite statement's text, never bound parameters
 * (src/store/sqlite/repo.ts): SQLite marks a statement whose plan looked at such a value to be
 * prepared again each time it is bound, so a bound LIMIT (or `is_default = ?` against the partial
 * index `vpcs_one_default`) was parsed and planned on every run. The repo is given a database whose
 * `prepare` records each text, and each text must be prepared once however often it runs.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { migrate, type Db } from "../../src/store/sqlite/open.js";
import { SqliteRepo } from "../../src/store/sqlite/repo.js";
import { TABLES } from "../../src/store/tables.js";
import { A1, A2, R1, entity } from "./fixtures.js";

/** A database whose statements are recorded as they are prepared. */
function recording(): { db: Db; prepared: string[] } {
  const real = new Database(Buffer.alloc(0));
  migrate(real);
  const prepared: string[] = [];
  const db = new Proxy(real, {
    get(target, prop) {
      if (prop === "prepare") {
        return (sql: string) => {
          prepared.push(sql);
          return target.prepare(sql);
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db, prepared };
}

describe("SQLite statement text", () => {
  it("statement text: a boolean filter and a LIMIT are written into the statement, which is prepared once for every run", async () => {
    const { db, prepared } = recording();
    const vpcs = new SqliteRepo(db, TABLES.vpcs);
    for (const account of [A1, A2]) {
      await vpcs.insert(entity("vpcs", { account, id: `vpc-${account}-d`, index: { isDefault: true } }));
      await vpcs.insert(entity("vpcs", { account, id: `vpc-${account}-x`, index: { isDefault: false } }));
    }
    for (const account of [A1, A2, A1, A2]) {
      const [found] = await vpcs.find({ account, region: R1, isDefault: true }, { limit: 1 });
      assert.equal(found?.id, `vpc-${account}-d`);
    }
    const finds = prepared.filter((sql) => sql.startsWith("SELECT body FROM vpcs"));
    assert.equal(finds.length, 1, finds.join("\n"));
    assert.match(finds[0]!, /is_default = 1\b/);
    assert.match(finds[0]!, /LIMIT 1$/);
    assert.doesNotMatch(finds[0]!, /is_default = \?|LIMIT \?/);

    assert.deepEqual((await vpcs.find({ account: A1, region: R1, isDefault: false }, { limit: 5 })).map((v) => v.id), [`vpc-${A1}-x`]);
    assert.ok(prepared.some((sql) => /is_default = 0\b.*LIMIT 5$/.test(sql)), prepared.join("\n"));
  });

  it("statement text: settling's due read has its batch size in its text", async () => {
    const { db, prepared } = recording();
    const clusters = new SqliteRepo(db, TABLES.clusters);
    await clusters.insert(entity("clusters", { id: "due", pending: { transition: "cluster-create", at: 5 } }));
    for (const now of [10, 20, 30]) assert.deepEqual((await clusters.due(now, 100)).map((c) => c.id), ["due"]);
    const dueReads = prepared.filter((sql) => /due_at <= \?/.test(sql));
    assert.equal(dueReads.length, 1, dueReads.join("\n"));
    assert.match(dueReads[0]!, /LIMIT 100$/);
  });

  it("statement text: a LIMIT that is not a non-negative integer is refused before any SQL is written", async () => {
    const { db } = recording();
    const vpcs = new SqliteRepo(db, TABLES.vpcs);
    for (const limit of [-1, 1.5, Number.NaN]) await assert.rejects(vpcs.find({ account: A1 }, { limit }), RangeError);
  });
});
