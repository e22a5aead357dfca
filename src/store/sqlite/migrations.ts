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

/** A partitioned table; `extraColumns` may be empty (a kind filtered by nothing but its key). */
const partitioned = (table: string, extraColumns: string, indexes: string[]): string => `
CREATE TABLE ${table} (
  account    TEXT    NOT NULL,
  region     TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  due_at     INTEGER,
  ${extraColumns === "" ? "" : `${extraColumns},`}
  body       TEXT    NOT NULL,
  PRIMARY KEY (account, region, id)
);
CREATE INDEX ${table}_order ON ${table} (region, account, created_at, id);
CREATE INDEX ${table}_due ON ${table} (due_at) WHERE due_at IS NOT NULL;
${indexes.map((cols, i) => `CREATE INDEX ${table}_ix${i} ON ${table} (${cols});`).join("\n")}
`;

/**
 * A count of `table`'s rows per (account, region, `column`) kept in `counts` by triggers (every
 * insert, delete and change of those columns), filled from the rows already there. A key's row is
 * removed when its count falls to zero.
 */
const keptCount = (table: string, counts: string, column: string): string => {
  const old = `account = OLD.account AND region = OLD.region AND ${column} = OLD.${column}`;
  const down = `DELETE FROM ${counts} WHERE ${old} AND n = 1;\n  UPDATE ${counts} SET n = n - 1 WHERE ${old};`;
  const up =
    `INSERT INTO ${counts} (account, region, ${column}, n) VALUES (NEW.account, NEW.region, NEW.${column}, 1)\n` +
    `    ON CONFLICT (account, region, ${column}) DO UPDATE SET n = n + 1;`;
  return `
CREATE TABLE ${counts} (
  account TEXT NOT NULL,
  region  TEXT NOT NULL,
  ${column} TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (account, region, ${column})
) WITHOUT ROWID;
INSERT INTO ${counts} (account, region, ${column}, n) SELECT account, region, ${column}, count(*) FROM ${table} GROUP BY account, region, ${column};
CREATE TRIGGER ${counts}_insert AFTER INSERT ON ${table} BEGIN
  ${up}
END;
CREATE TRIGGER ${counts}_delete AFTER DELETE ON ${table} BEGIN
  ${down}
END;
CREATE TRIGGER ${counts}_move AFTER UPDATE OF account, region, ${column} ON ${table}
WHEN OLD.account IS NOT NEW.account OR OLD.region IS NOT NEW.region OR OLD.${column} IS NOT NEW.${column} BEGIN
  ${down}
  ${up}
END;
`;
};

/**
 * Indexes that return rows in the order the reads ask for, so that no read sorts (a sort costs
 * SQLite a temporary b-tree even for one row): settling reads the due rows of each due table by
 * (due_at, created_at, id); CreateCluster and CreateEndpointAccess find a VPC's default security
 * group by name, and the default VPC of an account, first by creation. The tables are spelt out
 * (not read from DUE_TABLES): a released migration never changes. PostgreSQL keeps the earlier
 * indexes: it sorts a few rows in memory, without a temporary structure, and its planner, which
 * has statistics, seeks by every term already; there the statements would only lengthen the first
 * start on an empty database (about 6 ms of DDL).
 */
const orderedIndexes = [
  ...["clusters", "endpoints", "scheduled_actions", "snapshots"].flatMap((t) => [`DROP INDEX ${t}_due;`, `CREATE INDEX ${t}_due ON ${t} (due_at, created_at, id) WHERE due_at IS NOT NULL;`]),
  "DROP INDEX security_groups_ix0;",
  "CREATE INDEX security_groups_ix0 ON security_groups (account, region, vpc_id, group_name, created_at, id);",
  "DROP INDEX vpcs_ix0;",
  "CREATE INDEX vpcs_ix0 ON vpcs (account, region, is_default, created_at, id);",
].join("\n");

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
  {
    version: 2,
    description: "nodes in use per cluster (a SQL sum for the node quota); one default VPC per account and region; security-group names unique per VPC",
    // Security-group names "are case-insensitive and must be unique within the VPC"
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html); the
    // names are ASCII, so SQLite's ASCII-only lower() is exact. The domain checks both rules
    // first; these indexes make a second line that holds whatever reaches the database.
    sql: `
ALTER TABLE clusters ADD COLUMN nodes_in_use INTEGER NOT NULL DEFAULT 0;
UPDATE clusters SET nodes_in_use = max(
  coalesce(json_extract(body, '$.numberOfNodes'), 0),
  coalesce(json_extract(body, '$.pendingModifications.numberOfNodes'), 0)
);
CREATE INDEX clusters_nodes ON clusters (account, region, nodes_in_use);
CREATE UNIQUE INDEX vpcs_one_default ON vpcs (account, region) WHERE is_default = 1;
CREATE UNIQUE INDEX security_groups_name ON security_groups (account, region, vpc_id, lower(group_name));
`,
  },
  {
    version: 3,
    description: "cluster parameter groups; clusters indexed by their parameter group",
    sql: [
      partitioned("parameter_groups", "family TEXT NOT NULL", ["account, region, family"]),
      "ALTER TABLE clusters ADD COLUMN parameter_group_name TEXT NOT NULL DEFAULT 'default.redshift-1.0';",
      "UPDATE clusters SET parameter_group_name = coalesce(json_extract(body, '$.parameterGroupName'), 'default.redshift-1.0');",
      "CREATE INDEX clusters_parameter_group ON clusters (account, region, parameter_group_name);",
    ].join("\n"),
  },
  {
    version: 4,
    description: "usage limits (indexed by cluster and feature); authentication profiles",
    sql: [
      partitioned("usage_limits", "cluster_id TEXT NOT NULL, feature_type TEXT NOT NULL", ["account, region, cluster_id, feature_type"]),
      partitioned("authentication_profiles", "", []),
    ].join("\n"),
  },
  {
    version: 5,
    description: "snapshot schedules; clusters indexed by their snapshot schedule; scheduled actions",
    sql: [
      partitioned("snapshot_schedules", "", []),
      "ALTER TABLE clusters ADD COLUMN snapshot_schedule_identifier TEXT;",
      "CREATE INDEX clusters_snapshot_schedule ON clusters (account, region, snapshot_schedule_identifier);",
      partitioned("scheduled_actions", "cluster_id TEXT NOT NULL", ["account, region, cluster_id"]),
    ].join("\n"),
  },
  {
    version: 6,
    description: "cluster snapshots (indexed by source cluster, type and status)",
    sql: partitioned("snapshots", "cluster_identifier TEXT NOT NULL, snapshot_type TEXT NOT NULL, status TEXT NOT NULL", [
      "account, region, cluster_identifier, created_at, id",
      "account, region, snapshot_type, created_at, id",
    ]),
  },
  {
    version: 7,
    description: "snapshot access grants (AuthorizeSnapshotAccess): by snapshot in the owner's partition, by grantee across partitions",
    // The primary key (owner account, region, `${snapshot}/${grantee}`) makes a grant unique.
    sql: partitioned("snapshot_grants", "snapshot_id TEXT NOT NULL, grantee TEXT NOT NULL", [
      "account, region, snapshot_id, created_at, id",
      "region, grantee, created_at, account, id",
    ]),
  },
  {
    version: 8,
    description: "endpoint authorizations counted per cluster by the database (the grants-per-cluster quota reads one row)",
    sql: keptCount("authorizations", "authorization_counts", "cluster_id"),
  },
  {
    version: 9,
    description: "indexes in the order their reads return rows: due rows by (due_at, created_at, id); a VPC's security group by name and an account's default VPC",
    sql: orderedIndexes,
  },
  {
    version: 10,
    description: "each endpoint's subnet and private address in columns of their own, indexed by VPC and subnet (placement reads the index, not every endpoint)",
    sql: `
ALTER TABLE endpoints ADD COLUMN subnet_id TEXT NOT NULL DEFAULT '';
ALTER TABLE endpoints ADD COLUMN private_ip TEXT NOT NULL DEFAULT '';
UPDATE endpoints SET
  subnet_id = coalesce(json_extract(body, '$.networkInterface.subnetId'), ''),
  private_ip = coalesce(json_extract(body, '$.networkInterface.privateIpAddress'), '');
CREATE INDEX endpoints_addresses ON endpoints (account, region, vpc_id, subnet_id, private_ip);
`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
