/**
 * Versioned schema migrations for the SQLite backend, applied in order at start inside one
 * transaction each; `PRAGMA user_version` records the last one applied, so a database written by an
 * older version opens and is brought up to date. Never edit a released migration: add a new one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

const partitioned = (table: string, extraColumns: string, indexes: string[]): string => `
CREATE TABLE ${table} (
  account    TEXT    NOT NULL,
  region     TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  due_at     INTEGER,
  ${extraColumns},
  body       TEXT    NOT NULL,
  PRIMARY KEY (account, region, id)
);
CREATE INDEX ${table}_order ON ${table} (region, account, created_at, id);
CREATE INDEX ${table}_due ON ${table} (due_at) WHERE due_at IS NOT NULL;
${indexes.map((cols, i) => `CREATE INDEX ${table}_ix${i} ON ${table} (${cols});`).join("\n")}
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "EC2, subnet groups, clusters, endpoint authorizations and endpoints",
    sql: [
      partitioned("vpcs", "is_default INTEGER NOT NULL", ["account, region, is_default"]),
      partitioned("subnets", "vpc_id TEXT NOT NULL, availability_zone TEXT NOT NULL", ["account, region, vpc_id, created_at, id"]),
      partitioned("security_groups", "vpc_id TEXT NOT NULL, group_name TEXT NOT NULL", [
        "account, region, vpc_id, group_name",
      ]),
      partitioned("subnet_groups", "vpc_id TEXT NOT NULL", ["account, region, vpc_id"]),
      partitioned("clusters", "subnet_group_name TEXT NOT NULL, status TEXT NOT NULL", ["account, region, subnet_group_name"]),
      partitioned("authorizations", "cluster_id TEXT NOT NULL, grantee TEXT NOT NULL, status TEXT NOT NULL", [
        "account, region, cluster_id, created_at, id",
        "region, grantee, created_at, account, id",
      ]),
      partitioned(
        "endpoints",
        "cluster_owner TEXT NOT NULL, cluster_id TEXT NOT NULL, vpc_id TEXT NOT NULL, subnet_group_name TEXT NOT NULL, status TEXT NOT NULL",
        ["region, cluster_owner, cluster_id", "account, region, subnet_group_name", "account, region, cluster_id, created_at, id"],
      ),
    ].join("\n"),
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
