/**
 * What the PostgreSQL store does at start-up, counted rather than timed: a database already at the
 * latest schema version costs one read (no transaction, no advisory lock, no DDL), one that is not
 * takes the locked path and is migrated; loading the driver leaves the process's globals as they
 * were. The migration tests are skipped, with one line, without REDSHIFT_LOCAL_TEST_PG.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import pg from "pg";
import { pg as driver } from "../../src/store/postgres/driver.js";
import { PG_LATEST_VERSION, PG_MIGRATIONS, migrate } from "../../src/store/postgres/migrations.js";
import { PG_SKIP, PG_URL, dropSchema, freshSchema, pgAdmin } from "../postgres.js";

describe("postgres start-up", () => {
  it("postgres driver: loading it adds no global (the navigator it may lend pg while loading is gone)", () => {
    assert.equal(driver, pg, "the same module as an import of pg");
    assert.equal(typeof driver.Pool, "function");
    if (Number(process.versions.node.split(".")[0]) < 21) assert.equal("navigator" in globalThis, false);
  });

  describe("migrations", { skip: PG_SKIP }, () => {
    const schemas: string[] = [];
    after(async () => {
      for (const s of schemas) await dropSchema(s);
    });

    /** A client on `schema` whose statements are recorded. */
    async function counted(schema: string): Promise<{ client: pg.Client; statements: string[] }> {
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
      await client.connect();
      const statements: string[] = [];
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        statements.push(typeof args[0] === "string" ? args[0] : String((args[0] as { text?: string }).text));
        return query(...args);
      };
      return { client, statements };
    }

    it("postgres start-up: a fresh schema is migrated under the lock; once up to date, a start costs one read", async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const first = await counted(schema);
      try {
        assert.equal(await migrate(first.client, schema), PG_LATEST_VERSION);
        assert.ok(first.statements.some((s) => s.includes("pg_advisory_xact_lock")), "the first start takes the migration lock");
        first.statements.length = 0;
        assert.equal(await migrate(first.client, schema), PG_LATEST_VERSION);
        assert.deepEqual(first.statements, ["SELECT max(version) AS v FROM redshift_local_migrations"]);
      } finally {
        await first.client.end();
      }
    });

    it("postgres start-up: a database one version behind is brought up to date (the one read does not end the start)", async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const c = await counted(schema);
      try {
        // The database as the previous release left it: every migration but the last.
        await pgAdmin(`CREATE SCHEMA "${schema}"`);
        await pgAdmin(`CREATE TABLE "${schema}".redshift_local_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
        for (const m of PG_MIGRATIONS.slice(0, -1)) {
          await c.client.query(m.sql);
          await pgAdmin(`INSERT INTO "${schema}".redshift_local_migrations (version, description) VALUES ($1, $2)`, [m.version, m.description]);
        }
        // Endpoints stored before the last migration (9), which keeps each one's subnet and address in columns.
        for (const [id, subnet, ip] of [["e1", "subnet-a", "10.0.0.4"], ["e2", "subnet-b", "10.0.1.4"]]) {
          await c.client.query(
            "INSERT INTO endpoints (account, region, id, created_at, due_at, cluster_owner, cluster_id, vpc_id, subnet_group_name, status, body) " +
              "VALUES ('111111111111', 'us-east-1', $1, 1, NULL, '111111111111', 'c1', 'vpc-1', 'sng', 'active', $2)",
            [id, JSON.stringify({ id, networkInterface: { subnetId: subnet, privateIpAddress: ip }, tags: [{ Key: "k", Value: "\u0000" }] })],
          );
        }
        c.statements.length = 0;
        assert.equal(await migrate(c.client, schema), PG_LATEST_VERSION);
        assert.ok(c.statements.includes(PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.sql), "the last migration ran");
        const filled = await pgAdmin<{ id: string; subnet_id: string; private_ip: string }>(`SELECT id, subnet_id, private_ip FROM "${schema}".endpoints ORDER BY id`);
        assert.deepEqual(
          filled.map((r) => [r.id, r.subnet_id, r.private_ip]),
          [
            ["e1", "subnet-a", "10.0.0.4"],
            ["e2", "subnet-b", "10.0.1.4"],
          ],
        );
        const versions = await pgAdmin<{ version: number }>(`SELECT version FROM "${schema}".redshift_local_migrations ORDER BY version`);
        assert.deepEqual(
          versions.map((r) => r.version),
          PG_MIGRATIONS.map((m) => m.version),
        );
      } finally {
        await c.client.end();
      }
    });
  });
});
