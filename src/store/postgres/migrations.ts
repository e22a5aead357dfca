/**
 * The PostgreSQL dialect of the schema (the same logical tables as store/tables.ts, with proper
 * types: bigint times, boolean flags, text collated "C" so that the stable order is the byte order
 * SQLite uses, and the entity as JSON text — text rather than jsonb because jsonb refuses the
 * `\u0000` escape a client may put in a tag, and the body is only ever read back whole).
 *
 * Migrations are recorded in `redshift_local_migrations` and applied in one transaction under a
 * transaction-scoped advisory lock keyed by the schema: any number of instances starting at once
 * apply each migration exactly once, and the others wait, then find nothing to do. Never edit a
 * released migration: add a new one.
 */
import type pg from "pg";

export interface PgMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

const text = 'TEXT COLLATE "C"';

/** A partitioned table; `extraColumns` may be empty (a kind filtered by nothing but its key). */
const partitioned = (table: string, extraColumns: string, indexes: string[]): string => `
CREATE TABLE ${table} (
  account    ${text} NOT NULL,
  region     ${text} NOT NULL,
  id         ${text} NOT NULL,
  created_at BIGINT NOT NULL,
  due_at     BIGINT,
  ${extraColumns === "" ? "" : `${extraColumns},`}
  body       TEXT NOT NULL,
  PRIMARY KEY (account, region, id)
);
CREATE INDEX ${table}_order ON ${table} (region, account, created_at, id);
CREATE INDEX ${table}_due ON ${table} (due_at) WHERE due_at IS NOT NULL;
${indexes.map((cols, i) => `CREATE INDEX ${table}_ix${i} ON ${table} (${cols});`).join("\n")}
`;

/**
 * A count of `table`'s rows per (account, region, `column`) kept in `counts` by a trigger (every
 * insert, delete and change of those columns), filled from the rows already there. A key's row is
 * removed when its count falls to zero. The function names its tables unqualified: they resolve
 * through the session's search_path, which is the store's schema (PostgresOptions.schema).
 */
const keptCount = (table: string, counts: string, column: string): string => {
  const old = `account = OLD.account AND region = OLD.region AND ${column} = OLD.${column}`;
  return `
CREATE TABLE ${counts} (
  account   ${text} NOT NULL,
  region    ${text} NOT NULL,
  ${column} ${text} NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (account, region, ${column})
);
INSERT INTO ${counts} (account, region, ${column}, n) SELECT account, region, ${column}, count(*) FROM ${table} GROUP BY account, region, ${column};
CREATE FUNCTION ${counts}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM ${counts} WHERE ${old} AND n = 1;
    UPDATE ${counts} SET n = n - 1 WHERE ${old};
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO ${counts} (account, region, ${column}, n) VALUES (NEW.account, NEW.region, NEW.${column}, 1)
      ON CONFLICT (account, region, ${column}) DO UPDATE SET n = ${counts}.n + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER ${counts}_keep AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE PROCEDURE ${counts}_keep();
CREATE TRIGGER ${counts}_move AFTER UPDATE OF account, region, ${column} ON ${table} FOR EACH ROW
  WHEN (OLD.account IS DISTINCT FROM NEW.account OR OLD.region IS DISTINCT FROM NEW.region OR OLD.${column} IS DISTINCT FROM NEW.${column})
  EXECUTE PROCEDURE ${counts}_keep();
`;
};

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    description: "EC2, subnet groups, clusters, endpoint authorizations and endpoints, with their unique names",
    sql: [
      partitioned("vpcs", "is_default BOOLEAN NOT NULL", ["account, region, is_default"]),
      partitioned("subnets", `vpc_id ${text} NOT NULL, availability_zone ${text} NOT NULL`, ["account, region, vpc_id, created_at, id"]),
      partitioned("security_groups", `vpc_id ${text} NOT NULL, group_name ${text} NOT NULL`, ["account, region, vpc_id, group_name"]),
      partitioned("subnet_groups", `vpc_id ${text} NOT NULL`, ["account, region, vpc_id"]),
      partitioned("clusters", `subnet_group_name ${text} NOT NULL, status ${text} NOT NULL, nodes_in_use INTEGER NOT NULL`, [
        "account, region, subnet_group_name",
        "account, region, nodes_in_use",
      ]),
      partitioned("authorizations", `cluster_id ${text} NOT NULL, grantee ${text} NOT NULL, status ${text} NOT NULL`, [
        "account, region, cluster_id, created_at, id",
        "region, grantee, created_at, account, id",
      ]),
      partitioned(
        "endpoints",
        `cluster_owner ${text} NOT NULL, cluster_id ${text} NOT NULL, vpc_id ${text} NOT NULL, subnet_group_name ${text} NOT NULL, status ${text} NOT NULL`,
        ["region, cluster_owner, cluster_id", "account, region, subnet_group_name", "account, region, cluster_id, created_at, id"],
      ),
      // One default VPC per (account, region); security-group names "are case-insensitive and
      // must be unique within the VPC"
      // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html).
      "CREATE UNIQUE INDEX vpcs_one_default ON vpcs (account, region) WHERE is_default;",
      "CREATE UNIQUE INDEX security_groups_name ON security_groups (account, region, vpc_id, lower(group_name));",
    ].join("\n"),
  },
  {
    version: 2,
    description: "cluster parameter groups; clusters indexed by their parameter group",
    sql: [
      partitioned("parameter_groups", `family ${text} NOT NULL`, ["account, region, family"]),
      `ALTER TABLE clusters ADD COLUMN parameter_group_name ${text} NOT NULL DEFAULT 'default.redshift-1.0';`,
      "UPDATE clusters SET parameter_group_name = coalesce(body::json->>'parameterGroupName', 'default.redshift-1.0');",
      "CREATE INDEX clusters_parameter_group ON clusters (account, region, parameter_group_name);",
    ].join("\n"),
  },
  {
    version: 3,
    description: "usage limits (indexed by cluster and feature); authentication profiles",
    sql: [
      partitioned("usage_limits", `cluster_id ${text} NOT NULL, feature_type ${text} NOT NULL`, ["account, region, cluster_id, feature_type"]),
      partitioned("authentication_profiles", "", []),
    ].join("\n"),
  },
  {
    version: 4,
    description: "snapshot schedules; clusters indexed by their snapshot schedule; scheduled actions",
    sql: [
      partitioned("snapshot_schedules", "", []),
      `ALTER TABLE clusters ADD COLUMN snapshot_schedule_identifier ${text};`,
      "CREATE INDEX clusters_snapshot_schedule ON clusters (account, region, snapshot_schedule_identifier);",
      partitioned("scheduled_actions", `cluster_id ${text} NOT NULL`, ["account, region, cluster_id"]),
    ].join("\n"),
  },
  {
    version: 5,
    description: "cluster snapshots (indexed by source cluster, type and status)",
    sql: partitioned("snapshots", `cluster_identifier ${text} NOT NULL, snapshot_type ${text} NOT NULL, status ${text} NOT NULL`, [
      "account, region, cluster_identifier, created_at, id",
      "account, region, snapshot_type, created_at, id",
    ]),
  },
  {
    version: 6,
    description: "snapshot access grants (AuthorizeSnapshotAccess): by snapshot in the owner's partition, by grantee across partitions",
    // The primary key (owner account, region, `${snapshot}/${grantee}`) makes a grant unique.
    sql: partitioned("snapshot_grants", `snapshot_id ${text} NOT NULL, grantee ${text} NOT NULL`, [
      "account, region, snapshot_id, created_at, id",
      "region, grantee, created_at, account, id",
    ]),
  },
  {
    version: 7,
    description: "the write gate: every write transaction locks it first, so concurrent writers queue instead of failing to serialize",
    // No rows: only the table's lock is used (postgres-store.ts, "The write gate").
    sql: [
      "CREATE TABLE write_gate ();",
      "COMMENT ON TABLE write_gate IS 'redshift-local: every write transaction takes LOCK TABLE write_gate IN EXCLUSIVE MODE first, so writers queue here';",
    ].join("\n"),
  },
  {
    version: 8,
    description: "endpoint authorizations counted per cluster by the database (the grants-per-cluster quota reads one row)",
    sql: keptCount("authorizations", "authorization_counts", "cluster_id"),
  },
  {
    version: 9,
    description: "each endpoint's subnet and private address in columns of their own, indexed by VPC and subnet (placement reads the index, not every endpoint)",
    // PostgreSQL's JSON refuses the escape \u0000 (a tag may hold it): as text, each is made \u0001
    // first. Outside strings JSON has no backslash, so the text stays valid JSON (an escaped
    // backslash followed by "u0000" becomes one followed by "u0001"), and the members read are not
    // changed.
    sql: `
ALTER TABLE endpoints ADD COLUMN subnet_id ${text} NOT NULL DEFAULT '';
ALTER TABLE endpoints ADD COLUMN private_ip ${text} NOT NULL DEFAULT '';
UPDATE endpoints SET
  subnet_id = coalesce(replace(body, '\\u0000', '\\u0001')::json #>> '{networkInterface,subnetId}', ''),
  private_ip = coalesce(replace(body, '\\u0000', '\\u0001')::json #>> '{networkInterface,privateIpAddress}', '');
CREATE INDEX endpoints_addresses ON endpoints (account, region, vpc_id, subnet_id, private_ip);
`,
  },
];

export const PG_LATEST_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

/**
 * Creates the schema if needed and applies every missing migration (one read when there is none to
 * apply: versions are only ever added, so a database at the latest version stays there). The advisory lock is taken
 * before anything else (CREATE SCHEMA IF NOT EXISTS and CREATE TABLE IF NOT EXISTS are not safe
 * against a concurrent creator) and released by COMMIT/ROLLBACK.
 */
export async function migrate(client: pg.ClientBase, schema: string | undefined): Promise<number> {
  // The usual start: the database is already up to date, which one read says (a database that is
  // not — no table yet, an older or a newer version — takes the locked path below).
  const recorded = await client.query<{ v: number | null }>("SELECT max(version) AS v FROM redshift_local_migrations").catch((err: unknown) => {
    if ((err as { code?: unknown }).code === UNDEFINED_TABLE) return undefined;
    throw err;
  });
  if (recorded?.rows[0]?.v === PG_LATEST_VERSION) return PG_LATEST_VERSION;
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('redshift-local migrations ' || $1))", [schema ?? ""]);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(
      "CREATE TABLE IF NOT EXISTS redshift_local_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const applied = await client.query<{ v: number | null }>("SELECT max(version) AS v FROM redshift_local_migrations");
    const current = applied.rows[0]?.v ?? 0;
    if (current > PG_LATEST_VERSION) {
      throw new Error(`database schema version ${current} is newer than this redshift-local (${PG_LATEST_VERSION}); upgrade redshift-local`);
    }
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO redshift_local_migrations (version, description) VALUES ($1, $2)", [m.version, m.description]);
    }
    await client.query("COMMIT");
    return Math.max(current, PG_LATEST_VERSION);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

const UNDEFINED_TABLE = "42P01";

/** Schema names are restricted (PostgresOptions.schema) so this quoting is only belt and braces. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
