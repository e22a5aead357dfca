/**
 * Real Terraform (hashicorp/aws) with snapshots, restores and cross-account snapshot sharing.
 *
 * 1. An `aws_redshift_cluster` that keeps a final snapshot (`skip_final_snapshot = false` +
 *    `final_snapshot_identifier`) and a tagged `aws_redshift_cluster_snapshot` of it: `apply`, a
 *    clean `plan -detailed-exitcode`, an update of what is updatable in place
 *    (`manual_snapshot_retention_period`, tags), the snapshot dropped from the state and imported
 *    back, and imported into a fresh state (each with a clean plan), `destroy` — the cluster leaves a
 *    real manual final snapshot with its configuration.
 * 2. Restores with two provider aliases, one per account (access key = account id): the owner
 *    restores its own snapshot (`snapshot_identifier`), the grantee restores the owner's snapshot
 *    shared with it by AuthorizeSnapshotAccess (`snapshot_identifier` + `owner_account` +
 *    `snapshot_cluster_identifier`; hashicorp/aws has no snapshot-access resource, so the owner
 *    authorizes through the SDK); `apply`, a clean plan, `destroy`. After the owner revokes, the
 *    grantee's next restore fails with ClusterSnapshotNotFound, in Terraform and through the SDK.
 *
 * `aws_redshift_snapshot_copy` is not here: it configures cross-region copy (EnableSnapshotCopy),
 * which the emulator does not implement (docs/differences-from-aws.md).
 *
 * Every step is followed by an SDK check. The server's log must hold no 501 (NotImplemented) and no
 * error line. Zero lifecycle delays and the real clock, as the other Terraform tests (every
 * transition completes on the next request, so the provider's waiters return at their first poll);
 * Terraform and the provider are found by ./terraform-harness.ts, and the tests are skipped with a
 * message when either is missing.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { describe, it } from "node:test";
import {
  AuthorizeSnapshotAccessCommand,
  CreateClusterCommand,
  CreateClusterSnapshotCommand,
  DescribeClusterSnapshotsCommand,
  DescribeClustersCommand,
  RestoreFromClusterSnapshotCommand,
  RevokeSnapshotAccessCommand,
  type Snapshot,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../../helpers.js";
import { missing, workspace } from "./terraform-harness.js";

function provider(url: string, account: string, alias?: string): string {
  return `
provider "aws" {${alias ? `\n  alias                       = "${alias}"` : ""}
  region                      = "us-east-1"
  access_key                  = "${account}"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    redshift = ${JSON.stringify(url)}
    ec2      = ${JSON.stringify(url)}
    sts      = ${JSON.stringify(url)}
  }
}
`;
}

function snapshotConfig(url: string, retention: number, tags: Record<string, string>): string {
  return `${provider(url, GRANTOR)}
resource "aws_redshift_cluster" "main" {
  cluster_identifier        = "tf-snapshots"
  node_type                 = "ra3.xlplus"
  number_of_nodes           = 1
  master_username           = "admin"
  master_password           = "Passw0rd-example"
  encrypted                 = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "tf-snapshots-final"
}

resource "aws_redshift_cluster_snapshot" "main" {
  cluster_identifier               = aws_redshift_cluster.main.cluster_identifier
  snapshot_identifier              = "tf-manual"
  manual_snapshot_retention_period = ${retention}
  tags = {
${Object.entries(tags)
  .map(([k, v]) => `    ${k} = ${JSON.stringify(v)}`)
  .join("\n")}
  }
}
`;
}

/** The updated snapshot alone, naming its cluster literally: what a fresh state imports. */
function snapshotOnlyConfig(url: string): string {
  return `${provider(url, GRANTOR)}
resource "aws_redshift_cluster_snapshot" "main" {
  cluster_identifier               = "tf-snapshots"
  snapshot_identifier              = "tf-manual"
  manual_snapshot_retention_period = 14
  tags = {
    purpose = "e2e-updated"
    team    = "data"
  }
}
`;
}

/**
 * The owner restores its own snapshot; the grantee restores the owner's snapshot shared with it.
 * `encrypted = true`: the restored cluster keeps the snapshot's encryption (every new cluster is
 * encrypted), and provider 5.x's default `false` would plan a change.
 */
function restoreConfig(url: string, { own, shared }: { own: boolean; shared: boolean }): string {
  let config = provider(url, GRANTOR, "owner") + provider(url, GRANTEE, "grantee");
  if (own)
    config += `
resource "aws_redshift_cluster" "restored" {
  provider            = aws.owner
  cluster_identifier  = "tf-restored"
  snapshot_identifier = "source-snapshot"
  node_type           = "ra3.xlplus"
  number_of_nodes     = 2
  master_username     = "admin"
  encrypted           = true
  skip_final_snapshot = true
}
`;
  if (shared)
    config += `
resource "aws_redshift_cluster" "shared" {
  provider                    = aws.grantee
  cluster_identifier          = "tf-shared-restore"
  snapshot_identifier         = "source-snapshot"
  snapshot_cluster_identifier = "source"
  owner_account               = "${GRANTOR}"
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  encrypted                   = true
  skip_final_snapshot         = true
}
`;
  return config;
}

async function snapshotOf(clients: Clients, id: string, ownerAccount?: string): Promise<Snapshot> {
  const out = await clients.redshift.send(new DescribeClusterSnapshotsCommand({ SnapshotIdentifier: id, OwnerAccount: ownerAccount }));
  assert.equal(out.Snapshots?.length, 1, `one snapshot ${id}`);
  return out.Snapshots[0]!;
}

function logWatch(log: string[]): () => string[] {
  return () => log.filter((line) => line.includes('"code":"NotImplemented"') || line.includes('"level":"error"'));
}

describe("Terraform (hashicorp/aws) with snapshots", () => {
  it("Terraform: aws_redshift_cluster_snapshot applies, plans clean, updates retention and tags in place, imports and destroys; the cluster leaves a final snapshot with its configuration", { skip: missing, timeout: 20 * 60_000 }, async () => {
    const log: string[] = [];
    await using rs = await startServer({ logLevel: "info", logSink: (line) => log.push(line) });
    const { dir, write, tf } = workspace("rl-terraform-snapshots-");
    const badLines = logWatch(log);
    const owner = clientsFor(rs.url, GRANTOR);
    const snapshot = (id: string) => snapshotOf(owner, id);
    try {
      write(snapshotConfig(rs.url, 7, { purpose: "e2e" }));
      await tf(["init", "-input=false"], 0, "init");
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply");
      assert.deepEqual(badLines(), [], "no 501 and no error while applying");
      const manual = await snapshot("tf-manual");
      assert.deepEqual(
        [manual.Status, manual.SnapshotType, manual.ClusterIdentifier, manual.ManualSnapshotRetentionPeriod, manual.Tags],
        ["available", "manual", "tf-snapshots", 7, [{ Key: "purpose", Value: "e2e" }]],
      );
      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode");

      // Retention and tags change in place: the snapshot is the same one (same creation time).
      write(snapshotConfig(rs.url, 14, { purpose: "e2e-updated", team: "data" }));
      const updated = await tf(["apply", "-auto-approve", "-input=false"], 0, "apply (retention and tags)");
      assert.match(updated, /0 added, 1 changed, 0 destroyed/);
      const changed = await snapshot("tf-manual");
      assert.deepEqual(
        [changed.ManualSnapshotRetentionPeriod, changed.SnapshotCreateTime, changed.Tags?.slice().sort((a, b) => a.Key!.localeCompare(b.Key!))],
        [14, manual.SnapshotCreateTime, [{ Key: "purpose", Value: "e2e-updated" }, { Key: "team", Value: "data" }]],
      );
      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode after the update");

      await tf(["state", "rm", "aws_redshift_cluster_snapshot.main"], 0, "state rm");
      await tf(["import", "-input=false", "aws_redshift_cluster_snapshot.main", "tf-manual"], 0, "import");
      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode after import");

      // Imported into a fresh state (a configuration with the snapshot only), it plans clean too.
      const fresh = workspace("rl-terraform-snapshot-import-");
      try {
        fresh.write(snapshotOnlyConfig(rs.url));
        await fresh.tf(["init", "-input=false"], 0, "init (fresh state)");
        await fresh.tf(["import", "-input=false", "aws_redshift_cluster_snapshot.main", "tf-manual"], 0, "import into a fresh state");
        await fresh.tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode after import into a fresh state");
      } finally {
        rmSync(fresh.dir, { recursive: true, force: true });
      }

      await tf(["destroy", "-auto-approve", "-input=false"], 0, "destroy");
      await expectAwsError(owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "tf-snapshots" })), "ClusterNotFoundFault", 404);
      await expectAwsError(snapshot("tf-manual"), "ClusterSnapshotNotFoundFault", 404);
      const final = await snapshot("tf-snapshots-final");
      assert.deepEqual(
        [final.Status, final.SnapshotType, final.ClusterIdentifier, final.NodeType, final.NumberOfNodes, final.MasterUsername, final.DBName, final.Port, final.Encrypted, final.OwnerAccount],
        ["available", "manual", "tf-snapshots", "ra3.xlplus", 1, "admin", "dev", 5439, true, GRANTOR],
      );
      assert.deepEqual(badLines(), [], "no 501 and no error");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("Terraform: a cluster restored from an own snapshot and, with a second provider alias, from a snapshot shared by another account apply, plan clean and destroy; after a revoke the grantee's restore fails", { skip: missing, timeout: 20 * 60_000 }, async () => {
    const log: string[] = [];
    await using rs = await startServer({ logLevel: "info", logSink: (line) => log.push(line) });
    const { dir, write, tf } = workspace("rl-terraform-restore-");
    const badLines = logWatch(log);
    const owner = clientsFor(rs.url, GRANTOR);
    const grantee = clientsFor(rs.url, GRANTEE);
    const cluster = async (clients: Clients, id: string) => (await clients.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: id }))).Clusters![0]!;
    try {
      // The owner's cluster and its manual snapshot, shared with the grantee (no Terraform resource does this).
      await owner.redshift.send(
        new CreateClusterCommand({ ClusterIdentifier: "source", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd-example", DBName: "sales" }),
      );
      assert.equal((await cluster(owner, "source")).ClusterStatus, "available");
      await owner.redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: "source", SnapshotIdentifier: "source-snapshot" }));
      assert.equal((await snapshotOf(owner, "source-snapshot")).Status, "available");
      await owner.redshift.send(new AuthorizeSnapshotAccessCommand({ SnapshotIdentifier: "source-snapshot", SnapshotClusterIdentifier: "source", AccountWithRestoreAccess: GRANTEE }));
      assert.equal((await snapshotOf(grantee, "source-snapshot", GRANTOR)).OwnerAccount, GRANTOR, "the grantee sees the shared snapshot");

      write(restoreConfig(rs.url, { own: true, shared: true }));
      await tf(["init", "-input=false"], 0, "init");
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply");
      assert.deepEqual(badLines(), [], "no 501 and no error while applying");
      const restored = await cluster(owner, "tf-restored");
      const shared = await cluster(grantee, "tf-shared-restore");
      for (const [c, what] of [[restored, "own"], [shared, "shared"]] as const)
        assert.deepEqual(
          [c.ClusterStatus, c.NodeType, c.NumberOfNodes, c.MasterUsername, c.DBName, c.RestoreStatus?.Status],
          ["available", "ra3.xlplus", 2, "admin", "sales", "completed"],
          `the cluster restored from the ${what} snapshot has the snapshot's configuration`,
        );
      await expectAwsError(owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "tf-shared-restore" })), "ClusterNotFoundFault", 404);
      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode");

      await tf(["destroy", "-auto-approve", "-input=false"], 0, "destroy");
      await expectAwsError(owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "tf-restored" })), "ClusterNotFoundFault", 404);
      await expectAwsError(grantee.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "tf-shared-restore" })), "ClusterNotFoundFault", 404);
      assert.equal((await snapshotOf(owner, "source-snapshot")).Status, "available", "the source snapshot stays");

      // After a revoke the grantee can no longer restore the snapshot, through Terraform or the SDK.
      await owner.redshift.send(new RevokeSnapshotAccessCommand({ SnapshotIdentifier: "source-snapshot", SnapshotClusterIdentifier: "source", AccountWithRestoreAccess: GRANTEE }));
      write(restoreConfig(rs.url, { own: false, shared: true }));
      const refused = await tf(["apply", "-auto-approve", "-input=false"], 1, "apply after the revoke");
      assert.match(refused, /ClusterSnapshotNotFound/, "Terraform reports AWS's error");
      await expectAwsError(
        grantee.redshift.send(new RestoreFromClusterSnapshotCommand({ ClusterIdentifier: "sdk-restore", SnapshotIdentifier: "source-snapshot", SnapshotClusterIdentifier: "source", OwnerAccount: GRANTOR })),
        "ClusterSnapshotNotFoundFault",
        404,
      );
      await expectAwsError(grantee.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "tf-shared-restore" })), "ClusterNotFoundFault", 404);
      assert.deepEqual(badLines(), [], "no 501 and no error");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
