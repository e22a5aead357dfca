/**
 * A throw-away PostgreSQL database per bench run, so every run starts from an empty store whatever
 * the named database holds. The CLI has no schema flag, so the bench creates a database
 * (`CREATE DATABASE bench_<random>`) next to the one the URL names and drops it afterwards; the
 * URL's user must be allowed to create databases.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL URL the bench uses, from REDSHIFT_LOCAL_BENCH_PG or else REDSHIFT_LOCAL_TEST_PG. */
export function benchPgUrl(): { url: string; source: string } | undefined {
  for (const source of ["REDSHIFT_LOCAL_BENCH_PG", "REDSHIFT_LOCAL_TEST_PG"]) {
    const url = process.env[source];
    if (url !== undefined && url !== "") return { url, source };
  }
  return undefined;
}

/** The URL without its password, for printing. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

export interface FreshDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

export async function createFreshDatabase(baseUrl: string): Promise<FreshDatabase> {
  const name = `bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        // WITH (FORCE) (PostgreSQL 13+) ends connections a killed server may have left behind.
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
