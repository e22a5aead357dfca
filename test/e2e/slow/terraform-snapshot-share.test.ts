/**
 * A cross-account restore through real Terraform (hashicorp/aws) with two provider aliases: the owner
 * applies a cluster and an `aws_redshift_cluster_snapshot`; the provider has no resource for
 * AuthorizeSnapshotAccess, so the owner shares the snapshot through the SDK; the grantee then applies
 * an `aws_redshift_cluster` with `snapshot_identifier`, `snapshot_cluster_identifier` and
 * `owner_account`, which restores the shared snapshot into its own account. A second plan finds
 * nothing to change; the owner revokes the share (a shared snapshot cannot be deleted), and destroy
 * removes everything.
 *
 * Time: Terraform runs in real time, so the server uses zero lifecycle delays (the default) and the
 * real clock. Terraform and the provider are found by ./terraform-harness.ts; when either is missing
 * the test is skipped with a message naming what is missing.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { describe, it } from "node:test";
import { AuthorizeSnapshotAccessCommand, DescribeClusterSnapshotsCommand, DescribeClustersCommand, RevokeSnapshotAccessCommand } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../../helpers.js";
import { missing, workspace } from "./terraform-harness.js";

function provider(alias: string, account: string, url: string): string {
  return `
provider "aws" {
  alias                       = "${alias}"
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

const OWNER = `
resource "aws_redshift_cluster" "source" {
  provider            = aws.owner
  cluster_identifier  = "source"
  node_type           = "ra3.xlplus"
  number_of_nodes     = 2
  master_username     = "admin"
  master_password     = "Passw0rd-example"
  database_name       = "sales"
  encrypted           = true
  publicly_accessible = false
  skip_final_snapshot = true
}

resource "aws_redshift_cluster_snapshot" "shared" {
  provider            = aws.owner
  cluster_identifier  = aws_redshift_cluster.source.cluster_identifier
  snapshot_identifier = "shared-snap"
}
`;

const GRANTEE_RESTORE = `
resource "aws_redshift_cluster" "copy" {
  provider                    = aws.grantee
  cluster_identifier          = "copy"
  snapshot_identifier         = "shared-snap"
  snapshot_cluster_identifier = "source"
  owner_account               = "${GRANTOR}"
  # The provider sends AvailabilityZoneRelocation only when true: stated, so the plan compares it.
  availability_zone_relocation_enabled = true
  node_type                   = "ra3.xlplus"
  number_of_nodes             = 2
  master_username             = "admin"
  encrypted                   = true
  publicly_accessible         = false
  skip_final_snapshot         = true
}
`;

describe("Terraform: a cross-account restore of a shared snapshot", () => {
  it("Terraform: the owner's snapshot, shared, restored by the grantee's aws_redshift_cluster (owner_account); a clean plan; destroy", { skip: missing, timeout: 15 * 60_000 }, async () => {
    await using rs = await startServer();
    const { dir, write, tf } = workspace("rl-terraform-share-");
    try {
      const owner = clientsFor(rs.url, GRANTOR);
      const grantee = clientsFor(rs.url, GRANTEE);
      const providers = provider("owner", GRANTOR, rs.url) + provider("grantee", GRANTEE, rs.url);

      // 1. The owner's cluster and manual snapshot.
      write(providers + OWNER);
      await tf(["init", "-input=false"], 0, "init");
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply (owner)");
      const [snapshot] = (await owner.redshift.send(new DescribeClusterSnapshotsCommand({ SnapshotIdentifier: "shared-snap" }))).Snapshots ?? [];
      assert.deepEqual([snapshot?.Status, snapshot?.SnapshotType, snapshot?.ClusterIdentifier], ["available", "manual", "source"]);

      // 2. Shared through the SDK (the provider has no resource for it), then restored by the grantee.
      await owner.redshift.send(new AuthorizeSnapshotAccessCommand({ SnapshotIdentifier: "shared-snap", AccountWithRestoreAccess: GRANTEE }));
      write(providers + OWNER + GRANTEE_RESTORE);
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply (grantee restore)");
      const copy = (await grantee.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "copy" }))).Clusters![0]!;
      assert.deepEqual(
        [copy.ClusterStatus, copy.NodeType, copy.NumberOfNodes, copy.DBName, copy.MasterUsername, copy.RestoreStatus?.Status],
        ["available", "ra3.xlplus", 2, "sales", "admin", "completed"],
      );
      assert.equal(copy.ClusterNamespaceArn?.split(":")[4], GRANTEE, "the restored cluster is the grantee's");
      assert.equal(copy.AvailabilityZoneRelocationStatus, "enabled");

      // 3. Nothing to change.
      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode");

      // 4. Revoke (a shared snapshot cannot be deleted), then destroy everything.
      await owner.redshift.send(new RevokeSnapshotAccessCommand({ SnapshotIdentifier: "shared-snap", AccountWithRestoreAccess: GRANTEE }));
      await tf(["destroy", "-auto-approve", "-input=false"], 0, "destroy");
      await expectAwsError(grantee.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "copy" })), "ClusterNotFoundFault", 404);
      await expectAwsError(owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "source" })), "ClusterNotFoundFault", 404);
      await expectAwsError(owner.redshift.send(new DescribeClusterSnapshotsCommand({ SnapshotIdentifier: "shared-snap" })), "ClusterSnapshotNotFoundFault", 404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
