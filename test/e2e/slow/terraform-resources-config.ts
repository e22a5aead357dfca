/**
 * The Terraform configurations of ./terraform-resources.test.ts, one per step. Step "create" makes
 * every resource; "update" and "final" change every argument the hashicorp/aws provider updates in
 * place (and a few it replaces), so each apply goes through the provider's update path:
 *
 * - default_tags: add a key and change a value ("update"), remove a key ("final");
 * - aws_vpc: DNS host names off ("update"), then DNS support off ("final"). Not back on: the provider
 *   enables host names before support, and AWS (like redshift-local) refuses DNS host names without
 *   DNS support (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html);
 * - aws_redshift_parameter_group: a static parameter changed and static and dynamic parameters added
 *   ("update": the cluster waits for a reboot), one removed ("final"), tags added then removed; a
 *   second group the cluster moves to ("final": ModifyCluster ClusterParameterGroupName);
 * - aws_redshift_cluster: tags changed then removed, the parameter-group swap; a second cluster
 *   carries `iam_roles` / `default_iam_role_arn` itself (CreateCluster, then ModifyClusterIamRoles);
 * - aws_redshift_logging: S3 → CloudWatch with log_exports → S3 with another bucket and prefix;
 * - aws_redshift_cluster_iam_roles: a role added and the default moved to it, then the first removed;
 * - aws_redshift_snapshot_schedule: definitions changed, a second schedule, then a description change
 *   (which the provider replaces); the association moves to the second schedule (replaced);
 * - aws_redshift_scheduled_action: schedule, enable false, description, start and end time, then the
 *   target action pause → resume, the IAM role, enable true, an at() schedule;
 * - aws_redshift_usage_limit: amount and breach action, twice;
 * - aws_redshift_authentication_profile: content.
 */
import { GRANTOR } from "../../helpers.js";

export type Step = "create" | "update" | "final";

export const role = (name: string): string => `arn:aws:iam::${GRANTOR}:role/${name}`;

const pick = <T>(step: Step, values: Record<Step, T>): T => values[step];

function tags(map: Record<string, string>): string {
  const entries = Object.entries(map);
  if (entries.length === 0) return "";
  return `tags = {\n${entries.map(([k, v]) => `    ${k} = ${JSON.stringify(v)}`).join("\n")}\n  }`;
}

function parameters(map: Record<string, string>): string {
  return Object.entries(map)
    .map(([name, value]) => `  parameter {\n    name  = ${JSON.stringify(name)}\n    value = ${JSON.stringify(value)}\n  }`)
    .join("\n");
}

/** What each step configures, for the test's checks through the SDK. */
export const EXPECTED = {
  defaultTags: { create: { project: "redshift-local" }, update: { project: "redshift-local-2", env: "test" }, final: { env: "test" } },
  vpcDns: { create: [true, true], update: [true, false], final: [false, false] },
  params: {
    create: { require_ssl: "true", enable_user_activity_logging: "true" },
    update: { require_ssl: "false", enable_user_activity_logging: "true", statement_timeout: "60000", max_concurrency_scaling_clusters: "3" },
    // enable_user_activity_logging removed from the configuration: the provider does not reset it (the
    // test resets it through the SDK, then the plan is clean).
    final: { require_ssl: "false", statement_timeout: "60000", max_concurrency_scaling_clusters: "3" },
  },
  paramsTags: { create: { team: "data" }, update: { team: "data", tier: "gold" }, final: {} },
  clusterGroup: { create: "tf-params", update: "tf-params", final: "tf-params-2" },
  clusterTags: { create: { team: "data" }, update: { team: "analytics" }, final: {} },
  logging: {
    create: { LogDestinationType: "s3", BucketName: "tf-audit-logs", S3KeyPrefix: "redshift/", LogExports: undefined },
    update: { LogDestinationType: "cloudwatch", BucketName: undefined, S3KeyPrefix: undefined, LogExports: ["connectionlog", "userlog"] },
    final: { LogDestinationType: "s3", BucketName: "tf-audit-logs-2", S3KeyPrefix: "audit/", LogExports: undefined },
  },
  roles: {
    create: { roles: [role("redshift-copy")], default: role("redshift-copy") },
    update: { roles: [role("redshift-copy"), role("redshift-spectrum")], default: role("redshift-spectrum") },
    final: { roles: [role("redshift-spectrum")], default: role("redshift-spectrum") },
  },
  secondRoles: {
    create: { roles: [role("second-a")], default: role("second-a") },
    update: { roles: [role("second-a"), role("second-b")], default: role("second-b") },
    final: { roles: [role("second-b")], default: role("second-b") },
  },
  mainSchedule: {
    create: { definitions: ["rate(12 hours)"], description: undefined },
    update: { definitions: ["cron(0 18 * * ? *)", "cron(0 6 * * ? *)"], description: undefined },
    final: { definitions: ["cron(0 18 * * ? *)", "cron(0 6 * * ? *)"], description: "at 06:00 and 18:00" },
  },
  associatedSchedule: { create: "tf-every-12h", update: "tf-daily", final: "tf-daily" },
  action: {
    create: { schedule: "cron(0 22 * * ? *)", enable: true, description: undefined, start: undefined, end: undefined, target: "pause", iamRole: role("redshift-scheduler") },
    update: {
      schedule: "cron(0 23 * * ? *)",
      enable: false,
      description: "pause at night",
      start: "2030-01-01T00:00:00Z",
      end: "2031-01-01T00:00:00Z",
      target: "pause",
      iamRole: role("redshift-scheduler"),
    },
    final: {
      schedule: "at(2030-06-01T07:00:00)",
      enable: true,
      description: "resume in the morning",
      start: "2030-02-01T00:00:00Z",
      end: "2031-02-01T00:00:00Z",
      target: "resume",
      iamRole: role("redshift-scheduler-2"),
    },
  },
  limit: { create: [60, "log"], update: [120, "emit-metric"], final: [90, "disable"] },
  profile: {
    create: { AllowDBUserOverride: "1", Client_ID: "ExampleClientID", App_ID: "example" },
    update: { AllowDBUserOverride: "0", Client_ID: "OtherClientID", App_ID: "example", Partner_SPID: "partner" },
    final: { AllowDBUserOverride: "0", Client_ID: "OtherClientID", App_ID: "example", Partner_SPID: "partner" },
  },
} as const;

/**
 * `imports`: `import` blocks (resource address → id) for a fresh state. With them, the two attributes
 * the provider cannot read back are ignored: a cluster's `master_password` (no API returns it; the
 * provider's import documentation says so) and `aws_redshift_logging`'s `log_destination_type` (the
 * provider's Read skips it, its code saying DescribeLoggingStatus does not return it reliably for s3).
 */
export function config(url: string, step: Step, options: { imports?: Record<string, string> } = {}): string {
  const action = EXPECTED.action[step];
  const [enableDnsSupport, enableDnsHostnames] = EXPECTED.vpcDns[step];
  const logging = EXPECTED.logging[step];
  const schedule = EXPECTED.mainSchedule[step];
  const roles = EXPECTED.roles[step];
  const second = EXPECTED.secondRoles[step];
  const [amount, breach] = EXPECTED.limit[step];
  const imports = Object.entries(options.imports ?? {})
    .map(([to, id]) => `import {\n  to = ${to}\n  id = ${JSON.stringify(id)}\n}\n`)
    .join("\n");
  const ignoring = (attribute: string): string => (options.imports ? `\n  lifecycle {\n    ignore_changes = [${attribute}]\n  }` : "");
  const ignore = ignoring("master_password");
  return `
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "${GRANTOR}"
  secret_key                  = "test"
  skip_credentials_validation = true
  # The provider builds the ARNs it tags (CreateTags/DeleteTags on updates) from the account id it
  # asks STS for: skipping that request would make them invalid ARNs with no account.
  skip_metadata_api_check     = true
  endpoints {
    redshift = ${JSON.stringify(url)}
    ec2      = ${JSON.stringify(url)}
    sts      = ${JSON.stringify(url)}
  }
  default_tags {
    ${tags(EXPECTED.defaultTags[step])}
  }
}

${imports}

resource "aws_vpc" "main" {
  cidr_block           = "10.30.0.0/16"
  enable_dns_support   = ${enableDnsSupport}
  enable_dns_hostnames = ${enableDnsHostnames}
}

resource "aws_redshift_parameter_group" "main" {
  name   = "tf-params"
  family = "redshift-1.0"
${parameters(EXPECTED.params[step])}
  ${tags(EXPECTED.paramsTags[step])}
}
${pick(step, {
  create: "",
  update: "",
  final: `
resource "aws_redshift_parameter_group" "second" {
  name        = "tf-params-2"
  family      = "redshift-1.0"
  description = "the group the cluster moves to"
${parameters({ query_group: "etl", auto_mv: "false" })}
}
`,
})}
resource "aws_redshift_cluster" "main" {
  cluster_identifier           = "tf-resources"
  node_type                    = "ra3.xlplus"
  number_of_nodes              = 2
  master_username              = "admin"
  master_password              = "Passw0rd-example"
  cluster_parameter_group_name = ${step === "final" ? "aws_redshift_parameter_group.second.name" : "aws_redshift_parameter_group.main.name"}
  encrypted                    = true
  skip_final_snapshot          = true
  ${tags(EXPECTED.clusterTags[step])}${ignore}
}

resource "aws_redshift_cluster" "second" {
  cluster_identifier   = "tf-roles"
  node_type            = "ra3.xlplus"
  number_of_nodes      = 1
  master_username      = "admin"
  master_password      = "Passw0rd-example"
  iam_roles            = ${JSON.stringify(second.roles)}
  default_iam_role_arn = ${JSON.stringify(second.default)}
  encrypted            = true # AWS encrypts every new cluster; provider 5.x defaults to false
  skip_final_snapshot  = true${ignore}
}

resource "aws_redshift_logging" "main" {
  cluster_identifier   = aws_redshift_cluster.main.id
  log_destination_type = ${JSON.stringify(logging.LogDestinationType)}
${logging.BucketName ? `  bucket_name          = ${JSON.stringify(logging.BucketName)}\n` : ""}${logging.S3KeyPrefix ? `  s3_key_prefix        = ${JSON.stringify(logging.S3KeyPrefix)}\n` : ""}${logging.LogExports ? `  log_exports          = ${JSON.stringify(logging.LogExports)}\n` : ""}${ignoring("log_destination_type")}
}

resource "aws_redshift_cluster_iam_roles" "main" {
  cluster_identifier   = aws_redshift_cluster.main.id
  iam_role_arns        = ${JSON.stringify(roles.roles)}
  default_iam_role_arn = ${JSON.stringify(roles.default)}
}

resource "aws_redshift_snapshot_schedule" "main" {
  identifier  = "tf-every-12h"
  definitions = ${JSON.stringify(schedule.definitions)}
${schedule.description ? `  description = ${JSON.stringify(schedule.description)}\n` : ""}  ${tags(step === "create" ? { kind: "frequent" } : {})}
}
${pick(step, {
  create: "",
  update: `
resource "aws_redshift_snapshot_schedule" "daily" {
  identifier  = "tf-daily"
  description = "once a day"
  definitions = ["cron(0 1 * * ? *)"]
}
`,
  final: `
resource "aws_redshift_snapshot_schedule" "daily" {
  identifier  = "tf-daily"
  description = "once a day"
  definitions = ["cron(0 1 * * ? *)"]
}
`,
})}
resource "aws_redshift_snapshot_schedule_association" "main" {
  cluster_identifier  = aws_redshift_cluster.main.id
  schedule_identifier = ${step === "create" ? "aws_redshift_snapshot_schedule.main.id" : "aws_redshift_snapshot_schedule.daily.id"}
}

resource "aws_redshift_scheduled_action" "main" {
  name     = "tf-nightly-pause"
  schedule = ${JSON.stringify(action.schedule)}
  iam_role = ${JSON.stringify(action.iamRole)}
  enable   = ${action.enable}
${action.description ? `  description = ${JSON.stringify(action.description)}\n` : ""}${action.start ? `  start_time  = ${JSON.stringify(action.start)}\n` : ""}${action.end ? `  end_time    = ${JSON.stringify(action.end)}\n` : ""}  target_action {
    ${action.target}_cluster {
      cluster_identifier = aws_redshift_cluster.main.id
    }
  }
}

resource "aws_redshift_usage_limit" "main" {
  cluster_identifier = aws_redshift_cluster.main.id
  feature_type       = "concurrency-scaling"
  limit_type         = "time"
  amount             = ${amount}
  breach_action      = ${JSON.stringify(breach)}
}

resource "aws_redshift_authentication_profile" "main" {
  authentication_profile_name    = "tf-profile"
  authentication_profile_content = jsonencode(${JSON.stringify(EXPECTED.profile[step])})
}

data "aws_redshift_cluster_credentials" "main" {
  cluster_identifier = aws_redshift_cluster.main.id
  db_user            = "admin"
}

data "aws_redshift_cluster" "main" {
  cluster_identifier = aws_redshift_cluster.main.id
}

output "cluster_parameter_group" {
  value = data.aws_redshift_cluster.main.cluster_parameter_group_name
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
