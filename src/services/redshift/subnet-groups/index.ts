/**
 * The cluster subnet group operations of the Redshift service table (one file per action beside this).
 *
 * AWS documents: names stored lowercase, ≤255 alphanumerics or hyphens, not `Default`; subnets of one
 * VPC; quotas of 20 groups per account and 20 subnets per group [M, QUOTA]. We decided: a group used by
 * a Redshift-managed endpoint is "in use" like one used by a cluster (docs/differences-from-aws.md,
 * Cluster subnet groups), and the
 * `default` group of clusters placed in the default VPC is a real group that does not count against the
 * quota. Known gaps: IPv6 (SupportedClusterIpAddressTypes is always ipv4).
 */
import type { AnyOperation } from "../../operation.js";
import { CreateClusterSubnetGroup } from "./create-cluster-subnet-group.js";
import { DeleteClusterSubnetGroup } from "./delete-cluster-subnet-group.js";
import { DescribeClusterSubnetGroups } from "./describe-cluster-subnet-groups.js";
import { ModifyClusterSubnetGroup } from "./modify-cluster-subnet-group.js";

export const subnetGroupOperations: Record<
  "CreateClusterSubnetGroup" | "DescribeClusterSubnetGroups" | "ModifyClusterSubnetGroup" | "DeleteClusterSubnetGroup",
  AnyOperation
> = {
  CreateClusterSubnetGroup,
  DescribeClusterSubnetGroups,
  ModifyClusterSubnetGroup,
  DeleteClusterSubnetGroup,
};
