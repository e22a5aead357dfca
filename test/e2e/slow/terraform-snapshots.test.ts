/**
 * Real Terraform (hashicorp/aws) with snapshots: an `aws_redshift_cluster` that keeps a final snapshot
 * (`skip_final_snapshot = false` + `final_snapshot_identifier`) and an `aws_redshift_cluster_snapshot`
 * of it. Steps: `init`, `apply`, `plan -detailed-exitcode` (exit 0: no changes), the snapshot
 * dropped from the state and imported back, a clean plan again, `destroy` (the cluster leaves its
 * final snapshot behind). The server's log must hold no 501 (NotImplemented) and no error line.
 *
 * Zero lifecycle delays and the real clock, as the other Terraform tests; Terraform and the provider
 * are found by ./terraform-harness.ts, and the test is skipped with a message when either is missing.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { describe, it } from "node:test";
import { DescribeClusterSnapshotsCommand, DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../../helpers.js";
import { missing, workspace } from "./terraform-harness.js";

function config(url: string): string {
  return `
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "${GRANTOR}"
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
  manual_snapshot_retention_period = 7
  tags = {
    purpose = "e2e"
  }
}
`;
}

describe("Terraform (hashicorp/aws) with snapshots", () => {
  it("Terraform: aws_redshift_cluster_snapshot applies, plans clean, imports and destroys; the cluster leaves its final snapshot", { skip: missing, timeout: 20 * 60_000 }, async () => {
    const log: string[] = [];
    await using rs = await startServer({ logLevel: "info", logSink: (line) => log.push(line) });
    const { dir, write, tf } = workspace("rl-terraform-snapshots-");
    const badLines = () => log.filter((line) => line.includes('"code":"NotImplemented"') || line.includes('"level":"error"'));
    const owner = clientsFor(rs.url, GRANTOR);
    const snapshot = async (id: string) => (await owner.redshift.send(new DescribeClusterSnapshotsCommand({ SnapshotIdentifier: id }))).Snapshots![0]!;
    try {
      write(config(rs.url));
      await tf(["init", "-input=false"], 0, "init");
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply");
      assert.deepEqual(badLines(), [], "no 501 and no error while applying");
      const manual = await snapshot("tf-manual");
      assert.deepEqual(
        [manual.Status, manual.SnapshotType, manual.ClusterIdentifier, manual.ManualSnapshotRetentionPeriod, manual.Tags],
        ["available", "manual", "tf-snapshots", 7, [{ Key: "purpose", Value: "e2e" }]],
      );

      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode");
      await tf(["state", "rm", "aws_redshift_cluster_snapshot.main"], 0, "state rm");
      await tf(["import", "-input=false", "aws_redshift_cluster_snapshot.main", "tf-manual"], 0, "import");
      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode after import");

      await tf(["destroy", "-auto-approve", "-input=false"], 0, "destroy");
      await expectAwsError(owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "tf-snapshots" })), "ClusterNotFoundFault", 404);
      await expectAwsError(snapshot("tf-manual"), "ClusterSnapshotNotFoundFault", 404);
      const final = await snapshot("tf-snapshots-final");
      assert.deepEqual([final.Status, final.SnapshotType, final.ClusterIdentifier], ["available", "manual", "tf-snapshots"]);
      assert.deepEqual(badLines(), [], "no 501 and no error");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
