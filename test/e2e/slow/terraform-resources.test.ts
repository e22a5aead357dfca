/**
 * Real Terraform (hashicorp/aws) against a server started here, for the resources beyond the README
 * example: default_tags, a VPC with DNS host names, parameter groups, an encrypted cluster using one,
 * a second cluster carrying its own IAM roles, audit logging, cluster IAM roles, snapshot schedules
 * and an association, a scheduled action, a usage limit, an authentication profile, and the
 * cluster, cluster-credentials and orderable-cluster data sources (./terraform-resources-config.ts).
 *
 * Steps: `init`; `apply` of the "create", "update" and "final" configurations, each followed by
 * `plan -detailed-exitcode` (exit 0: no changes) and a check through the SDK that the server holds
 * what was configured (after "final", which removes a parameter, the plan first shows it again, as
 * on AWS, until the test resets it with ResetClusterParameterGroup); then, in a fresh working directory and state, `import` blocks for every
 * resource, an `apply` that must import and change nothing, a clean plan, and `destroy`. The server's
 * log must hold no 501 (NotImplemented) and no error line. The proof runs on the in-memory SQLite
 * store and, when REDSHIFT_LOCAL_TEST_PG is set, once more on PostgreSQL.
 *
 * Terraform runs in real time, so the server uses zero lifecycle delays (the default) and the real
 * clock: every transition completes on the next request and the provider's waiters return at their
 * first poll. Terraform and the provider are found by ./terraform-harness.ts; when either is missing
 * the test is skipped with a message naming what is missing.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { describe, it } from "node:test";
import { DescribeVpcAttributeCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import {
  DescribeAuthenticationProfilesCommand,
  DescribeClusterParameterGroupsCommand,
  DescribeClusterParametersCommand,
  DescribeClustersCommand,
  DescribeLoggingStatusCommand,
  DescribeScheduledActionsCommand,
  DescribeSnapshotSchedulesCommand,
  DescribeUsageLimitsCommand,
  ResetClusterParameterGroupCommand,
  type Cluster,
  type Tag,
} from "@aws-sdk/client-redshift";
import { startRedshiftLocal, type RedshiftLocal } from "../../../src/index.js";
import { GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../../helpers.js";
import { PG_SKIP, PG_URL, dropSchema, freshSchema } from "../../postgres.js";
import { EXPECTED, config, type Step } from "./terraform-resources-config.js";
import { missing, workspace } from "./terraform-harness.js";

const tagMap = (tags: readonly Tag[] | undefined): Record<string, string> => Object.fromEntries((tags ?? []).map((t) => [t.Key!, t.Value!]));

async function cluster(owner: Clients, id: string): Promise<Cluster> {
  return (await owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: id }))).Clusters![0]!;
}

/** What the server holds after `step`'s apply, read through the SDK. */
async function verify(owner: Clients, step: Step): Promise<string> {
  const defaults = EXPECTED.defaultTags[step];
  const main = await cluster(owner, "tf-resources");
  assert.equal(main.ClusterStatus, "available");
  assert.equal(main.Encrypted, true);
  assert.deepEqual(tagMap(main.Tags), { ...defaults, ...EXPECTED.clusterTags[step] }, `${step}: cluster tags`);
  assert.equal(main.ClusterParameterGroups?.[0]?.ParameterGroupName, EXPECTED.clusterGroup[step], `${step}: the cluster's parameter group`);
  // "update" changes static parameters of the cluster's group: the cluster waits for a reboot;
  // "final" moves it to another group, which also waits for a reboot.
  assert.equal(main.ClusterParameterGroups?.[0]?.ParameterApplyStatus, step === "create" ? "in-sync" : "pending-reboot", `${step}: ParameterApplyStatus`);
  assert.equal(main.SnapshotScheduleIdentifier, EXPECTED.associatedSchedule[step]);
  assert.deepEqual([...(main.IamRoles ?? []).map((r) => r.IamRoleArn)].sort(), [...EXPECTED.roles[step].roles].sort(), `${step}: cluster IAM roles`);
  assert.equal(main.DefaultIamRoleArn, EXPECTED.roles[step].default);

  const second = await cluster(owner, "tf-roles");
  assert.deepEqual([...(second.IamRoles ?? []).map((r) => r.IamRoleArn)].sort(), [...EXPECTED.secondRoles[step].roles].sort(), `${step}: second cluster IAM roles`);
  assert.equal(second.DefaultIamRoleArn, EXPECTED.secondRoles[step].default);
  assert.deepEqual(tagMap(second.Tags), defaults, `${step}: default_tags on the second cluster`);

  const params = (await owner.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "tf-params", Source: "user" }))).Parameters ?? [];
  assert.deepEqual(Object.fromEntries(params.map((p) => [p.ParameterName, p.ParameterValue])), EXPECTED.params[step], `${step}: user parameters`);
  const group = (await owner.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "tf-params" }))).ParameterGroups![0]!;
  assert.deepEqual(tagMap(group.Tags), { ...defaults, ...EXPECTED.paramsTags[step] }, `${step}: parameter group tags`);

  const logging = await owner.redshift.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: "tf-resources" }));
  const expectedLogging = EXPECTED.logging[step];
  assert.deepEqual(
    { enabled: logging.LoggingEnabled, type: logging.LogDestinationType, bucket: logging.BucketName, prefix: logging.S3KeyPrefix, exports: logging.LogExports?.slice().sort() },
    { enabled: true, type: expectedLogging.LogDestinationType, bucket: expectedLogging.BucketName, prefix: expectedLogging.S3KeyPrefix, exports: expectedLogging.LogExports },
    `${step}: logging`,
  );

  const schedules = (await owner.redshift.send(new DescribeSnapshotSchedulesCommand({}))).SnapshotSchedules ?? [];
  const mainSchedule = schedules.find((s) => s.ScheduleIdentifier === "tf-every-12h")!;
  assert.deepEqual([...(mainSchedule.ScheduleDefinitions ?? [])].sort(), EXPECTED.mainSchedule[step].definitions);
  assert.equal(mainSchedule.ScheduleDescription, EXPECTED.mainSchedule[step].description);
  assert.deepEqual(
    schedules.filter((s) => (s.AssociatedClusterCount ?? 0) > 0).map((s) => [s.ScheduleIdentifier, s.AssociatedClusters?.map((c) => c.ClusterIdentifier)]),
    [[EXPECTED.associatedSchedule[step], ["tf-resources"]]],
    `${step}: the association`,
  );

  const action = (await owner.redshift.send(new DescribeScheduledActionsCommand({ ScheduledActionName: "tf-nightly-pause" }))).ScheduledActions![0]!;
  const expectedAction = EXPECTED.action[step];
  assert.deepEqual(
    {
      schedule: action.Schedule,
      state: action.State,
      description: action.ScheduledActionDescription,
      start: action.StartTime?.toISOString().replace(".000", ""),
      end: action.EndTime?.toISOString().replace(".000", ""),
      pause: action.TargetAction?.PauseCluster?.ClusterIdentifier,
      resume: action.TargetAction?.ResumeCluster?.ClusterIdentifier,
      iamRole: action.IamRole,
    },
    {
      schedule: expectedAction.schedule,
      state: expectedAction.enable ? "ACTIVE" : "DISABLED",
      description: expectedAction.description,
      start: expectedAction.start,
      end: expectedAction.end,
      pause: expectedAction.target === "pause" ? "tf-resources" : undefined,
      resume: expectedAction.target === "resume" ? "tf-resources" : undefined,
      iamRole: expectedAction.iamRole,
    },
    `${step}: scheduled action`,
  );

  const limits = (await owner.redshift.send(new DescribeUsageLimitsCommand({ ClusterIdentifier: "tf-resources" }))).UsageLimits ?? [];
  assert.equal(limits.length, 1);
  assert.deepEqual([limits[0]!.FeatureType, limits[0]!.LimitType, limits[0]!.Amount, limits[0]!.BreachAction], ["concurrency-scaling", "time", ...EXPECTED.limit[step]]);

  const profile = (await owner.redshift.send(new DescribeAuthenticationProfilesCommand({ AuthenticationProfileName: "tf-profile" }))).AuthenticationProfiles![0]!;
  assert.deepEqual(JSON.parse(profile.AuthenticationProfileContent!), EXPECTED.profile[step]);

  const vpc = (await owner.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "cidr", Values: ["10.30.0.0/16"] }] }))).Vpcs![0]!;
  assert.deepEqual(tagMap(vpc.Tags), defaults, `${step}: default_tags on the VPC`);
  const support = await owner.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpc.VpcId!, Attribute: "enableDnsSupport" }));
  const hostnames = await owner.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpc.VpcId!, Attribute: "enableDnsHostnames" }));
  assert.deepEqual([support.EnableDnsSupport?.Value, hostnames.EnableDnsHostnames?.Value], EXPECTED.vpcDns[step], `${step}: VPC DNS attributes`);

  return vpc.VpcId!;
}

/** The whole proof against one running server. */
async function proof(rs: RedshiftLocal, log: string[]): Promise<void> {
  const first = workspace("rl-terraform-resources-");
  const second = workspace("rl-terraform-import-");
  const badLines = () => log.filter((line) => line.includes('"code":"NotImplemented"') || line.includes('"level":"error"'));
  try {
    const owner = clientsFor(rs.url, GRANTOR);
    let vpcId = "";
    for (const step of ["create", "update", "final"] as const) {
      first.write(config(rs.url, step));
      if (step === "create") await first.tf(["init", "-input=false"], 0, "init");
      const applied = await first.tf(["apply", "-auto-approve", "-input=false"], 0, `apply (${step})`);
      assert.match(applied, new RegExp(`cluster_parameter_group = "${EXPECTED.clusterGroup[step]}"`), "the aws_redshift_cluster data source reads the cluster");
      assert.deepEqual(badLines(), [], `no 501 and no error while applying (${step})`);
      if (step === "final") {
        // The provider only sends added and changed parameters, so a removed one stays user-set, as on
        // AWS: the plan shows it again until it is reset.
        const drift = await first.tf(["plan", "-detailed-exitcode", "-input=false"], 2, "plan -detailed-exitcode (a parameter removed)");
        assert.match(drift, /aws_redshift_parameter_group\.main will be updated in-place[\s\S]*enable_user_activity_logging/);
        await owner.redshift.send(
          new ResetClusterParameterGroupCommand({ ParameterGroupName: "tf-params", Parameters: [{ ParameterName: "enable_user_activity_logging" }] }),
        );
      }
      vpcId = await verify(owner, step);
      await first.tf(["plan", "-detailed-exitcode", "-input=false"], 0, `plan -detailed-exitcode (${step})`);
    }

    // Import every resource into a fresh state: the apply imports and changes nothing.
    const usageLimitId = (await owner.redshift.send(new DescribeUsageLimitsCommand({ ClusterIdentifier: "tf-resources" }))).UsageLimits![0]!.UsageLimitId!;
    const imports = {
      "aws_vpc.main": vpcId,
      "aws_redshift_parameter_group.main": "tf-params",
      "aws_redshift_parameter_group.second": "tf-params-2",
      "aws_redshift_cluster.main": "tf-resources",
      "aws_redshift_cluster.second": "tf-roles",
      "aws_redshift_logging.main": "tf-resources",
      "aws_redshift_cluster_iam_roles.main": "tf-resources",
      "aws_redshift_snapshot_schedule.main": "tf-every-12h",
      "aws_redshift_snapshot_schedule.daily": "tf-daily",
      "aws_redshift_snapshot_schedule_association.main": "tf-resources/tf-daily",
      "aws_redshift_scheduled_action.main": "tf-nightly-pause",
      "aws_redshift_usage_limit.main": usageLimitId,
      "aws_redshift_authentication_profile.main": "tf-profile",
    };
    second.write(config(rs.url, "final", { imports }));
    await second.tf(["init", "-input=false"], 0, "init (import)");
    const imported = await second.tf(["apply", "-auto-approve", "-input=false"], 0, "apply (import)");
    assert.match(imported, new RegExp(`Resources: ${Object.keys(imports).length} imported, 0 added, 0 changed, 0 destroyed`), imported);
    await second.tf(["plan", "-detailed-exitcode", "-input=false"], 0, "plan -detailed-exitcode (import)");
    assert.deepEqual(badLines(), [], "no 501 and no error while importing");

    await second.tf(["destroy", "-auto-approve", "-input=false"], 0, "destroy");
    for (const id of ["tf-resources", "tf-roles"]) {
      await expectAwsError(owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: id })), "ClusterNotFoundFault", 404);
    }
    assert.deepEqual((await owner.redshift.send(new DescribeSnapshotSchedulesCommand({}))).SnapshotSchedules, []);
    await expectAwsError(owner.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })), "InvalidVpcID.NotFound", 400);
    assert.deepEqual(badLines(), [], "no 501 and no error");
  } finally {
    rmSync(first.dir, { recursive: true, force: true });
    rmSync(second.dir, { recursive: true, force: true });
  }
}

const TIMEOUT = 30 * 60_000;

describe("Terraform (hashicorp/aws): create, update every updatable argument, import and destroy the parameter, logging, role, schedule, usage-limit and profile resources", () => {
  it("on SQLite: each apply plans clean and reads back through the SDK; import changes nothing; no 501 and no error in the server log", { skip: missing, timeout: TIMEOUT }, async () => {
    const log: string[] = [];
    await using rs = await startServer({ store: { kind: "memory" }, logLevel: "info", logSink: (line) => log.push(line) });
    await proof(rs, log);
  });

  it("on PostgreSQL: the same proof", { skip: missing ?? PG_SKIP, timeout: TIMEOUT }, async () => {
    const log: string[] = [];
    const schema = freshSchema();
    const rs = await startRedshiftLocal({ port: 0, store: { kind: "postgres", url: PG_URL!, schema, poolSize: 4 }, logLevel: "info", logSink: (line) => log.push(line) });
    try {
      await proof(rs, log);
    } finally {
      await rs.close();
      await dropSchema(schema);
    }
  });
});
