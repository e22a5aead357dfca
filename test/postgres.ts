/**
 * PostgreSQL for tests: the database named by env REDSHIFT_LOCAL_TEST_PG
 * (e.g. postgres://postgres:postgres@127.0.0.1:5432/redshift_local_test). Each store gets a fresh
 * schema, dropped afterwards. Without the variable the PostgreSQL tests are skipped with one line.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const PG_URL = process.env["REDSHIFT_LOCAL_TEST_PG"] || undefined;

/** `skip` option for node:test: false, or the one line that says what is missing. */
export const PG_SKIP: string | false = PG_URL ? false : "PostgreSQL tests skipped: set REDSHIFT_LOCAL_TEST_PG=postgres://user:password@host:port/database";

export function freshSchema(): string {
  return `rl_test_${randomBytes(6).toString("hex")}`;
}

/** Runs one statement on a connection of its own (admin work: dropping schemas, terminating backends). */
export async function pgAdmin<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
