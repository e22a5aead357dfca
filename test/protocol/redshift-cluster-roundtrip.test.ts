/**
 * The cluster and cluster-subnet-group shape tables proved against the official SDK, both ways,
 * without a server: the SDK serializes a request → our decoder (+ validator) yields the same input; we
 * encode an output with every member populated → the SDK parses the same value, and every member we
 * declare arrives (so no element or list item name is wrong: `<Clusters><Cluster>`,
 * `<VpcSecurityGroups><VpcSecurityGroup>`, `<ClusterNodes><member>`, `<Subnets><Subnet>`, …).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterCommand,
  CreateClusterSubnetGroupCommand,
  DeleteClusterCommand,
  DeleteClusterSubnetGroupCommand,
  DescribeClustersCommand,
  DescribeClusterSubnetGroupsCommand,
  DescribeLoggingStatusCommand,
  ModifyClusterCommand,
  ModifyClusterIamRolesCommand,
  ModifyClusterSubnetGroupCommand,
  PauseClusterCommand,
  RebootClusterCommand,
  RedshiftClient,
  ResumeClusterCommand,
} from "@aws-sdk/client-redshift";
import type { Cluster } from "../../src/domain/entities.js";
import type { AnyOperation } from "../../src/services/operation.js";
import { assertPopulated, plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";
import { clusterOperations } from "../../src/services/redshift/clusters/index.js";
import { LoggingStatusShape } from "../../src/services/redshift/clusters/describe-logging-status.js";
import { ClusterShape, clusterToWire } from "../../src/services/redshift/clusters/shapes.js";
import { redshift } from "../../src/services/redshift/index.js";
import { subnetGroupOperations } from "../../src/services/redshift/subnet-groups/index.js";
import { ClusterSubnetGroupShape, subnetGroupToWire } from "../../src/services/redshift/subnet-groups/shapes.js";

const OPERATIONS: Readonly<Record<string, AnyOperation>> = { ...clusterOperations, ...subnetGroupOperations };

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  assert.ok(name in OPERATIONS, `${name} is a cluster or subnet-group operation`);
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const NOW = Date.UTC(2026, 2, 4, 5, 6, 7, 890);

/** A cluster entity with every optional part set, so every output member is encoded. */
const CLUSTER: Cluster = {
  account: "111111111111",
  region: "us-east-1",
  id: "analytics",
  createdAt: NOW - 3_600_000,
  status: "modifying",
  nodeType: "ra3.4xlarge",
  numberOfNodes: 2,
  masterUsername: "admin",
  dbName: "dev",
  port: 5439,
  subnetGroupName: "analytics-sng",
  vpcId: "vpc-0123456789abcdef0",
  availabilityZone: "us-east-1a",
  securityGroupIds: ["sg-0123456789abcdef0", "sg-0123456789abcdef1"],
  publiclyAccessible: true,
  encrypted: true,
  azRelocation: false,
  multiAz: true,
  namespaceId: "0b4c6c6e-3f7a-4c7e-9d35-2f3a1c9b8e71",
  automatedSnapshotRetentionPeriod: 7,
  preferredMaintenanceWindow: "sun:05:30-sun:06:00",
  clusterVersion: "1.0",
  allowVersionUpgrade: true,
  enhancedVpcRouting: false,
  iamRoles: ["arn:aws:iam::111111111111:role/Copy"],
  iamRoleChanges: { "arn:aws:iam::111111111111:role/Copy": "adding" },
  kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/k",
  tags: [
    { Key: "env", Value: "test" },
    { Key: "team", Value: "bi" },
  ],
  subnetId: "subnet-0123456789abcdef0",
  subnetCidr: "10.0.1.0/24",
  secondaryAvailabilityZone: "us-east-1b",
  nodes: [
    { role: "LEADER", privateIp: "10.0.1.10", publicIp: "52.1.2.3" },
    { role: "COMPUTE-0", privateIp: "10.0.1.11", publicIp: "52.1.2.4" },
    { role: "COMPUTE-1", privateIp: "10.0.1.12", publicIp: "52.1.2.5" },
  ],
  manualSnapshotRetentionPeriod: -1,
  parameterGroupName: "analytics-params",
  pendingReboot: { parameters: ["require_ssl"] },
  maintenanceTrackName: "current",
  masterPasswordSecretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:redshift!analytics-admin-abc123",
  defaultIamRoleArn: "arn:aws:iam::111111111111:role/Copy",
  pendingModifications: { nodeType: "ra3.16xlarge", numberOfNodes: 4, masterUserPassword: true, publiclyAccessible: false, enhancedVpcRouting: true },
  snapshotScheduleIdentifier: "nightly",
  // A restored cluster's RestoreStatus (its sizes and rates are the model's Long and Double).
  restore: { sourceAccount: "222222222222", snapshotIdentifier: "snap", snapshotSizeInMegaBytes: 1536, startedAt: NOW - 60_000, durationMs: 180_000 },
};

/**
 * `ClusterSecurityGroups` (EC2-Classic groups) is always empty for our VPC clusters; a member is set
 * here only to prove the table's item name `<ClusterSecurityGroup>`.
 */
const CLUSTER_WIRE = {
  ...clusterToWire(CLUSTER, NOW, { identifier: "nightly", state: "ACTIVE", expectedNext: { at: NOW + 3_600_000, status: "OnTrack" } }),
  ClusterSecurityGroups: [{ ClusterSecurityGroupName: "legacy", Status: "active" }],
};

const GROUP_WIRE = subnetGroupToWire({
  group: {
    account: "111111111111",
    region: "us-east-1",
    id: "analytics-sng",
    createdAt: NOW,
    description: "Analytics subnets",
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
    tags: [{ Key: "env", Value: "test" }],
  },
  subnets: [
    { id: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a" },
    { id: "subnet-0123456789abcdef1", availabilityZone: "us-east-1b" },
  ],
});

describe("Redshift cluster shapes round-trip through @aws-sdk/client-redshift", () => {
  it("the Cluster fixture populates every member the Cluster shape declares", () => {
    assertPopulated(ClusterShape, CLUSTER_WIRE, "Cluster");
    assertPopulated(ClusterSubnetGroupShape, GROUP_WIRE, "ClusterSubnetGroup");
  });

  it("CreateCluster: every request member decodes; the Cluster comes back whole", async () => {
    const parsed = await roundTrip(
      "CreateCluster",
      new CreateClusterCommand({
        ClusterIdentifier: "analytics",
        NodeType: "ra3.4xlarge",
        MasterUsername: "admin",
        MasterUserPassword: "Passw0rd with space+plus&amp",
        ManageMasterPassword: false,
        DBName: "dev",
        ClusterType: "multi-node",
        NumberOfNodes: 2,
        ClusterSubnetGroupName: "analytics-sng",
        AvailabilityZone: "us-east-1a",
        VpcSecurityGroupIds: ["sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6", "sg-7", "sg-8", "sg-9", "sg-10", "sg-11"],
        Port: 5439,
        PubliclyAccessible: false,
        Encrypted: true,
        KmsKeyId: "key",
        AvailabilityZoneRelocation: true,
        MultiAZ: false,
        PreferredMaintenanceWindow: "sun:05:30-sun:06:00",
        AutomatedSnapshotRetentionPeriod: 7,
        ManualSnapshotRetentionPeriod: -1,
        ClusterParameterGroupName: "default.redshift-1.0",
        ClusterVersion: "1.0",
        AllowVersionUpgrade: true,
        EnhancedVpcRouting: false,
        IamRoles: ["arn:aws:iam::111111111111:role/A", "arn:aws:iam::111111111111:role/B"],
        DefaultIamRoleArn: "arn:aws:iam::111111111111:role/A",
        MaintenanceTrackName: "current",
        Tags: [
          { Key: "env", Value: "test" },
          { Key: "empty", Value: "" },
        ],
        AquaConfigurationStatus: "auto",
        CatalogName: "my-catalog_01",
        ExtraComputeForAutomaticOptimization: false,
      }),
      { Cluster: CLUSTER_WIRE },
    );
    assert.deepEqual(parsed, plain({ Cluster: CLUSTER_WIRE }));
  });

  it("CreateCluster: an explicitly empty list (`IamRoles=`) decodes as an empty list", async () => {
    await roundTrip(
      "CreateCluster",
      new CreateClusterCommand({ ClusterIdentifier: "a", NodeType: "dc2.large", MasterUsername: "admin", MasterUserPassword: "Passw0rd1", IamRoles: [], VpcSecurityGroupIds: [] }),
      { Cluster: CLUSTER_WIRE },
    );
  });

  it("DescribeClusters: filters decode; <Clusters><Cluster> and the Marker parse", async () => {
    const parsed = await roundTrip(
      "DescribeClusters",
      new DescribeClustersCommand({ ClusterIdentifier: "analytics", MaxRecords: 20, Marker: "rl1.abc", TagKeys: ["env", "team"], TagValues: ["test"] }),
      { Marker: "rl1.next", Clusters: [CLUSTER_WIRE, { ...CLUSTER_WIRE, ClusterIdentifier: "second" }] },
    );
    assert.deepEqual(parsed, plain({ Marker: "rl1.next", Clusters: [CLUSTER_WIRE, { ...CLUSTER_WIRE, ClusterIdentifier: "second" }] }));
  });

  it("DescribeClusters: an empty result is an empty list, not a missing one", async () => {
    const parsed = await roundTrip("DescribeClusters", new DescribeClustersCommand({}), { Clusters: [] });
    assert.deepEqual(parsed, { Clusters: [] });
  });

  it("ModifyCluster: every request member decodes; the Cluster comes back whole", async () => {
    const parsed = await roundTrip(
      "ModifyCluster",
      new ModifyClusterCommand({
        ClusterIdentifier: "analytics",
        ExtraComputeForAutomaticOptimization: true,
        ClusterType: "multi-node",
        NodeType: "ra3.16xlarge",
        NumberOfNodes: 4,
        VpcSecurityGroupIds: ["sg-1"],
        MasterUserPassword: "N3wSecret",
        ManageMasterPassword: false,
        ClusterParameterGroupName: "p",
        AutomatedSnapshotRetentionPeriod: 3,
        ManualSnapshotRetentionPeriod: 10,
        PreferredMaintenanceWindow: "mon:01:00-mon:02:00",
        ClusterVersion: "1.0",
        AllowVersionUpgrade: false,
        NewClusterIdentifier: "renamed",
        PubliclyAccessible: false,
        EnhancedVpcRouting: true,
        MaintenanceTrackName: "trailing",
        Encrypted: true,
        KmsKeyId: "k",
        AvailabilityZoneRelocation: false,
        AvailabilityZone: "us-east-1b",
        Port: 5440,
        MultiAZ: true,
      }),
      { Cluster: CLUSTER_WIRE },
    );
    assert.deepEqual(parsed, plain({ Cluster: CLUSTER_WIRE }));
  });

  it("DeleteCluster, PauseCluster, ResumeCluster, RebootCluster, ModifyClusterIamRoles: requests decode; the Cluster comes back whole", async () => {
    const cases: [string, { input: object }][] = [
      ["DeleteCluster", new DeleteClusterCommand({ ClusterIdentifier: "analytics", SkipFinalClusterSnapshot: false, FinalClusterSnapshotIdentifier: "final", FinalClusterSnapshotRetentionPeriod: 7 })],
      ["PauseCluster", new PauseClusterCommand({ ClusterIdentifier: "analytics" })],
      ["ResumeCluster", new ResumeClusterCommand({ ClusterIdentifier: "analytics" })],
      ["RebootCluster", new RebootClusterCommand({ ClusterIdentifier: "analytics" })],
      [
        "ModifyClusterIamRoles",
        new ModifyClusterIamRolesCommand({
          ClusterIdentifier: "analytics",
          AddIamRoles: ["arn:aws:iam::111111111111:role/A", "arn:aws:iam::111111111111:role/B"],
          RemoveIamRoles: ["arn:aws:iam::111111111111:role/C"],
          DefaultIamRoleArn: "arn:aws:iam::111111111111:role/A",
        }),
      ],
    ];
    for (const [name, command] of cases) {
      assert.deepEqual(await roundTrip(name, command, { Cluster: CLUSTER_WIRE }), plain({ Cluster: CLUSTER_WIRE }), name);
    }
  });

  it("DescribeLoggingStatus: the request decodes; every LoggingStatus member (LogExports as <member>) parses", async () => {
    const status = {
      LoggingEnabled: true,
      BucketName: "audit-logs",
      S3KeyPrefix: "redshift/",
      LastSuccessfulDeliveryTime: NOW - 60_000,
      LastFailureTime: NOW - 120_000,
      LastFailureMessage: "Access denied",
      LogDestinationType: "s3",
      LogExports: ["connectionlog", "userlog", "useractivitylog"],
    };
    assertPopulated(LoggingStatusShape, status, "LoggingStatus");
    assert.deepEqual(await roundTrip("DescribeLoggingStatus", new DescribeLoggingStatusCommand({ ClusterIdentifier: "analytics" }), status), status);
    assert.deepEqual(await roundTrip("DescribeLoggingStatus", new DescribeLoggingStatusCommand({ ClusterIdentifier: "analytics" }), { LoggingEnabled: false }), { LoggingEnabled: false });
  });

  it("CreateClusterSubnetGroup / ModifyClusterSubnetGroup: SubnetIds.SubnetIdentifier.N decode; the group comes back whole", async () => {
    const created = await roundTrip(
      "CreateClusterSubnetGroup",
      new CreateClusterSubnetGroupCommand({
        ClusterSubnetGroupName: "analytics-sng",
        Description: "Analytics subnets (private)",
        SubnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
        Tags: [{ Key: "env", Value: "test" }],
      }),
      { ClusterSubnetGroup: GROUP_WIRE },
    );
    assert.deepEqual(created, plain({ ClusterSubnetGroup: GROUP_WIRE }));
    const modified = await roundTrip(
      "ModifyClusterSubnetGroup",
      new ModifyClusterSubnetGroupCommand({ ClusterSubnetGroupName: "analytics-sng", SubnetIds: ["subnet-0123456789abcdef1"], Description: "d" }),
      { ClusterSubnetGroup: GROUP_WIRE },
    );
    assert.deepEqual(modified, plain({ ClusterSubnetGroup: GROUP_WIRE }));
  });

  it("DescribeClusterSubnetGroups: filters decode; <ClusterSubnetGroups><ClusterSubnetGroup> and the Marker parse", async () => {
    const parsed = await roundTrip(
      "DescribeClusterSubnetGroups",
      new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "analytics-sng", MaxRecords: 100, Marker: "m", TagKeys: ["env"], TagValues: ["test", "prod"] }),
      { Marker: "rl1.next", ClusterSubnetGroups: [GROUP_WIRE] },
    );
    assert.deepEqual(parsed, plain({ Marker: "rl1.next", ClusterSubnetGroups: [GROUP_WIRE] }));
  });

  it("DeleteClusterSubnetGroup: the request decodes and the empty result parses", async () => {
    const parsed = await roundTrip("DeleteClusterSubnetGroup", new DeleteClusterSubnetGroupCommand({ ClusterSubnetGroupName: "analytics-sng" }), undefined);
    assert.deepEqual(parsed, {});
  });
});
