/**
 * The cluster operations of the Redshift service table (one file per action beside this one).
 *
 * AWS documents: CreateCluster/ModifyCluster parameter rules, the ClusterStatus values and the
 * ClusterAvailable/ClusterDeleted waiters [M]. We decided: lifecycles through domain/lifecycle.ts
 * (creating, modifying, pausing, resuming, rebooting, deleting), placement in the `default` subnet
 * group of the default VPC when none is named, relocation on by default for private RA3 clusters
 * (docs/differences-from-aws.md, Clusters); audit logging destinations are validated and recorded
 * (EnableLogging / DisableLogging / DescribeLoggingStatus), nothing is delivered. Known gaps:
 * snapshots, parameter groups, HSM, elastic IPs, IPv6 (dualstack), EC2-Classic cluster security groups
 * are not modelled; those parameters are ignored.
 */
import type { AnyOperation } from "../../operation.js";
import { CreateCluster } from "./create-cluster.js";
import { DeleteCluster } from "./delete-cluster.js";
import { DescribeClusters } from "./describe-clusters.js";
import { DescribeLoggingStatus } from "./describe-logging-status.js";
import { DisableLogging } from "./disable-logging.js";
import { EnableLogging } from "./enable-logging.js";
import { ModifyCluster } from "./modify-cluster.js";
import { ModifyClusterIamRoles } from "./modify-cluster-iam-roles.js";
import { PauseCluster } from "./pause-cluster.js";
import { RebootCluster } from "./reboot-cluster.js";
import { ResumeCluster } from "./resume-cluster.js";

export const clusterOperations: Record<
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
  | "ModifyClusterIamRoles",
  AnyOperation
> = {
  CreateCluster,
  DescribeClusters,
  ModifyCluster,
  DeleteCluster,
  PauseCluster,
  ResumeCluster,
  RebootCluster,
  DescribeLoggingStatus,
  EnableLogging,
  DisableLogging,
  ModifyClusterIamRoles,
};
