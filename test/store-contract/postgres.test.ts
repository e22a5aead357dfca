/**
 * The store contract against PostgreSQL (a fresh schema per store, dropped afterwards), plus what
 * only this backend has: migrations applied exactly once by instances starting together, the
 * schema version, the password kept out of `location`, and lost connections answering AWS's
 * retryable 503 and recovering. Skipped, with one line, when REDSHIFT_LOCAL_TEST_PG is not set.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { AwsError } from "../../src/domain/errors.js";
import { PG_LATEST_VERSION, PG_MIGRATIONS } from "../../src/store/postgres/migrations.js";
import { openPostgresStore, redactUrl, type PostgresOptions } from "../../src/store/postgres/postgres-store.js";
import { PG_SKIP, PG_URL, dropSchema, freshSchema, pgAdmin } from "../postgres.js";
import { storeContract } from "./contract.js";
import { A1, R1, entity } from "./fixtures.js";

const open = (schema: string, options: Partial<PostgresOptions> = {}) => openPostgresStore({ url: PG_URL!, schema, poolSize: 4, ...options });

describe("postgres", { skip: PG_SKIP }, () => {
  storeContract({
    name: "postgres",
    kind: "postgres",
    durable: true,
    inCallOrder: false,
    async open() {
      const schema = freshSchema();
      return {
        store: await open(schema),
        reopen: () => open(schema),
        openPeer: (options) => open(schema, options),
        cleanup: () => dropSchema(schema),
      };
    },
  });

  describe("postgres backend", () => {
    const schemas: string[] = [];
    const schema = () => {
      const s = freshSchema();
      schemas.push(s);
      return s;
    };
    after(async () => {
      for (const s of schemas) await dropSchema(s);
    });

    it("postgres: four instances starting at once on a fresh schema apply each migration exactly once", async () => {
      const s = schema();
      const stores = await Promise.all(Array.from({ length: 4 }, () => open(s)));
      for (const store of stores) assert.equal(store.schemaVersion, PG_LATEST_VERSION);
      const rows = await pgAdmin<{ version: number }>(`SELECT version FROM "${s}".redshift_local_migrations ORDER BY version`);
      assert.deepEqual(
        rows.map((r) => r.version),
        PG_MIGRATIONS.map((m) => m.version),
      );
      await stores[0]!.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v" })));
      assert.equal(await stores[3]!.read((tx) => tx.vpcs.count({})), 1, "one database");
      await Promise.all(stores.map((st) => st.close()));
    });

    it("postgres: a database from a newer redshift-local is refused with a clear error", async () => {
      const s = schema();
      await (await open(s)).close();
      await pgAdmin(`INSERT INTO "${s}".redshift_local_migrations (version, description) VALUES ($1, 'from the future')`, [PG_LATEST_VERSION + 1]);
      await assert.rejects(open(s), new RegExp(`schema version ${PG_LATEST_VERSION + 1} is newer than this redshift-local \\(${PG_LATEST_VERSION}\\)`));
    });

    it("postgres: location is the URL without the password", async () => {
      const store = await open(schema());
      const password = new URL(PG_URL!).password;
      if (password !== "") assert.ok(!store.location.includes(`:${password}@`), store.location);
      assert.match(store.location, /^postgres(ql)?:\/\//);
      await store.close();
      assert.equal(redactUrl("postgres://u:s3cret@db.example:5432/x?sslmode=require&password=p2"), "postgres://u@db.example:5432/x?sslmode=require&password=***");
    });

    it("postgres: an unreachable database refuses to start with an error naming the location, not the password", async () => {
      await assert.rejects(openPostgresStore({ url: "postgres://u:s3cret@127.0.0.1:1/none" }), (err: Error) => {
        assert.match(err.message, /cannot open the PostgreSQL store postgres:\/\/u@127\.0\.0\.1:1\/none/);
        assert.ok(!err.message.includes("s3cret"));
        return true;
      });
    });

    it("postgres: health reports a lost connection, and a later health call finds the database back without any request", async () => {
      const app = freshSchema();
      const store = await open(schema(), { applicationName: app });
      await store.read((tx) => tx.vpcs.count({})); // one idle connection in the pool
      await pgAdmin("SELECT pg_terminate_backend(pid) FROM (SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()) AS mine", [app]);
      const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
      let looks = 0;
      while (store.health().ok && looks++ < 250) await pause();
      const lost = store.health();
      assert.ok(!lost.ok && /unreachable: terminating connection due to administrator command/.test(lost.problem), JSON.stringify(lost));
      looks = 0;
      while (!store.health().ok && looks++ < 250) await pause();
      assert.deepEqual(store.health(), { ok: true });
      await store.close();
    });

    it("postgres: terminated connections answer 503 ServiceUnavailable or succeed, then the pool reconnects", async () => {
      const app = freshSchema();
      const store = await open(schema(), { applicationName: app });
      await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v" })));
      // Hold connections open so that some are checked out when they are terminated.
      const inFlight = Array.from({ length: 6 }, () =>
        store.read(async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          return tx.vpcs.count({});
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      // Only this store's connections: other tests may share the database.
      const terminated = await pgAdmin<{ ok: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ok FROM (SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()) AS mine",
        [app],
      );
      assert.ok(terminated.length > 0, "connections were terminated");
      const outcomes = await Promise.allSettled(inFlight);
      for (const o of outcomes) {
        if (o.status === "fulfilled") assert.equal(o.value, 1);
        else {
          assert.ok(o.reason instanceof AwsError, String(o.reason));
          assert.equal(o.reason.code, "ServiceUnavailable");
          assert.equal(o.reason.status, 503);
        }
      }
      // The pool opens new connections: every later operation succeeds.
      for (let i = 0; i < 5; i++) assert.equal(await store.read((tx) => tx.vpcs.count({})), 1);
      await store.transact((tx) => tx.vpcs.remove({ account: A1, region: R1 }, "v"));
      assert.deepEqual(store.health(), { ok: true });
      await store.close();
    });
  });
});
