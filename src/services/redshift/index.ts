/**
 * Redshift, awsQuery, version 2012-12-01 (namespace http://redshift.amazonaws.com/doc/2012-12-01/).
 *
 * Implemented: clusters (with their audit logging and IAM roles), cluster subnet groups, cluster
 * parameter groups, the seven endpoint-access operations, tags (CreateTags/DeleteTags/DescribeTags),
 * usage limits, authentication profiles, snapshot schedules (which drive automated snapshots),
 * cluster snapshots (manual, automated and final; create, describe, modify, copy, delete, batch),
 * restore from a snapshot and cross-account snapshot sharing (AuthorizeSnapshotAccess, RevokeSnapshotAccess),
 * scheduled actions (run on the server's clock), the catalogs (DescribeClusterVersions,
 * DescribeOrderableClusterOptions, DescribeClusterTracks) and temporary database credentials
 * (GetClusterCredentials, GetClusterCredentialsWithIAM) (docs/differences-from-aws.md). Every other Redshift operation answers 501
 * NotImplemented (docs/differences-from-aws.md, Out of scope: cross-region snapshot copy, data shares, … are out
 * of scope). The table below is exhaustive: a missing handler is a
 * compile error.
 */
import type { AnyOperation, ServiceDef } from "../operation.js";
import { API_OPERATIONS } from "./api-operations.js";
import { catalogOperations } from "./catalog/index.js";
import { authenticationProfileOperations } from "./authentication-profiles/index.js";
import { clusterOperations } from "./clusters/index.js";
import { credentialOperations } from "./credentials/index.js";
import { endpointAccessOperations } from "./endpoint-access/index.js";
import { parameterGroupOperations } from "./parameter-groups/index.js";
import { scheduledActionOperations } from "./scheduled-actions/index.js";
import { snapshotScheduleOperations } from "./snapshot-schedules/index.js";
import { snapshotOperations, type SnapshotOperation } from "./snapshots/index.js";
import { snapshotSharingOperations, type SnapshotSharingOperation } from "./snapshot-sharing/index.js";
import { subnetGroupOperations } from "./subnet-groups/index.js";
import { tagOperations } from "./tags/index.js";
import { usageLimitOperations } from "./usage-limits/index.js";

export type RedshiftOperation =
  | "CreateCluster"
  | "DescribeClusters"
  | "ModifyCluster"
  | "DeleteCluster"
  | "PauseCluster"
  | "ResumeCluster"
  | "RebootCluster"
  | "DescribeLoggingStatus"
  | "EnableLogging"
  | "DisableLogging"
  | "ModifyClusterIamRoles"
  | "CreateClusterSubnetGroup"
  | "DescribeClusterSubnetGroups"
  | "ModifyClusterSubnetGroup"
  | "DeleteClusterSubnetGroup"
  | "CreateClusterParameterGroup"
  | "DescribeClusterParameterGroups"
  | "ModifyClusterParameterGroup"
  | "ResetClusterParameterGroup"
  | "DeleteClusterParameterGroup"
  | "DescribeClusterParameters"
  | "DescribeDefaultClusterParameters"
  | "CreateSnapshotSchedule"
  | "DescribeSnapshotSchedules"
  | "ModifySnapshotSchedule"
  | "DeleteSnapshotSchedule"
  | "ModifyClusterSnapshotSchedule"
  | "CreateScheduledAction"
  | "DescribeScheduledActions"
  | "ModifyScheduledAction"
  | "DeleteScheduledAction"
  | "AuthorizeEndpointAccess"
  | "RevokeEndpointAccess"
  | "DescribeEndpointAuthorization"
  | "CreateEndpointAccess"
  | "DescribeEndpointAccess"
  | "ModifyEndpointAccess"
  | "DeleteEndpointAccess"
  | "CreateTags"
  | "DeleteTags"
  | "DescribeTags"
  | "DescribeClusterVersions"
  | "DescribeOrderableClusterOptions"
  | "DescribeClusterTracks"
  | "GetClusterCredentials"
  | "GetClusterCredentialsWithIAM"
  | "CreateUsageLimit"
  | "DescribeUsageLimits"
  | "ModifyUsageLimit"
  | "DeleteUsageLimit"
  | "CreateAuthenticationProfile"
  | "DescribeAuthenticationProfiles"
  | "ModifyAuthenticationProfile"
  | "DeleteAuthenticationProfile"
  | SnapshotOperation
  | SnapshotSharingOperation;

const operations: Record<RedshiftOperation, AnyOperation> = {
  ...clusterOperations,
  ...subnetGroupOperations,
  ...parameterGroupOperations,
  ...snapshotScheduleOperations,
  ...scheduledActionOperations,
  ...endpointAccessOperations,
  ...tagOperations,
  ...catalogOperations,
  ...credentialOperations,
  ...usageLimitOperations,
  ...authenticationProfileOperations,
  ...snapshotOperations,
  ...snapshotSharingOperations,
};

export const REDSHIFT_NAMESPACE = "http://redshift.amazonaws.com/doc/2012-12-01/";

export const redshift: ServiceDef = {
  signingName: "redshift",
  protocol: "query",
  version: "2012-12-01",
  namespace: REDSHIFT_NAMESPACE,
  operations,
  notImplemented: new Set(API_OPERATIONS.filter((name) => !(name in operations))),
};
