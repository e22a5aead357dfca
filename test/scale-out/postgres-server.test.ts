/**
 * A server on PostgreSQL: /health names the store and its location without the password; a lost
 * database connection answers AWS's retryable 503 (never 500) and the next requests succeed; close()
 * drains the pool. Skipped, with one line, without REDSHIFT_LOCAL_TEST_PG.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { startRedshiftLocal, type RedshiftLocal } from "../../src/index.js";
import { GRANTOR, clientsFor } from "../helpers.js";
import { PG_SKIP, PG_URL, dropSchema, freshSchema, pgAdmin } from "../postgres.js";

describe("a server on PostgreSQL", { skip: PG_SKIP }, () => {
  const schemas: string[] = [];
  after(async () => {
    for (const s of schemas) await dropSchema(s);
  });
  /** A server whose connections carry their own application_name, so that only they are terminated. */
  const start = async (): Promise<{ rs: RedshiftLocal; app: string }> => {
    const schema = freshSchema();
    schemas.push(schema);
    const app = freshSchema();
    const url = new URL(PG_URL!);
    url.searchParams.set("application_name", app);
    const rs = await startRedshiftLocal({ port: 0, logLevel: "silent", store: { kind: "postgres", url: url.toString(), schema, poolSize: 3 } });
    return { rs, app };
  };
  const connections = async (app: string) =>
    (await pgAdmin<{ n: number }>("SELECT count(*)::integer AS n FROM pg_stat_activity WHERE application_name = $1", [app]))[0]!.n;

  it("postgres server: /health reports the store kind and its location without the password", async () => {
    const { rs } = await start();
    try {
      const health = (await (await fetch(`${rs.url}/_redshift-local/health`)).json()) as Record<string, string>;
      assert.equal(health["status"], "ok");
      assert.equal(health["store"], "postgres");
      const expected = new URL(PG_URL!);
      assert.match(health["location"]!, new RegExp(`^postgres(ql)?://${expected.username}@${expected.host.replace(/\./g, "\\.")}${expected.pathname}`));
      if (expected.password !== "") assert.ok(!health["location"]!.includes(`:${expected.password}@`), health["location"]);
    } finally {
      await rs.close();
    }
  });

  it("postgres server: terminated database connections answer 503 ServiceUnavailable or succeed, never 500, then requests succeed", async () => {
    const { rs, app } = await start();
    try {
      const redshift = clientsFor(rs.url, GRANTOR).redshift;
      await redshift.send(new DescribeClustersCommand({}));
      const racing = Promise.allSettled(Array.from({ length: 6 }, () => redshift.send(new DescribeClustersCommand({}))));
      const killed = await pgAdmin<{ ok: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ok FROM (SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()) AS mine",
        [app],
      );
      assert.ok(killed.length > 0);
      for (const r of await racing) {
        if (r.status === "rejected") {
          const err = r.reason as { name: string; $metadata?: { httpStatusCode?: number } };
          assert.equal(err.name, "ServiceUnavailable", String(r.reason));
          assert.equal(err.$metadata?.httpStatusCode, 503);
        }
      }
      for (let i = 0; i < 3; i++) assert.deepEqual((await redshift.send(new DescribeClustersCommand({}))).Clusters, []);
      const health = (await (await fetch(`${rs.url}/_redshift-local/health`)).json()) as Record<string, string>;
      assert.equal(health["status"], "ok", "recovered");
    } finally {
      await rs.close();
    }
  });

  it("postgres server: close() drains the connection pool", async () => {
    const { rs, app } = await start();
    await Promise.all(Array.from({ length: 5 }, () => clientsFor(rs.url, GRANTOR).redshift.send(new DescribeClustersCommand({}))));
    assert.ok((await connections(app)) > 0);
    await rs.close();
    // The server ends its connections; the backends are gone once the database has seen them close.
    for (let i = 0; i < 50 && (await connections(app)) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await connections(app), 0);
  });
});
