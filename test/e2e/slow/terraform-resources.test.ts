/**
 * Real Terraform (hashicorp/aws) against a server started here, for the resources beyond the
 * README example: one configuration in one account with default_tags, a VPC with DNS host names,
 * a parameter group, an encrypted cluster using it, S3 audit logging, cluster IAM roles, a snapshot
 * schedule and its association, a scheduled pause, a usage limit, an authentication profile, and the
 * cluster-credentials and orderable-cluster data sources. Steps: `init`, `apply`,
 * `plan -detailed-exitcode` (exit 0: no changes), `destroy`. The server's log must hold no 501
 * (NotImplemented) and no error line.
 *
 * Terraform runs in real time, so the server uses zero lifecycle delays (the default) and the real
 * clock. Terraform and the provider are found by ./terraform-harness.ts; when either is missing the
 * test is skipped with a message naming what is missing.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { describe, it } from "node:test";
import { DescribeVpcAttributeCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import {
  DescribeAuthenticationProfilesCommand,
  DescribeClusterParametersCommand,
  DescribeClustersCommand,
  DescribeLoggingStatusCommand,
  DescribeScheduledActionsCommand,
  DescribeSnapshotSchedulesCommand,
  DescribeUsageLimitsCommand,
} from "@aws-sdk/client-redshift";
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
  default_tags {
    tags = {
      project = "redshift-local"
    }
  }
}

resource "aws_vpc" "main" {
  cidr_block           = "10.30.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_redshift_parameter_group" "main" {
  name   = "tf-params"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}

resource "aws_redshift_cluster" "main" {
  cluster_identifier           = "tf-resources"
  node_type                    = "ra3.xlplus"
  number_of_nodes              = 2
  master_username              = "admin"
  master_password              = "Passw0rd-example"
  cluster_parameter_group_name = aws_redshift_parameter_group.main.name
  encrypted                    = true
  skip_final_snapshot          = true
}

resource "aws_redshift_logging" "main" {
  cluster_identifier   = aws_redshift_cluster.main.id
  log_destination_type = "s3"
  bucket_name          = "tf-audit-logs"
  s3_key_prefix        = "redshift/"
}

resource "aws_redshift_cluster_iam_roles" "main" {
  cluster_identifier   = aws_redshift_cluster.main.id
  iam_role_arns        = ["arn:aws:iam::${GRANTOR}:role/redshift-copy"]
  default_iam_role_arn = "arn:aws:iam::${GRANTOR}:role/redshift-copy"
}

resource "aws_redshift_snapshot_schedule" "main" {
  identifier  = "tf-every-12h"
  definitions = ["rate(12 hours)"]
}

resource "aws_redshift_snapshot_schedule_association" "main" {
  cluster_identifier  = aws_redshift_cluster.main.id
  schedule_identifier = aws_redshift_snapshot_schedule.main.id
}

resource "aws_redshift_scheduled_action" "pause" {
  name     = "tf-nightly-pause"
  schedule = "cron(0 22 * * ? *)"
  iam_role = "arn:aws:iam::${GRANTOR}:role/redshift-scheduler"
  target_action {
    pause_cluster {
      cluster_identifier = aws_redshift_cluster.main.id
    }
  }
}

resource "aws_redshift_usage_limit" "main" {
  cluster_identifier = aws_redshift_cluster.main.id
  feature_type       = "concurrency-scaling"
  limit_type         = "time"
  amount             = 60
  breach_action      = "log"
}

resource "aws_redshift_authentication_profile" "main" {
  authentication_profile_name = "tf-profile"
  authentication_profile_content = jsonencode({
    AllowDBUserOverride = "1"
    Client_ID           = "ExampleClientID"
    App_ID              = "example"
  })
}

data "aws_redshift_cluster_credentials" "main" {
  cluster_identifier = aws_redshift_cluster.main.id
  db_user            = "admin"
}

data "aws_redshift_orderable_cluster" "main" {
  cluster_type         = "multi-node"
  preferred_node_types = ["ra3.xlplus"]
}

output "orderable_node_type" {
  value = data.aws_redshift_orderable_cluster.main.node_type
}
`;
}

describe("Terraform (hashicorp/aws) with the parameter, logging, role, schedule, usage-limit and profile resources", () => {
  it("Terraform: apply, a plan with no changes, destroy; no 501 and no error in the server log", { skip: missing, timeout: 20 * 60_000 }, async () => {
    const log: string[] = [];
    await using rs = await startServer({ logLevel: "info", logSink: (line) => log.push(line) });
    const { dir, write, tf } = workspace("rl-terraform-resources-");
    const badLines = () => log.filter((line) => line.includes('"code":"NotImplemented"') || line.includes('"level":"error"'));
    try {
      const owner = clientsFor(rs.url, GRANTOR);
      write(config(rs.url));
      await tf(["init", "-input=false"], 0, "init");
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply");
      assert.deepEqual(badLines(), [], "no 501 and no error while applying");
      const cluster = (await owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "tf-resources" }))).Clusters![0]!;
      assert.deepEqual(
        [cluster.ClusterStatus, cluster.Encrypted, cluster.ClusterParameterGroups?.[0]?.ParameterGroupName, cluster.SnapshotScheduleIdentifier, cluster.DefaultIamRoleArn],
        ["available", true, "tf-params", "tf-every-12h", `arn:aws:iam::${GRANTOR}:role/redshift-copy`],
      );
      assert.deepEqual(cluster.IamRoles?.map((r) => r.IamRoleArn), [`arn:aws:iam::${GRANTOR}:role/redshift-copy`]);
      assert.ok(cluster.Tags?.some((t) => t.Key === "project" && t.Value === "redshift-local"), "default_tags reach the cluster");
      const params = (await owner.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "tf-params", Source: "user" }))).Parameters ?? [];
      assert.deepEqual(params.map((p) => [p.ParameterName, p.ParameterValue]).sort(), [["enable_user_activity_logging", "true"], ["require_ssl", "true"]]);
      const logging = await owner.redshift.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: "tf-resources" }));
      assert.deepEqual([logging.LoggingEnabled, logging.LogDestinationType, logging.BucketName, logging.S3KeyPrefix], [true, "s3", "tf-audit-logs", "redshift/"]);
      const schedule = (await owner.redshift.send(new DescribeSnapshotSchedulesCommand({ ScheduleIdentifier: "tf-every-12h" }))).SnapshotSchedules![0]!;
      assert.deepEqual([schedule.ScheduleDefinitions, schedule.AssociatedClusterCount], [["rate(12 hours)"], 1]);
      const action = (await owner.redshift.send(new DescribeScheduledActionsCommand({ ScheduledActionName: "tf-nightly-pause" }))).ScheduledActions![0]!;
      assert.deepEqual([action.Schedule, action.State, action.TargetAction?.PauseCluster?.ClusterIdentifier], ["cron(0 22 * * ? *)", "ACTIVE", "tf-resources"]);
      const limit = (await owner.redshift.send(new DescribeUsageLimitsCommand({ ClusterIdentifier: "tf-resources" }))).UsageLimits![0]!;
      assert.deepEqual([limit.FeatureType, limit.LimitType, limit.Amount, limit.BreachAction], ["concurrency-scaling", "time", 60, "log"]);
      const profile = (await owner.redshift.send(new DescribeAuthenticationProfilesCommand({ AuthenticationProfileName: "tf-profile" }))).AuthenticationProfiles![0]!;
      assert.deepEqual(JSON.parse(profile.AuthenticationProfileContent!), { AllowDBUserOverride: "1", Client_ID: "ExampleClientID", App_ID: "example" });
      const vpc = (await owner.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "cidr", Values: ["10.30.0.0/16"] }] }))).Vpcs![0]!;
      assert.ok(vpc.Tags?.some((t) => t.Key === "project" && t.Value === "redshift-local"), "default_tags reach the VPC");
      const dns = await owner.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpc.VpcId!, Attribute: "enableDnsHostnames" }));
      assert.equal(dns.EnableDnsHostnames?.Value, true);

      await tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode");

      await tf(["destroy", "-auto-approve", "-input=false"], 0, "destroy");
      await expectAwsError(owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "tf-resources" })), "ClusterNotFoundFault", 404);
      assert.deepEqual((await owner.redshift.send(new DescribeSnapshotSchedulesCommand({ ScheduleIdentifier: "tf-every-12h" }))).SnapshotSchedules, []);
      await expectAwsError(owner.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.VpcId!] })), "InvalidVpcID.NotFound", 400);
      assert.deepEqual(badLines(), [], "no 501 and no error");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
